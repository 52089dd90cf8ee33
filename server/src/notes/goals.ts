import type { EntityManager } from 'typeorm';
import { fieldError } from '../common/access';

/**
 * A note links goals of the person's plan in force on the session's date
 * (SPEC §8, §7: in force on day X when activatedOn <= X and, once superseded,
 * X < supersededOn; drafts never are). Every id of `goalIds` must be one of
 * them, else 400 naming `goalIds`.
 */
export async function checkGoals(
  m: EntityManager,
  participantId: string,
  sessionDate: string,
  goalIds: readonly string[],
): Promise<void> {
  if (goalIds.length === 0) return;
  const rows: { goalId: string }[] = await m.query(
    `SELECT g.goal_id AS "goalId"
       FROM recovery_plan_goal g
       JOIN recovery_plan p ON p.id = g.plan_id
      WHERE g.goal_id = ANY($1::uuid[]) AND g.participant_id = $2
        AND p.activated_on <= $3::date
        AND (p.superseded_on IS NULL OR $3::date < p.superseded_on)`,
    [goalIds, participantId, sessionDate],
  );
  const found = new Set(rows.map((r) => r.goalId));
  const missing = goalIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw fieldError(
      'goalIds',
      'goalIds must be goals of the person’s plan in force on the session date',
    );
  }
}

/**
 * Every goal of the person's agreed plans by id, in the words of the newest
 * agreed version that has it: the timeline's goal chips.
 */
export async function goalStatements(
  m: EntityManager,
  participantId: string,
): Promise<Map<string, string>> {
  const rows: { goalId: string; statement: string }[] = await m.query(
    `SELECT DISTINCT ON (g.goal_id) g.goal_id AS "goalId", g.statement
       FROM recovery_plan_goal g
       JOIN recovery_plan p ON p.id = g.plan_id
      WHERE g.participant_id = $1 AND p.activated_on IS NOT NULL
      ORDER BY g.goal_id, p.version_no DESC`,
    [participantId],
  );
  return new Map(rows.map((r) => [r.goalId, r.statement]));
}
