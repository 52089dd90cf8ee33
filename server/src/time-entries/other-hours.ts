import { ApiProperty } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import { TIME_ENTRY_KINDS, type ActivitySummary, type TimeEntryKind } from '@peerpath/shared';
import { Out } from '../common/api-docs';
import type { Queryable } from '../records';
import type { CellKeyRow } from '../reports/cell-keys';
import { keyOfUnits, keyUnits } from '../reports/key-sums';
import { TIME_ROLLUP_CELLS, periodByMonths } from '../database/rollups';

type OtherHours = ActivitySummary['otherHours'];

/** The period's whole months and the days outside them (migration RecordMonthRollups). */
const PERIOD = periodByMonths('$1::date', '$2::date');
const IN_TEAM = (alias: string) => `($3::uuid IS NULL OR ${alias}.team_id = $3::uuid)`;

/**
 * `otherHours` of the activity summary: time entries whose day falls in the
 * period ($1–$2, inclusive), of a team ($3, null for every team); minutes / 60
 * to 1 decimal, the total summed before rounding. With `keys`, also the entries
 * each figure is summed over: their number and cell key (SPEC §14). The
 * period's whole months are read from `team_month_records` (entries and
 * minutes, in total and by kind), the days outside them from the entries.
 */
const otherHoursSql = (keys: boolean) => {
  const units = (col: string) => (keys ? `, ${col}` : '');
  return `
  WITH months AS (${PERIOD.monthSums(
    'team_month_records',
    TIME_ROLLUP_CELLS.flatMap((c) => [
      c.column,
      `minutes_${c.column}`,
      ...(keys ? [`key_${c.column}`] : []),
    ]),
    IN_TEAM('m'),
  )}
  ), cells AS (
    SELECT e.kind::text AS kind, GROUPING(e.kind) = 1 AS is_total, sum(e.minutes) AS minutes,
           count(*) AS n${units(`${keyUnits('e.record_key')} AS units`)}
      FROM ${PERIOD.edgeRows('time_entry', `x.kind, x.minutes${units('x.record_key')}`, 'worked_on', IN_TEAM('x'))} e
     GROUP BY GROUPING SETS ((e.kind), ())
    UNION ALL
    SELECT c.kind, c.is_total, c.minutes, c.n${units('c.units')}
      FROM months CROSS JOIN LATERAL (VALUES
        ${TIME_ROLLUP_CELLS.map((c) => `(${c.key === null ? 'NULL' : `'${c.key}'`}, ${c.key === null}, months.minutes_${c.column}, months.${c.column}${units(`months.key_${c.column}`)})`).join(',\n        ')}
      ) c(kind, is_total, minutes, n${units('units')})
  )
  SELECT kind, is_total, round(sum(minutes) / 60.0, 1)::float8 AS hours,
         coalesce(sum(n), 0)::int AS n${units(`${keyOfUnits('sum(units)')} AS k`)}
    FROM cells
   GROUP BY kind, is_total
  HAVING is_total OR sum(n) > 0`;
};
const OTHER_HOURS_SQL = otherHoursSql(false);
const OTHER_HOURS_KEYED_SQL = otherHoursSql(true);

export async function otherHours(
  m: Queryable,
  from: string,
  to: string,
  teamId: string | null,
  keys?: CellKeyRow[],
): Promise<OtherHours> {
  const rows: {
    kind: TimeEntryKind | null;
    is_total: boolean;
    hours: number | null;
    n: number;
    k?: number;
  }[] = await m.query(keys ? OTHER_HOURS_KEYED_SQL : OTHER_HOURS_SQL, [from, to, teamId]);
  const byKind = Object.fromEntries(TIME_ENTRY_KINDS.map((k) => [k, 0])) as Record<
    TimeEntryKind,
    number
  >;
  let total = 0;
  for (const r of rows) {
    if (r.is_total) total = r.hours ?? 0;
    else byKind[r.kind!] = r.hours ?? 0;
    keys?.push({
      cell: r.is_total ? 'otherHours.total' : `otherHours.byKind.${r.kind}`,
      n: r.n,
      k: r.k!,
    });
  }
  return { total, byKind };
}

function hoursByKind(): Type<Record<TimeEntryKind, number>> {
  class OtherHoursByKind {}
  for (const k of TIME_ENTRY_KINDS) {
    ApiProperty({ type: Number, minimum: 0, required: true })(OtherHoursByKind.prototype, k);
  }
  return OtherHoursByKind as never;
}
const OtherHoursByKind = hoursByKind();

export class OtherHoursResponse implements OtherHours {
  @Out.number({ description: 'Hours of work outside sessions, 1 decimal (summed before rounding)' })
  total: number;

  @Out.object(() => OtherHoursByKind, { description: 'Hours by kind, every kind present' })
  byKind: Record<TimeEntryKind, number>;
}
