import type { DataSource } from 'typeorm';
import { addDays, todayIn, type TimeEntryKind } from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import { seededRandom } from './random';

/** What the week outside sessions looks like, in the worker's own words (SPEC §11). */
const NOTES: Record<TimeEntryKind, readonly (string | null)[]> = {
  outreach: [
    'Stood with the flyers at the Friday food bank. Three people took our number.',
    'Walked the riverside path with the outreach van and said hello to regulars.',
    'Dropped in at the library drop-in and talked about the Tuesday group.',
    null,
  ],
  travel: [
    'Drove to the hospital for a discharge meeting and back.',
    'Bus across town for a home visit.',
    null,
    null,
  ],
  documentation: [
    'Caught up on session notes from the week.',
    'Wrote up the housing appeal letter with the details we gathered.',
    null,
  ],
  training: [
    'Trauma-informed care refresher with the county team.',
    'Naloxone training: I can now show others how to use it.',
    'Motivational interviewing practice circle.',
  ],
  supervision: ['Talked through a hard week and what I need to keep going.', null],
  community_event: [
    'Recovery Month picnic in the park: ran the peer support table.',
    'Spoke on the panel at the community college wellness fair.',
    'Helped set up the family night at the community centre.',
  ],
  admin: ['Team meeting and rota planning.', 'Mileage forms and the monthly stats.', null],
};

/** Typical minutes for each kind of work. */
const MINUTES: Record<TimeEntryKind, readonly number[]> = {
  outreach: [45, 60, 90, 120],
  travel: [20, 30, 40, 60],
  documentation: [30, 45, 60],
  training: [90, 120, 180],
  supervision: [45, 60],
  community_event: [120, 180, 240],
  admin: [30, 45, 60],
};

/** A month of time entries for every worker and supervisor: the work that never shows in a session. */
export async function seedDemoTime(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const rnd = seededRandom(1201);
  const today = todayIn(config.orgTimezone);
  const people: { id: string; teamId: string; role: string }[] = await ds.query(
    `SELECT id, team_id AS "teamId", role FROM app_user
      WHERE team_id IS NOT NULL AND role IN ('worker', 'supervisor') AND active
      ORDER BY email`,
  );
  const rows: unknown[][] = [];
  for (const p of people) {
    for (let back = 30; back >= 0; back--) {
      const on = addDays(today, -back);
      const weekday = new Date(`${on}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const kinds: TimeEntryKind[] = [];
      if (rnd.chance(0.55)) kinds.push(rnd.pick(['outreach', 'travel'] as const));
      if (rnd.chance(0.4)) kinds.push('documentation');
      if (rnd.chance(0.12)) kinds.push(rnd.pick(['training', 'community_event', 'admin'] as const));
      // Supervision every other week, on a Wednesday.
      if (weekday === 3 && back % 14 < 7) kinds.push('supervision');
      for (const kind of kinds) {
        rows.push([p.teamId, p.id, on, rnd.pick(MINUTES[kind]), kind, rnd.pick(NOTES[kind])]);
      }
    }
  }
  if (rows.length === 0) return;
  const values = rows
    .map(
      (_, i) =>
        `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
    )
    .join(', ');
  await ds.query(
    `INSERT INTO time_entry (team_id, worker_id, worked_on, minutes, kind, note) VALUES ${values}`,
    rows.flat(),
  );
}
