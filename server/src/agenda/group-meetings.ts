/**
 * The meetings of the recurring groups a worker facilitates (SPEC §11), one row
 * a group and day it meets on, from the day `from` for `days` more days, that
 * are not yet logged for that day: the agenda's `group_meeting` items (one day)
 * and the calendar feed's (each of its days). Columns as the agenda's items:
 * kind, due_on (date), participant_id, participant_name, title, link, record_id.
 * The arguments are the query's placeholders (or SQL expressions).
 */
export function groupMeetingsSql(p: { worker: string; team: string; from: string; days: string }) {
  return `
    SELECT 'group_meeting' AS kind, d::date AS due_on, NULL::uuid AS participant_id,
           NULL AS participant_name, g.name AS title, '/groups/' || g.id AS link, g.id AS record_id
      FROM recurring_group g
     CROSS JOIN generate_series(${p.from}::date, ${p.from}::date + ${p.days}::int, interval '1 day') d
     WHERE g.team_id = ${p.team}::uuid AND g.active AND ${p.worker}::uuid = ANY(g.facilitator_ids)
       AND g.weekday = trim(to_char(d, 'day'))
       AND NOT EXISTS (
         SELECT 1 FROM support_session gs
          WHERE gs.group_id = g.id AND gs.voided_at IS NULL
            AND gs.starts_at >= d::date AND gs.starts_at < d::date + 1
       )`;
}
