import { fieldError } from '../common/access';

/**
 * A record's dates in order: each of `later` that is set must not be before
 * `first` (400 naming the field otherwise). Dates are `YYYY-MM-DD` text.
 *
 *     datesNotBefore({ openedOn, dueOn, completedOn }, 'openedOn', 'dueOn', 'completedOn');
 */
export function datesNotBefore<K extends string>(
  dates: { [P in K]: string | null },
  first: K,
  ...later: K[]
): void {
  for (const field of later) {
    const date = dates[field];
    if (date && date < dates[first]!) {
      throw fieldError(field, `${field} must not be before ${first}`);
    }
  }
}
