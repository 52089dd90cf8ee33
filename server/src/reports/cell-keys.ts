import type { EntityManager } from 'typeorm';
import {
  SESSION_SETTINGS,
  SESSION_TYPES,
  activityCounts,
  type ActivityCellKeys,
  type ActivitySummary,
  type HoursRecords,
  type TimeEntryKind,
} from '@peerpath/shared';

/*
 * The cell keys of SPEC §14 for the activity summary's funder export: for each
 * published count, the fractional part of the sum of the record keys of the
 * records it counts, as SQL aggregates.
 *
 * Sessions (in total, by type, by setting), group attendance and contact hours
 * read the key sums that `team_day_activity` carries beside its counts (kept by
 * the roll-up triggers, migration RollupCellKeys), over the period's days, as
 * the summary reads its counts; participants served reads `participant_contact`
 * as the summary does and sums the keys of those participants. The other cells
 * read the period's handouts, advocacy actions, decision notes, enrolments and
 * discharges and time entries (other hours), as the summary's own figures do
 * (handouts and advocacy grouped by resource and outcome, category and level
 * first, as the summary groups its handouts).
 * So a perturbed export costs about what the exact one does. Keys are summed as
 * numeric, which is exact: the sum of the day sums is the sum over the records,
 * in any order, and so is the published figure.
 *
 * $1 from, $2 to (inclusive dates), $3 team or null. Sessions count by their
 * org-local day; a voided session counts nowhere.
 */
const IN_TEAM = (alias: string) => `($3::uuid IS NULL OR ${alias}.team_id = $3::uuid)`;
const KEY = (expr: string) => `mod(coalesce(sum(${expr}::numeric), 0), 1)::float8`;
/**
 * The count and key of a cell over rows already grouped (`n` records, `k` the numeric sum of their
 * keys): the grouping sets then add each record's key once, not once per set.
 */
const PREGROUPED = (alias: string) =>
  `coalesce(sum(${alias}.n), 0)::int, mod(coalesce(sum(${alias}.k), 0), 1)::float8`;

/** The cells read from `team_day_activity`: (cell, count column, key column). */
const DAY_CELLS: [cell: string, count: string, key: string][] = [
  ['sessions.total', 'sessions', 'key_sessions'],
  ...SESSION_TYPES.map((t): [string, string, string] => [
    `sessions.byType.${t}`,
    `type_${t}`,
    `key_type_${t}`,
  ]),
  ...SESSION_SETTINGS.map((x): [string, string, string] => [
    `sessions.bySetting.${x}`,
    `setting_${x}`,
    `key_setting_${x}`,
  ]),
  ['groupAttendance.attended', 'group_attended', 'key_group_attended'],
  ['contactHours', 'attended', 'key_attended'],
];

export const ACTIVITY_KEYS_SQL = `
  WITH d AS (
    SELECT ${DAY_CELLS.map(
      ([, n, k]) => `coalesce(sum(r.${n}), 0)::int AS ${n}, ${KEY(`r.${k}`)} AS ${k}`,
    ).join(',\n           ')}
      FROM team_day_activity r
     WHERE r.day BETWEEN $1::date AND $2::date AND ${IN_TEAM('r')}
  )
  SELECT v.cell, v.n, v.k
    FROM d, LATERAL (VALUES
      ${DAY_CELLS.map(([cell, n, k]) => `('${cell}', d.${n}, d.${k})`).join(',\n      ')}
    ) v(cell, n, k)
  UNION ALL
  SELECT 'participantsServed', count(*)::int, ${KEY('p.record_key')}
    FROM participant p
   WHERE p.id IN (
     SELECT pc.participant_id
       FROM participant_contact pc
      WHERE pc.last_day >= $1::date AND pc.first_day <= $2::date AND ${IN_TEAM('pc')}
        AND (pc.first_day >= $1::date OR pc.last_day <= $2::date
             OR pc.days && daterange($1::date, $2::date, '[]')))
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
         ${PREGROUPED('h')}
    FROM (SELECT h.resource_id, h.outcome, count(*) AS n, sum(h.record_key::numeric) AS k
            FROM handout h
           WHERE h.given_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('h')}
           GROUP BY h.resource_id, h.outcome) h
    JOIN resource r ON r.id = h.resource_id
   GROUP BY GROUPING SETS ((r.category), (h.outcome), ())
  UNION ALL
  SELECT CASE WHEN GROUPING(x.category) = 0 THEN 'advocacy.byCategory.' || x.category
              WHEN GROUPING(x.level) = 0 THEN 'advocacy.byLevel.' || x.level
              ELSE 'advocacy.opened' END,
         ${PREGROUPED('x')}
    FROM (SELECT x.category, x.level, count(*) AS n, sum(x.record_key::numeric) AS k
            FROM advocacy_action x
           WHERE x.opened_on BETWEEN $1::date AND $2::date AND ${IN_TEAM('x')}
           GROUP BY x.category, x.level) x
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
