import type { LoginResponse } from '@peerpath/shared';
import { matchRoutes, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { queryClient, sessionForPageData } from './api';
import { openAlertsQuery } from './features/measures/api';
import { activityReportQuery, caseloadReportQuery } from './features/reports/api';
import { REPORTS_CHOICES, REPORTS_ROLES, reportsShown } from './features/reports/periods';
import { teamsQuery } from './features/teams/api';
import { today } from './lib/dates';

/**
 * A page's data asked for as the router goes to the page, not when the page has drawn. On a
 * slow phone opening the app, the page asked for its data only after the app had started, the
 * shell and the page's first view had been drawn and their effects had run: half a second after
 * the session was known. Asked here, the answers come back while that happens. The same queries
 * as the page's own (the same keys), so the page takes these answers and asks nothing again.
 *
 * Each is a route's loader that starts the requests once the session is known and returns at
 * once: the router draws the page without waiting for them. It runs as the route is entered, not
 * again while it stays (a new search, a new period): the page asks for those itself, and the
 * figures it already shows are kept up to date by their own queries. Nothing is asked for
 * without a session, or for a page the signed-in role does not see.
 *
 * Not for the home page's own sections: with what is due, the figures and the list all at hand
 * as it first drew, the home page drew them in one long task instead of one by one as they
 * arrived (Lighthouse's blocking time on the caseload went from 180–690 ms to 850–1,830 ms).
 */
function asking(start: (session: LoginResponse, url: URL) => void): RouteData {
  return {
    loader: ({ request }: LoaderFunctionArgs) => {
      const url = new URL(request.url);
      void sessionForPageData().then((session) => {
        if (session) start(session, url);
      });
      return null;
    },
    shouldRevalidate: () => false,
  };
}

type RouteData = Required<Pick<RouteObject, 'loader' | 'shouldRevalidate'>>;

/** A page's choices in an address (`useUrlState`): each the address's value, else its default. */
function choicesIn<K extends string>(url: URL, defaults: Record<K, string>): Record<K, string> {
  const choices = { ...defaults };
  for (const key of Object.keys(choices) as K[]) {
    choices[key] = url.searchParams.get(key) ?? choices[key];
  }
  return choices;
}

/** The shell's: the teams' names, and the open safety alerts it counts (SafetyAlerts.tsx). */
export const shellData = asking(({ user }) => {
  void queryClient.prefetchQuery(teamsQuery());
  void queryClient.prefetchQuery(openAlertsQuery(user.role === 'worker' ? user.id : undefined));
});

/** The reports page's two reports, for the period and team its address names. */
export const reportsData = asking(({ user }, url) => {
  if (!REPORTS_ROLES.includes(user.role)) return;
  const choices = choicesIn(url, REPORTS_CHOICES);
  const { range, badRange, teamId } = reportsShown(choices, user.role, today());
  void queryClient.prefetchQuery(caseloadReportQuery({ teamId }));
  if (!badRange) {
    void queryClient.prefetchQuery(activityReportQuery({ from: range.from, to: range.to, teamId }));
  }
});

/**
 * Runs the loaders of the routes an address matches, as the router will when it is made: for the
 * first page, whose router is made at the app's first render, after the organisation's locale has
 * arrived. The router's own run later finds the same queries asked for, and asks nothing again.
 */
export function startPageData(routes: RouteObject[], location: Location) {
  for (const { route, params } of matchRoutes(routes, location) ?? []) {
    if (typeof route.loader !== 'function') continue;
    const loader = route.loader as (
      args: Pick<LoaderFunctionArgs, 'request' | 'params'>,
    ) => unknown;
    loader({ request: new Request(location.href), params });
  }
}
