import { useCallback, useState, type ComponentType } from 'react';
import {
  createBrowserRouter,
  Link,
  useLocation,
  useNavigate,
  type RouteObject,
} from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RequireAuth } from './auth';
import { FullPageLoading } from './components/Loading';
import { applyDateLocale } from './lib/dateLocale';
import type { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { setRouterLink } from './theme/LinkBehavior';

// MUI links and buttons with `href` navigate inside the app from here on.
setRouterLink(Link);

/** Each page is its own chunk, loaded when first visited. */
const page = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

/**
 * The sign-in page inside the app (after signing out, or sent there by a page), with the
 * router's way there and back. The page itself is the chunk a first visit to /login loaded
 * without the router (`main.tsx`), so it is at hand after signing out offline.
 */
function LoginRoute({ page: Page }: { page: typeof LoginPage }) {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const onSignedIn = useCallback((to: string) => navigate(to, { replace: true }), [navigate]);
  return <Page from={from} onSignedIn={onSignedIn} />;
}

const pages: RouteObject[] = [
  { index: true, lazy: page(() => import('./pages/CaseloadPage').then((m) => m.CaseloadPage)) },
  {
    path: 'participants',
    lazy: page(() => import('./pages/ParticipantsPage').then((m) => m.ParticipantsPage)),
  },
  {
    path: 'participants/new',
    lazy: page(() => import('./pages/NewParticipantPage').then((m) => m.NewParticipantPage)),
  },
  {
    path: 'participants/:id',
    lazy: page(() => import('./pages/ParticipantPage').then((m) => m.ParticipantPage)),
  },
  {
    path: 'participants/:id/plan',
    lazy: page(() => import('./pages/PlanPage').then((m) => m.PlanPage)),
  },
  {
    path: 'participants/:id/plan/compare',
    lazy: page(() => import('./pages/PlanPage').then((m) => m.PlanComparePage)),
  },
  {
    path: 'participants/:id/goals/:goalId',
    lazy: page(() => import('./pages/GoalPage').then((m) => m.GoalPage)),
  },
  {
    path: 'plans/:id',
    lazy: page(() => import('./pages/PlanPage').then((m) => m.PlanVersionPage)),
  },
  {
    path: 'sessions',
    lazy: page(() => import('./pages/SessionsPage').then((m) => m.SessionsPage)),
  },
  {
    path: 'sessions/new',
    lazy: page(() => import('./pages/NewSessionPage').then((m) => m.NewSessionPage)),
  },
  {
    path: 'sessions/:id',
    lazy: page(() => import('./pages/SessionPage').then((m) => m.SessionPage)),
  },
  {
    path: 'groups',
    lazy: page(() => import('./features/groups/GroupsPage').then((m) => m.GroupsPage)),
  },
  {
    path: 'groups/:id',
    lazy: page(() => import('./features/groups/GroupPage').then((m) => m.GroupPage)),
  },
  {
    path: 'advocacy',
    lazy: page(() => import('./pages/AdvocacyPage').then((m) => m.AdvocacyPage)),
  },
  {
    path: 'resources',
    lazy: page(() => import('./pages/ResourcesPage').then((m) => m.ResourcesPage)),
  },
  {
    path: 'resources/import',
    lazy: page(() => import('./pages/ImportDirectoryPage').then((m) => m.ImportDirectoryPage)),
  },
  {
    path: 'decision-notes/new',
    lazy: page(() => import('./pages/NewDecisionNotePage').then((m) => m.NewDecisionNotePage)),
  },
  {
    path: 'decision-notes/:id',
    lazy: page(() => import('./pages/DecisionNotePage').then((m) => m.DecisionNotePage)),
  },
  {
    path: 'notes/cosign',
    lazy: page(() => import('./pages/CosignQueuePage').then((m) => m.CosignQueuePage)),
  },
  {
    path: 'reports',
    lazy: page(() => import('./pages/ReportsPage').then((m) => m.ReportsPage)),
  },
  {
    path: 'supervision',
    lazy: page(() => import('./pages/SupervisionPage').then((m) => m.SupervisionPage)),
  },
  { path: 'time', lazy: page(() => import('./pages/MyTimePage').then((m) => m.MyTimePage)) },
  { path: 'billing', lazy: page(() => import('./pages/BillingPage').then((m) => m.BillingPage)) },
  { path: 'admin', lazy: page(() => import('./pages/AdminPage').then((m) => m.AdminPage)) },
  { path: 'audit', lazy: page(() => import('./pages/AuditPage').then((m) => m.AuditPage)) },
  {
    path: 'account/password',
    lazy: page(() => import('./pages/ChangePasswordPage').then((m) => m.ChangePasswordPage)),
  },
  { path: '*', Component: NotFoundPage },
];

const routes: RouteObject[] = [
  {
    HydrateFallback: FullPageLoading,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: '/login',
        lazy: async () => {
          const { LoginPage } = await import('./pages/LoginPage');
          return { element: <LoginRoute page={LoginPage} /> };
        },
      },
      {
        // The locked self-entry mode: outside the shell, so nothing else of the app is in reach.
        path: '/participants/:id/self-entry/:instrument',
        lazy: async () => {
          const { SelfEntryPage } = await import('./features/measures/SelfEntryPage');
          return {
            element: (
              <RequireAuth>
                <SelfEntryPage />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: '/',
        // The shell (navigation, the outbox, safety alerts) loads with the first signed-in page,
        // so the sign-in page carries none of it.
        lazy: async () => {
          const { AppShell } = await import('./components/AppShell');
          return {
            element: (
              <RequireAuth>
                <AppShell />
              </RequireAuth>
            ),
          };
        },
        // Errors inside a page show inside the shell, navigation still working.
        children: [{ ErrorBoundary: RouteErrorPage, children: pages }],
      },
    ],
  },
];

// Made at the first render, not when this module loads: after signing in on the page shown
// without the router (`main.tsx`), it starts at the address the sign-in went on to.
let router: ReturnType<typeof createBrowserRouter> | null = null;

function appRouter() {
  if (!router) {
    applyDateLocale();
    router = createBrowserRouter(routes);
  }
  return router;
}

/** The signed-in app, and the sign-in page when a page sends someone there. */
export function App() {
  const [current] = useState(appRouter);
  return <RouterProvider router={current} />;
}
