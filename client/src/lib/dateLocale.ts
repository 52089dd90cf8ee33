import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/es';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import { adapterLocale } from '../locale';

dayjs.extend(localizedFormat);

/**
 * dayjs formats in the organisation's locale: called by the app before its first render, after
 * `loadOrgLocale` (the sign-in page shows no dates, so its first download carries no dayjs).
 */
export function applyDateLocale() {
  dayjs.locale(adapterLocale());
}
