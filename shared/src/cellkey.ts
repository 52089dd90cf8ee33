import { CLOSED_HANDOUT_OUTCOMES, SESSION_TYPES, formatOf, type HandoutOutcome } from './enums';
import type { ActivitySummary } from './reports';
import { TIME_ENTRY_KINDS, type TimeEntryKind } from './time';
import {
  ACTIVITY_BREAKDOWNS,
  SUPPRESSED_MARK,
  activityCounts,
  shownActivitySummary,
  suppressTable,
  type Shown,
  type SuppressedActivitySummary,
} from './suppression';

/**
 * The cell key method (SPEC §14), as pure functions: funder exports that two
 * overlapping periods cannot be subtracted to undo.
 *
 * Every counted record carries a random key in [0, 1), given by the database
 * when the record is stored and never changed. A published cell's key is the
 * fractional part of the sum of its records' keys, so the same records always
 * give the same key, whatever the period or export, and one record more or
 * less gives an unrelated one. The key picks a small change from a fixed
 * table, added to the true count after §5's suppression has been decided.
 */

/** How funder exports are protected (EXPORT_PROTECTION): `perturb` is the default. */
export const EXPORT_PROTECTIONS = ['perturb', 'suppress_only'] as const;
export type ExportProtection = (typeof EXPORT_PROTECTIONS)[number];

/** The fixed table of §14: the upper end of each key range and its change. */
export const CELL_KEY_TABLE: readonly { below: number; change: number }[] = [
  { below: 0.2, change: -2 },
  { below: 0.4, change: -1 },
  { below: 0.6, change: 0 },
  { below: 0.8, change: 1 },
  { below: 1, change: 2 },
];

/** p(k): the change the cell key `k` (in [0, 1)) adds to a count. */
export function cellKeyChange(k: number): number {
  if (!(k >= 0 && k < 1)) throw new RangeError(`A cell key is in [0, 1), not ${k}`);
  return CELL_KEY_TABLE.find((row) => k < row.below)!.change;
}

/** The cell key of a set of records from the sum of their keys: its fractional part. */
export function cellKeyOf(sumOfKeys: number): number {
  const k = sumOfKeys - Math.floor(sumOfKeys);
  return k >= 1 ? 0 : k;
}

/**
 * A count as published: zero stays 0; any other count (one that suppression
 * left shown, so at least the threshold) is c + p(k), never below the threshold.
 */
export function perturbCount(c: number, k: number, threshold: number): number {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`Not a count: ${c}`);
  if (c === 0) return 0;
  return Math.max(threshold, c + cellKeyChange(k));
}

/**
 * Hours as published: whole hours plus p(k) of the records they are summed
 * over, never below 0. Hours of no records stay 0; hours of fewer records than
 * the threshold are suppressed.
 */
export function perturbHours(hours: number, records: number, k: number, threshold: number): Shown {
  if (records === 0) return 0;
  if (records < threshold) return SUPPRESSED_MARK;
  return Math.max(0, Math.round(hours) + cellKeyChange(k));
}

/**
 * The cell keys of an activity summary's counts, keyed as `activityCounts`
 * keys them, and what contact hours are summed over (every `attended` row of
 * the period, group or one-to-one: their number and their cell key).
 */
export interface ActivityCellKeys {
  cells: Record<string, number>;
  contactRows: number;
  contactKey: number;
  /**
   * What other hours are summed over: the period's time entries in total and
   * of each kind (their number and cell key). A kind left out has none.
   */
  otherHours: { total: HoursRecords; byKind: Partial<Record<TimeEntryKind, HoursRecords>> };
}

/** The records a figure of hours is summed over: how many, and their cell key. */
export interface HoursRecords {
  n: number;
  k: number;
}

const GROUP_TYPES = SESSION_TYPES.filter((t) => formatOf(t) === 'group');
const DECIDED: readonly HandoutOutcome[] = CLOSED_HANDOUT_OUTCOMES;
const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/**
 * §5's suppression decided on the true counts, then §14's perturbation of
 * every count still shown. Totals are cells of their own, so a breakdown need
 * not add up to its total. Hours follow the hours rule; the average per group
 * session and the connection rate are computed from the published counts.
 */
export function perturbActivitySummary(
  s: ActivitySummary,
  keys: ActivityCellKeys,
  threshold: number,
  closedInPeriod = 0,
): SuppressedActivitySummary {
  const counts = activityCounts(s);
  for (const k of Object.keys(counts)) {
    if (!(k in keys.cells)) throw new RangeError(`No cell key for ${k}`);
  }
  const hidden = suppressTable(counts, ACTIVITY_BREAKDOWNS, threshold);
  const out = shownActivitySummary(
    s,
    threshold,
    hidden,
    (key, n) => perturbCount(n, keys.cells[key], threshold),
    closedInPeriod,
  );

  if (typeof out.serviceHours === 'number') {
    out.serviceHours = perturbHours(
      s.serviceHours,
      s.sessions.total,
      keys.cells['sessions.total'],
      threshold,
    );
  }
  if (typeof out.contactHours === 'number') {
    out.contactHours = perturbHours(s.contactHours, keys.contactRows, keys.contactKey, threshold);
  }
  const other = (hours: number, r: HoursRecords | undefined) =>
    perturbHours(hours, r?.n ?? 0, r?.k ?? 0, threshold);
  out.otherHours = {
    total: other(s.otherHours.total, keys.otherHours.total),
    byKind: Object.fromEntries(
      TIME_ENTRY_KINDS.map((kind) => [
        kind,
        other(s.otherHours.byKind[kind], keys.otherHours.byKind[kind]),
      ]),
    ) as Record<TimeEntryKind, Shown>,
  };
  if (typeof out.groupAttendance.averagePerGroupSession === 'number') {
    const groupCells = GROUP_TYPES.map((t) => out.sessions.byType[t]);
    const attended = out.groupAttendance.attended;
    out.groupAttendance.averagePerGroupSession =
      typeof attended === 'number' && groupCells.every((v) => typeof v === 'number')
        ? round(attended / (groupCells as number[]).reduce((a, b) => a + b, 0), 1)
        : SUPPRESSED_MARK;
  }
  if (typeof out.handouts.connectionRate === 'number') {
    const connected = out.handouts.byOutcome.connected as number;
    const decided = DECIDED.reduce((sum, o) => sum + (out.handouts.byOutcome[o] as number), 0);
    out.handouts.connectionRate = decided === 0 ? null : round(connected / decided, 2);
  }
  return out;
}
