import type { DataSource } from 'typeorm';
import {
  addDays,
  todayIn,
  type GroupSessionType,
  type SessionSetting,
  type Weekday,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';

interface DemoGroup {
  team: string;
  name: string;
  type: GroupSessionType;
  setting: SessionSetting;
  weekday: Weekday;
  /** ISO day of the week (Monday 1), for finding the demo meetings it already had. */
  isoDow: number;
  startTime: string;
  durationMinutes: number;
  /** The title the daily loop gave its meetings. */
  title: string;
}

/** The weekly groups of the daily loop (demo-daily-loop.ts), now kept as recurring groups. */
const GROUPS: DemoGroup[] = [
  {
    team: 'Northside Recovery Hub',
    name: 'Monday Recovery Circle',
    type: 'support_group',
    setting: 'community_center',
    weekday: 'monday',
    isoDow: 1,
    startTime: '10:00',
    durationMinutes: 90,
    title: 'Monday recovery circle',
  },
  {
    team: 'Northside Recovery Hub',
    name: 'Families and Carers Evening',
    type: 'family_support_group',
    setting: 'community_center',
    weekday: 'thursday',
    isoDow: 4,
    startTime: '18:00',
    durationMinutes: 90,
    title: 'Families and carers evening',
  },
  {
    team: 'Riverside Peer Collective',
    name: 'Friday Online Check-in',
    type: 'online_forum',
    setting: 'online',
    weekday: 'friday',
    isoDow: 5,
    startTime: '12:00',
    durationMinutes: 60,
    title: 'Online peer check-in',
  },
];

/**
 * Three recurring groups (SPEC §11) made from the weekly groups the demo
 * already meets: their past meetings are linked to them (`group_id`), the
 * team's workers facilitate them, and everyone still with the team who came
 * at least twice in the last eight weeks is a member since their first visit.
 */
export async function seedDemoGroups(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM recurring_group`);
  if (n > 0) return;
  const tz = config.orgTimezone;
  const since = addDays(todayIn(tz), -56);
  for (const g of GROUPS) {
    const teams: { id: string }[] = await ds.query(`SELECT id FROM team WHERE name = $1`, [g.team]);
    if (teams.length === 0) continue;
    const teamId = teams[0].id;
    await ds.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO recurring_group (team_id, name, type, setting, weekday, start_time, duration_minutes, facilitator_ids)
         SELECT $1, $2, $3, $4, $5, $6, $7,
                coalesce(array_agg(u.id ORDER BY u.email), '{}')
           FROM app_user u WHERE u.team_id = $1 AND u.role = 'worker' AND u.active
         RETURNING id`,
        [teamId, g.name, g.type, g.setting, g.weekday, g.startTime, g.durationMinutes],
      );
      await m.query(
        `UPDATE support_session SET group_id = $1
          WHERE team_id = $2 AND type = $3 AND title = $4 AND voided_at IS NULL
            AND extract(isodow FROM starts_at AT TIME ZONE $5) = $6`,
        [id, teamId, g.type, g.title, tz, g.isoDow],
      );
      await m.query(
        `INSERT INTO group_membership (group_id, participant_id, joined_on)
         SELECT $1, a.participant_id, min((s.starts_at AT TIME ZONE $3)::date)
           FROM support_session s
           JOIN attendance a ON a.session_id = s.id AND a.status = 'attended'
           JOIN participant p ON p.id = a.participant_id AND p.team_id = $2 AND p.status <> 'discharged'
          WHERE s.group_id = $1 AND s.starts_at >= $4::date
          GROUP BY a.participant_id
         HAVING count(*) >= 2`,
        [id, teamId, tz, since],
      );
    });
  }
}
