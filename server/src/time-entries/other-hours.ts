import { ApiProperty } from '@nestjs/swagger';
import type { Type } from '@nestjs/common';
import { TIME_ENTRY_KINDS, type ActivitySummary, type TimeEntryKind } from '@peerpath/shared';
import { Out } from '../common/api-docs';
import type { Queryable } from '../records';
import { keyColumn, type CellKeyRow } from '../reports/cell-keys';

type OtherHours = ActivitySummary['otherHours'];

/**
 * `otherHours` of the activity summary: time entries whose day falls in the
 * period ($1–$2, inclusive), of a team ($3, null for every team); minutes / 60
 * to 1 decimal, the total summed before rounding. With `keys`, also the entries
 * each figure is summed over: their number and cell key (SPEC §14).
 */
const otherHoursSql = (keys: boolean) => `
  SELECT e.kind, GROUPING(e.kind) = 1 AS is_total,
         round(sum(e.minutes) / 60.0, 1)::float8 AS hours, count(*)::int AS n${keyColumn(keys, 'e.record_key')}
    FROM time_entry e
   WHERE e.worked_on BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR e.team_id = $3::uuid)
   GROUP BY GROUPING SETS ((e.kind), ())`;
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
