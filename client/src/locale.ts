import type { Theme } from '@mui/material/styles';
import type {} from '@mui/x-date-pickers/themeAugmentation';
import type { OrgLocale, PublicSettings } from '@peerpath/shared';
import { takeStarted } from './api/started';
/**
 * The organisation's locale (`ORG_LOCALE` on the server, read from the public
 * `GET /api/settings`): dates are typed in the same order they are shown, with
 * 24-hour time where the locale uses it, so 04/12 never means two days.
 */
const DAYJS_LOCALE: Record<OrgLocale, string> = { 'en-GB': 'en-gb', 'en-US': 'en', es: 'es' };

/** What a date (and time) field takes, shown beside every picker. */
const HINTS: Record<OrgLocale, { date: string; time: string }> = {
  'en-GB': { date: 'DD/MM/YYYY', time: 'HH:mm' },
  'en-US': { date: 'MM/DD/YYYY', time: 'hh:mm AM/PM' },
  es: { date: 'DD/MM/YYYY', time: 'HH:mm' },
};

let current: OrgLocale = 'en-GB';

export const orgLocale = (): OrgLocale => current;

/** The dayjs locale name, for the pickers' `LocalizationProvider`. */
export const adapterLocale = (): string => DAYJS_LOCALE[current];

/** "DD/MM/YYYY" or, with the time, "DD/MM/YYYY HH:mm". */
export function dateFormatHint(withTime = false): string {
  const h = HINTS[current];
  return withTime ? `${h.date} ${h.time}` : h.date;
}

/** The hint as a picker's helper text. */
export const formatHelp = (withTime = false) => `Format ${dateFormatHint(withTime)}`;

function isOrgLocale(value: unknown): value is OrgLocale {
  return typeof value === 'string' && value in DAYJS_LOCALE;
}

/**
 * Reads the organisation's locale (falling back to en-GB when the server
 * cannot be reached) and applies it: a format hint under every date and
 * date-time picker, set once as the pickers' theme defaults; dayjs's formats
 * follow when the app loads (`applyDateLocale`, not needed to sign in).
 * Runs before the first render.
 */
export async function loadOrgLocale(theme: Theme): Promise<void> {
  try {
    // Asked while the app's code downloaded (src/api/started.ts), else now.
    const res = await (takeStarted('settings') ??
      fetch('/api/settings', { signal: AbortSignal.timeout(5000) }));
    if (res.ok) {
      const { locale } = (await res.json()) as Partial<PublicSettings>;
      if (isOrgLocale(locale)) current = locale;
    }
  } catch {
    // Offline or starting: the default locale until the next load.
  }
  const hint = (withTime: boolean) => ({
    defaultProps: { slotProps: { textField: { helperText: formatHelp(withTime) } } },
  });
  theme.components = {
    ...theme.components,
    MuiDatePicker: hint(false),
    MuiDateTimePicker: hint(true),
  };
}
