import { addDays, monthOf, type Role } from '@peerpath/shared';
import { oneOf } from '../../lib/options';

/** The periods a report can cover: named ones counted from today, or dates of one's own. */
export const PERIODS = ['last_month', 'month', 'quarter', 'year', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABEL: Record<Period, string> = {
  last_month: 'Last month',
  month: 'This month (so far)',
  quarter: 'This quarter',
  year: 'This year',
  custom: 'Custom dates',
};

/** The dates a named period covers, counted from `day` (`YYYY-MM-DD`). */
export function periodRange(period: Exclude<Period, 'custom'>, day: string) {
  const year = day.slice(0, 4);
  switch (period) {
    case 'month':
      return monthOf(day);
    case 'last_month':
      return monthOf(addDays(`${day.slice(0, 8)}01`, -1));
    case 'quarter': {
      const first = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
      const from = `${year}-${String(first).padStart(2, '0')}-01`;
      return { from, to: monthOf(`${year}-${String(first + 2).padStart(2, '0')}-01`).to };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** Who sees the reports page. */
export const REPORTS_ROLES: readonly Role[] = ['supervisor', 'admin'];

/** The reports page's choices in its address, and what each is when the address names none. */
export const REPORTS_CHOICES = { period: 'last_month', from: '', to: '', team: '' };

/**
 * What the reports page at an address shows on `day`: the period (the last full month unless
 * the address names another: this month is only partly done), its dates, and the team an admin
 * chose. The page draws from it, and the route asks for its two reports with it before the
 * page's code has arrived (`src/pageData.ts`).
 */
export function reportsShown(choices: typeof REPORTS_CHOICES, role: Role, day: string) {
  const period = oneOf(PERIODS, choices.period) ?? 'last_month';
  const lastMonth = periodRange('last_month', day);
  const range =
    period === 'custom'
      ? { from: choices.from || lastMonth.from, to: choices.to || lastMonth.to }
      : periodRange(period, day);
  const teamId = role === 'admin' ? choices.team || undefined : undefined;
  return { period, range, badRange: range.from > range.to, teamId };
}
