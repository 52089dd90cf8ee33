import dayjs from 'dayjs';

// Formats follow the organisation's locale (see `locale.ts`): the examples are en-GB.

/** "12 Mar 2026" (en-US "Mar 12, 2026") */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value.length === 10 ? `${value}T00:00:00` : value);
  return d.isValid() ? d.format('ll') : value;
}

/** "Thu 12 Mar 2026, 14:30" (en-US "Thu Mar 12, 2026, 2:30 PM") */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? `${d.format('ddd')} ${d.format('ll')}, ${d.format('LT')}` : value;
}

/** Today in the browser's time zone, `YYYY-MM-DD`. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** Whole days from a `YYYY-MM-DD` date to today (0 = today). */
export function daysSince(date: string): number {
  return dayjs()
    .startOf('day')
    .diff(dayjs(`${date}T00:00:00`), 'day');
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
