import { addDays, monthOf } from '@peerpath/shared';

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
