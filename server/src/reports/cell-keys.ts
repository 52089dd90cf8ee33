import {
  SESSION_SETTINGS,
  SESSION_TYPES,
  activityCounts,
  type ActivityCellKeys,
  type ActivitySummary,
  type HoursRecords,
  type TimeEntryKind,
} from '@peerpath/shared';
import { keyOfUnits, recordKeySum } from './key-sums';

/*
 * The cell keys of SPEC §14 for the activity summary's funder export: for each
 * published count, the fractional part of the sum of the record keys of the
 * records it counts. The summary's own statements compute them when the export
 * asks (`ReportsService.summarise` with keys), each key beside the count it
 * belongs to, so the period's records are read once, not once for the counts
 * and again for the keys:
 *
 * - sessions (in total, by type, by setting), group attendance and contact
 *   hours from the key sums that `team_day_activity` carries beside its counts
 *   (kept by the roll-up triggers, migrations RollupCellKeys and RollupKeyUnits:
 *   each day's sum in whole units of 2^-52, modulo 2^52);
 * - participants served from the keys of the participants `participant_contact`
 *   finds; new and discharged participants, handouts (by resource category, by
 *   outcome, in total), advocacy actions (opened by category, by level, in
 *   total; completed), decision notes and time entries (other hours) from the
 *   records' own keys, read from the same covering indexes as their counts
 *   (migration CellKeyIndexes).
 *
 * All are summed exactly in whole units of 2^-52 (`key-sums.ts`).
 *
 * Every sum is exact, so the same records give the same key in any order, in
 * any export. A voided session counts nowhere.
 */

/** The cells read from `team_day_activity`: (cell, count column, key column). */
export const DAY_CELLS: [cell: string, count: string, key: string][] = [
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

/**
 * What the read of `team_day_activity` (alias `r`) adds for the keys: each day
 * cell's key, and the attended rows contact hours are summed over.
 */
export const DAY_KEY_COLUMNS = [
  ...DAY_CELLS.map(([, , k]) => `${keyOfUnits(`sum(r.${k})`)} AS ${k}`),
  'coalesce(sum(r.attended), 0)::int AS attended',
].join(',\n           ');

/** `, <the cell key of the rows' record keys> AS <name>` with keys, nothing without. */
export const keyColumn = (keys: boolean, recordKey: string, name = 'k') =>
  keys ? `, ${recordKeySum(recordKey)} AS ${name}` : '';

/** One published cell: how many records it counts and its cell key. */
export interface CellKeyRow {
  cell: string;
  n: number;
  k: number;
}

/**
 * The cells of a keyed read of `team_day_activity` (its row `d`, with the
 * columns of DAY_KEY_COLUMNS beside the counts).
 */
export function dayCellKeys(d: Record<string, unknown>): CellKeyRow[] {
  return DAY_CELLS.map(([cell, n, k]) => ({ cell, n: Number(d[n]), k: Number(d[k]) }));
}

/**
 * The cell keys of the summary `s` from the cells its keyed statements gave. A
 * cell with no records has key 0 (its count is 0, and zero is published as 0
 * whatever the key).
 */
export function activityCellKeys(
  s: ActivitySummary,
  rows: CellKeyRow[],
): ActivityCellKeys & { rows: CellKeyRow[] } {
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
