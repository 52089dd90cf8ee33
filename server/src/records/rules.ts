import { ForbiddenException } from '@nestjs/common';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import type { ListScope } from './context';

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

/** A list's period in order: `to` not before `from` (400 naming `to` otherwise). */
export function periodInOrder(q: { from?: string | null; to?: string | null }): void {
  if (q.from && q.to && q.from > q.to) {
    throw fieldError('to', `to (${q.to}) must not be before from (${q.from})`);
  }
}

/**
 * Records a worker keeps of their own work (supervision, time entries): a
 * worker lists only theirs, and naming another worker is a 403.
 */
export function ownForWorkers(
  caller: AuthUser,
  scope: ListScope,
  workerId: string | null | undefined,
  what: string,
): void {
  if (caller.role !== 'worker') return;
  if (workerId && workerId !== caller.id) {
    throw new ForbiddenException(`A worker sees only their own ${what}`);
  }
  scope.filter.add('worker_id = ?', caller.id);
}
