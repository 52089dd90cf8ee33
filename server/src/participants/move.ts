import type { EntityManager } from 'typeorm';
import { ADVOCACY } from '../advocacy/advocacy.mapper';
import { CONSENT, CONSENT_SCAN, DISCLOSURE } from '../consents/consents.mapper';
import { DECISION_NOTE } from '../decision-notes/decision-notes.mapper';
import { HANDOUT } from '../handouts/handouts.mapper';
import { MEASUREMENT, SAFETY_ALERT } from '../measures/measures.mapper';
import { PLAN_GOALS, PLAN_REVIEWS, PLANS } from '../plans/plans.mapper';
import { writeRows, type RecordTable } from '../records';

/**
 * The records attached to one participant alone, which move with them when
 * an admin moves them to another team (SPEC §1). A new record type that
 * belongs to one person adds its table here, and only here.
 *
 * Not listed, on purpose: sessions (and their attendance) stay with the team
 * that delivered them — they are that team's activity and stay in its
 * reports — and so do the session notes written in them (SPEC §1, §8: a note
 * stays with its session's team, which sees the person as "Participant of
 * another team"); systemic advocacy actions have no participant.
 */
export const ATTACHED_RECORDS: readonly RecordTable<{ id: string; teamId: string }>[] = [
  ADVOCACY,
  HANDOUT,
  DECISION_NOTE,
  PLANS,
  PLAN_GOALS,
  PLAN_REVIEWS,
  MEASUREMENT,
  SAFETY_ALERT,
  CONSENT,
  DISCLOSURE,
  CONSENT_SCAN,
];

/**
 * Moves everything attached to a participant alone from `fromTeam` to
 * `toTeam`, in the caller's transaction (the one that changes the
 * participant's team). A versioned record gets a new version, so a change
 * the old team started before the move cannot land. Who did the work
 * (`worker_id`) is kept: it is the history; a supervisor of the new team
 * reassigns what is still open. Returns how many records of each table moved.
 */
export async function moveParticipantRecords(
  m: EntityManager,
  participantId: string,
  fromTeam: string,
  toTeam: string,
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { table, columns } of ATTACHED_RECORDS) {
    const versioned = 'version' in columns;
    const { count } = await writeRows(
      m,
      `UPDATE ${table}
          SET team_id = $3, updated_at = now()${versioned ? ', version = version + 1' : ''}
        WHERE participant_id = $1 AND team_id = $2`,
      [participantId, fromTeam, toTeam],
    );
    moved[table] = count;
  }
  return moved;
}
