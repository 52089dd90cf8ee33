import type { DataSource } from 'typeorm';
import { addDays, todayIn } from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import { seededRandom } from './random';

/** What supervision is about, strengths first, in plain words (SPEC §11). */
const TOPICS = [
  'Celebrated how the Tuesday group has grown; talked about sharing the facilitation.',
  'A hard week with two people in crisis: what helped, and taking the Friday afternoon off.',
  'Using my own story with care: when it helps someone, and when to hold it back.',
  'Good work on the housing appeal. Talked about pacing advocacy alongside the caseload.',
  'Boundaries with a participant who calls late at night, kindly and clearly.',
  'Preparing for the hospital in-reach: who to meet first, and what to bring.',
  'Reflected on a goal someone reached after months of small steps.',
] as const;

const ACTIONS = [
  'Book the boundaries refresher in the spring.',
  'Shadow the hospital in-reach once before going alone.',
  'Try co-facilitating the family group next month.',
  'Add the food bank hours to the resource directory.',
  null,
  null,
] as const;

const GROUP_TOPICS = [
  'Team reflective practice: stories of hope from the month, and how we look after ourselves.',
  'Group supervision: what we are learning from the outreach at the library.',
] as const;

/**
 * Supervision over the last ten weeks: each worker one to one about every two
 * weeks with their team's supervisor, and the team together once a month. One
 * worker of each team was last seen five weeks ago, so the supervisor's view
 * has someone to catch up with.
 */
export async function seedDemoSupervision(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const rnd = seededRandom(2110);
  const today = todayIn(config.orgTimezone);
  const teams: { teamId: string; supervisorId: string; workers: string[] }[] = await ds.query(
    `SELECT s.team_id AS "teamId", s.id AS "supervisorId",
            array_agg(w.id ORDER BY w.email) AS workers
       FROM app_user s JOIN app_user w ON w.team_id = s.team_id AND w.role = 'worker' AND w.active
      WHERE s.role = 'supervisor' AND s.active
      GROUP BY s.team_id, s.id`,
  );
  const rows: unknown[][] = [];
  for (const team of teams) {
    team.workers.forEach((workerId, i) => {
      // The last worker of each team has waited longest: nothing in the last five weeks.
      const latest = i === team.workers.length - 1 ? 36 : 3 + i * 2;
      for (let back = latest; back <= 70; back += 14) {
        rows.push([
          team.teamId,
          workerId,
          team.supervisorId,
          addDays(today, -back),
          rnd.pick([45, 60, 60, 90]),
          'individual',
          rnd.pick(TOPICS),
          rnd.pick(ACTIONS),
        ]);
      }
    });
    for (const back of [33, 61]) {
      for (const workerId of team.workers) {
        rows.push([
          team.teamId,
          workerId,
          team.supervisorId,
          addDays(today, -back),
          90,
          'group',
          GROUP_TOPICS[back === 33 ? 0 : 1],
          null,
        ]);
      }
    }
  }
  if (rows.length === 0) return;
  const width = 8;
  const values = rows
    .map(
      (_, i) => `(${Array.from({ length: width }, (__, j) => `$${i * width + j + 1}`).join(', ')})`,
    )
    .join(', ');
  await ds.query(
    `INSERT INTO supervision (team_id, worker_id, supervisor_id, held_on, minutes, format, topics, action_items)
     VALUES ${values}`,
    rows.flat(),
  );
}
