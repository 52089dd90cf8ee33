import type { EntityManager } from 'typeorm';
import {
  SESSION_TYPES,
  activityCounts,
  formatOf,
  type ActivityCellKeys,
  type ActivitySummary,
  type AttendanceStatus,
  type HoursRecords,
  type TimeEntryKind,
} from '@peerpath/shared';

/*
 * The cell keys of SPEC §14 for the activity summary's funder export: for each
 * published count, the fractional part of the sum of the record keys of the
 * records it counts. The roll-ups the summary reads carry no keys, so this
 * reads the base tables of the period, as SQL aggregates: the period's
 * sessions (by the `support_session_starts_cover_idx` range), their attended
 * rows (by `attendance_attended_idx`), the participants they cover (by primary
 * key) and the period's handouts, advocacy actions, decision notes and time
 * entries (other hours, by the `time_entry_team_on_idx` range). Its cost
 * grows with the period's records, like the raw SQL the roll-ups replace; it is
 * paid by funder exports under `EXPORT_PROTECTION=perturb` only, never by the
 * on-screen report. Keys are summed as numeric, so the sum (and so the
 * published figure) does not depend on the order the rows are read in.
 *
 * $1 from, $2 to (inclusive dates), $3 team or null, $4 attended, $5 the group
 * session types. Sessions count by their org-local day (report_setting, as the
 * roll-ups do); a voided session counts nowhere.
 */
const IN_TEAM = (alias: string) => `($3::uuid IS NULL OR ${alias}.team_id = $3::uuid)`;
const KEY = (expr: string) => `mod(coalesce(sum(${expr}::numeric), 0), 1)::float8`;

export const ACTIVITY_KEYS_SQL = `
  WITH s AS (
    SELECT s.id, s.type, s.setting, s.record_key
      FROM support_session s
     WHERE s.starts_at >= ($1::date::timestamp AT TIME ZONE (SELECT org_timezone FROM report_setting))
       AND s.starts_at < (($2::date + 1)::timestamp AT TIME ZONE (SELECT org_timezone FROM report_setting))
       AND s.voided_at IS NULL AND ${IN_TEAM('s')}
  ), a AS (
    SELECT a.participant_id, a.record_key, s.type = ANY($5::text[]) AS in_group
      FROM attendance a JOIN s ON s.id = a.session_id
     WHERE a.status = $4
  )
  SELECT CASE WHEN GROUPING(s.type) = 0 THEN 'sessions.byType.' || s.type
              WHEN GROUPING(s.setting) = 0 THEN 'sessions.bySetting.' || s.setting
              ELSE 'sessions.total' END AS cell,
         count(*)::int AS n, ${KEY('s.record_key')} AS k
    FROM s
   GROUP BY GROUPING SETS ((s.type), (s.setting), ())
  UNION ALL
  SELECT 'groupAttendance.attended', count(*) FILTER (WHERE a.in_group)::int,
         mod(coalesce(sum(a.record_key::numeric) FILTER (WHERE a.in_group), 0), 1)::float8
    FROM a
  UNION ALL
  SELECT 'contactHours', count(*)::int, ${KEY('a.record_key')} FROM a
  UNION ALL
  SELECT 'participantsServed', count(*)::int, ${KEY('p.record_key')}
    FROM participant p WHERE p.id IN (SELECT a.participant_id FROM a)
  UNION ALL
  SELECT 'newParticipants', count(*)::int, ${KEY('p.record_key')}
    FROM participant p WHERE p.enrolled_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('p')}
  UNION ALL
  SELECT 'dischargedParticipants', count(*)::int, ${KEY('p.record_key')}
    FROM participant p WHERE p.discharged_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('p')}
  UNION ALL
  SELECT CASE WHEN GROUPING(r.category) = 0 THEN 'handouts.byCategory.' || r.category
              WHEN GROUPING(h.outcome) = 0 THEN 'handouts.byOutcome.' || h.outcome
              ELSE 'handouts.total' END,
         count(*)::int, ${KEY('h.record_key')}
    FROM handout h JOIN resource r ON r.id = h.resource_id
   WHERE h.given_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('h')}
   GROUP BY GROUPING SETS ((r.category), (h.outcome), ())
  UNION ALL
  SELECT CASE WHEN GROUPING(x.category) = 0 THEN 'advocacy.byCategory.' || x.category
              WHEN GROUPING(x.level) = 0 THEN 'advocacy.byLevel.' || x.level
              ELSE 'advocacy.opened' END,
         count(*)::int, ${KEY('x.record_key')}
    FROM advocacy_action x
   WHERE x.opened_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('x')}
   GROUP BY GROUPING SETS ((x.category), (x.level), ())
  UNION ALL
  SELECT 'advocacy.completed', count(*)::int, ${KEY('x.record_key')}
    FROM advocacy_action x WHERE x.completed_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('x')}
  UNION ALL
  SELECT 'decisionNotes', count(*)::int, ${KEY('d.record_key')}
    FROM decision_note d WHERE d.discussed_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('d')}
  UNION ALL
  SELECT CASE WHEN GROUPING(e.kind) = 0 THEN 'otherHours.byKind.' || e.kind
              ELSE 'otherHours.total' END,
         count(*)::int, ${KEY('e.record_key')}
    FROM time_entry e
   WHERE e.worked_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('e')}
   GROUP BY GROUPING SETS ((e.kind), ())`;

const ATTENDED: AttendanceStatus = 'attended';
const GROUP_TYPES = SESSION_TYPES.filter((t) => formatOf(t) === 'group');

/** One published cell: how many records it counts and its cell key. */
export interface CellKeyRow {
  cell: string;
  n: number;
  k: number;
}

/**
 * The cell keys of the activity summary `s` of the same period and team, read
 * in the same snapshot. A cell with no records has key 0 (its count is 0, and
 * zero is published as 0 whatever the key).
 */
export async function activityCellKeys(
  m: EntityManager,
  s: ActivitySummary,
): Promise<ActivityCellKeys & { rows: CellKeyRow[] }> {
  const rows: CellKeyRow[] = await m.query(ACTIVITY_KEYS_SQL, [
    s.period.from,
    s.period.to,
    s.teamId,
    ATTENDED,
    GROUP_TYPES,
  ]);
  const byCell = new Map(rows.map((r) => [r.cell, r]));
  const cells = Object.fromEntries(
    Object.keys(activityCounts(s)).map((c) => [c, byCell.get(c)?.k ?? 0]),
  );
  const contact = byCell.get('contactHours');
  const hoursOf = (r: CellKeyRow | undefined): HoursRecords => ({ n: r?.n ?? 0, k: r?.k ?? 0 });
  const byKind: Partial<Record<TimeEntryKind, HoursRecords>> = {};
  for (const r of rows) {
    if (r.cell.startsWith('otherHours.byKind.')) {
      byKind[r.cell.slice('otherHours.byKind.'.length) as TimeEntryKind] = hoursOf(r);
    }
  }
  return {
    cells,
    contactRows: contact?.n ?? 0,
    contactKey: contact?.k ?? 0,
    otherHours: { total: hoursOf(byCell.get('otherHours.total')), byKind },
    rows,
  };
}
