import type { IsoDate } from './api';
import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  formatOf,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type HandoutOutcome,
  type ResourceCategory,
  type SessionSetting,
  type SessionType,
} from './enums';
import type { ActivitySummary } from './reports';
import { TIME_ENTRY_KINDS, type TimeEntryKind } from './time';

/**
 * Small-cell suppression for funder exports (SPEC §5), as pure functions.
 *
 * 1. Primary: every count from 1 to threshold − 1 is hidden; zero is shown.
 * 2. Secondary, per breakdown (its cells and the total they sum to): when
 *    exactly one member is hidden, the smallest other non-zero cell is hidden
 *    too, or the total when there is none. A total is one value, so hiding it
 *    in one breakdown hides it in every breakdown it closes, which is why the
 *    rule runs again until nothing changes.
 * 3. Derived figures follow the counts they are computed from.
 */

/** Why a figure is hidden: it is small itself, or it would give a small one away. */
export type SuppressionReason = 'primary' | 'secondary';

/** A set of cells and the total they sum to, e.g. `sessions.byType` and `sessions.total`. */
export interface Breakdown {
  total: string;
  cells: readonly string[];
}

/** How a primarily suppressed count is written: `<11` for the default threshold. */
export function primaryMark(threshold: number): string {
  return `<${threshold}`;
}

/**
 * How every other hidden figure is written: a complementary cell (which may be
 * well above the threshold) and a derived figure (hours, averages, rates)
 * would be misstated as `<11`.
 */
export const SUPPRESSED_MARK = 'suppressed';

function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(
      `The suppression threshold must be a whole number of at least 2, not ${threshold}`,
    );
  }
}

/**
 * Decides which cells of a table of counts are hidden. `values` maps each cell
 * key to its count; `breakdowns` name the cells that sum to a total (also a key
 * of `values`). Returns the hidden keys with the reason; every other key is
 * shown as it is.
 *
 * Guarantees: every count 1..threshold−1 is hidden; zero is never hidden (a
 * secondary choice is always a non-zero cell); and no breakdown is left with
 * exactly one hidden member (its cells plus its total) while it still has a
 * shown non-zero cell, so no hidden cell is its total minus the shown cells.
 */
export function suppressTable(
  values: Readonly<Record<string, number>>,
  breakdowns: readonly Breakdown[],
  threshold: number,
): Map<string, SuppressionReason> {
  checkThreshold(threshold);
  for (const [key, v] of Object.entries(values)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${key} is not a count: ${v}`);
  }
  for (const b of breakdowns) {
    for (const key of [b.total, ...b.cells]) {
      if (!(key in values)) throw new RangeError(`Breakdown member ${key} has no value`);
    }
  }

  const hidden = new Map<string, SuppressionReason>();
  for (const [key, v] of Object.entries(values)) {
    if (v >= 1 && v < threshold) hidden.set(key, 'primary');
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const b of breakdowns) {
      const hiddenMembers = [b.total, ...b.cells].filter((k) => hidden.has(k)).length;
      if (hiddenMembers !== 1) continue;
      // The smallest shown non-zero cell; ties go to the first in enum order.
      let pick: string | undefined;
      for (const k of b.cells) {
        if (hidden.has(k) || values[k] === 0) continue;
        if (pick === undefined || values[k] < values[pick]) pick = k;
      }
      if (pick === undefined && !hidden.has(b.total)) pick = b.total;
      // Else the lone hidden member is the total and every cell is zero: the
      // cells cannot sum to it, so nothing is given away by subtraction.
      if (pick === undefined) continue;
      hidden.set(pick, 'secondary');
      changed = true;
    }
  }
  return hidden;
}

/** A figure as a funder sees it: the number, or a mark where it is hidden. */
export type Shown = number | string;

/**
 * The activity summary as it leaves the organisation: the same figures after
 * suppression, without the team id and without `sessions.byFormat` (which
 * repeats `byType`: `one_to_one` equals `one_to_one_mentoring`, so showing it
 * would undo that cell's suppression).
 */
export interface SuppressedActivitySummary {
  period: { from: IsoDate; to: IsoDate };
  suppressionThreshold: number;
  participantsServed: Shown;
  newParticipants: Shown;
  dischargedParticipants: Shown;
  sessions: {
    total: Shown;
    byType: Record<SessionType, Shown>;
    bySetting: Record<SessionSetting, Shown>;
  };
  groupAttendance: { attended: Shown; averagePerGroupSession: Shown | null };
  serviceHours: Shown;
  contactHours: Shown;
  handouts: {
    total: Shown;
    byCategory: Record<ResourceCategory, Shown>;
    byOutcome: Record<HandoutOutcome, Shown>;
    connectionRate: Shown | null;
    /** Hidden (`suppressed`) when fewer referrals than the threshold closed in the period. */
    medianDaysToOutcome: Shown | null;
  };
  advocacy: {
    opened: Shown;
    completed: Shown;
    byCategory: Record<AdvocacyCategory, Shown>;
    byLevel: Record<AdvocacyLevel, Shown>;
  };
  decisionNotes: Shown;
  /**
   * Work outside sessions (SPEC §11). Hours, not a count of people: §5's
   * suppression leaves them as they are; the cell key method of §14 publishes
   * them as whole hours changed by the key of their time entries, hidden when
   * fewer entries than the threshold make them up.
   */
  otherHours: { total: Shown; byKind: Record<TimeEntryKind, Shown> };
}

const key = (section: string, metric: string, item?: string) =>
  item === undefined ? `${section}.${metric}` : `${section}.${metric}.${item}`;
const keysOf = (section: string, metric: string, items: readonly string[]) =>
  items.map((i) => key(section, metric, i));

/** The breakdowns of the activity summary, each with the total its cells sum to. */
export const ACTIVITY_BREAKDOWNS: readonly Breakdown[] = [
  { total: 'sessions.total', cells: keysOf('sessions', 'byType', SESSION_TYPES) },
  { total: 'sessions.total', cells: keysOf('sessions', 'bySetting', SESSION_SETTINGS) },
  { total: 'handouts.total', cells: keysOf('handouts', 'byCategory', RESOURCE_CATEGORIES) },
  { total: 'handouts.total', cells: keysOf('handouts', 'byOutcome', HANDOUT_OUTCOMES) },
  { total: 'advocacy.opened', cells: keysOf('advocacy', 'byCategory', ADVOCACY_CATEGORIES) },
  { total: 'advocacy.opened', cells: keysOf('advocacy', 'byLevel', ADVOCACY_LEVELS) },
];

/** Every count of the summary (derived figures and byFormat aside), keyed as in ACTIVITY_BREAKDOWNS. */
export function activityCounts(s: ActivitySummary): Record<string, number> {
  const flat = <K extends string>(
    section: string,
    metric: string,
    items: readonly K[],
    rec: Record<K, number>,
  ) => Object.fromEntries(items.map((i) => [key(section, metric, i), rec[i]]));
  return {
    participantsServed: s.participantsServed,
    newParticipants: s.newParticipants,
    dischargedParticipants: s.dischargedParticipants,
    'sessions.total': s.sessions.total,
    ...flat('sessions', 'byType', SESSION_TYPES, s.sessions.byType),
    ...flat('sessions', 'bySetting', SESSION_SETTINGS, s.sessions.bySetting),
    'groupAttendance.attended': s.groupAttendance.attended,
    'handouts.total': s.handouts.total,
    ...flat('handouts', 'byCategory', RESOURCE_CATEGORIES, s.handouts.byCategory),
    ...flat('handouts', 'byOutcome', HANDOUT_OUTCOMES, s.handouts.byOutcome),
    'advocacy.opened': s.advocacy.opened,
    'advocacy.completed': s.advocacy.completed,
    ...flat('advocacy', 'byCategory', ADVOCACY_CATEGORIES, s.advocacy.byCategory),
    ...flat('advocacy', 'byLevel', ADVOCACY_LEVELS, s.advocacy.byLevel),
    decisionNotes: s.decisionNotes,
  };
}

/** The one-to-one session types: a group-session count is the total less these. */
const ONE_TO_ONE_TYPES = SESSION_TYPES.filter((t) => formatOf(t) === 'one_to_one');

/** Applies SPEC §5 small-cell suppression to an activity summary. */
export function suppressActivitySummary(
  s: ActivitySummary,
  threshold: number,
  closedInPeriod = 0,
): SuppressedActivitySummary {
  return shownActivitySummary(
    s,
    threshold,
    suppressTable(activityCounts(s), ACTIVITY_BREAKDOWNS, threshold),
    undefined,
    closedInPeriod,
  );
}

/**
 * The figures in the export's shape with nothing hidden: the internal export
 * (for the team's supervisors and admins, never for funders).
 */
export function unsuppressedActivitySummary(
  s: ActivitySummary,
  threshold: number,
): SuppressedActivitySummary {
  return shownActivitySummary(s, threshold, new Map(), undefined, Infinity);
}

/**
 * The figures in the export's shape: hidden counts as their marks, derived
 * figures hidden with the counts they are computed from, and every shown count
 * as `publish` gives it (as it is, unless the cell key method perturbs it).
 */
export function shownActivitySummary(
  s: ActivitySummary,
  threshold: number,
  hidden: Map<string, SuppressionReason>,
  publish: (key: string, n: number) => number = (_key, n) => n,
  /**
   * How many referrals closed in the period (the median's count): the median
   * is hidden when that is from 1 to threshold − 1 (SPEC §12). Unknown: hidden.
   */
  closedInPeriod = 0,
): SuppressedActivitySummary {
  const mark = (k: string): string =>
    hidden.get(k) === 'primary' ? primaryMark(threshold) : SUPPRESSED_MARK;
  const count = (k: string, n: number): Shown => (hidden.has(k) ? mark(k) : publish(k, n));
  const derived = <T>(value: T, ...from: string[]): T | string =>
    from.some((k) => hidden.has(k)) ? SUPPRESSED_MARK : value;
  const each = <K extends string>(
    section: string,
    metric: string,
    items: readonly K[],
    rec: Record<K, number>,
  ) =>
    Object.fromEntries(items.map((i) => [i, count(key(section, metric, i), rec[i])])) as Record<
      K,
      Shown
    >;

  return {
    period: { ...s.period },
    suppressionThreshold: threshold,
    participantsServed: count('participantsServed', s.participantsServed),
    newParticipants: count('newParticipants', s.newParticipants),
    dischargedParticipants: count('dischargedParticipants', s.dischargedParticipants),
    sessions: {
      total: count('sessions.total', s.sessions.total),
      byType: each('sessions', 'byType', SESSION_TYPES, s.sessions.byType),
      bySetting: each('sessions', 'bySetting', SESSION_SETTINGS, s.sessions.bySetting),
    },
    groupAttendance: {
      attended: count('groupAttendance.attended', s.groupAttendance.attended),
      // The average also gives away its denominator, the number of group
      // sessions (sessions.total less the one-to-one ones): it is shown only
      // when that number can already be read off the shown figures.
      averagePerGroupSession: derived(
        s.groupAttendance.averagePerGroupSession,
        'groupAttendance.attended',
        'sessions.total',
        ...ONE_TO_ONE_TYPES.map((t) => key('sessions', 'byType', t)),
      ),
    },
    serviceHours: derived(s.serviceHours, 'sessions.total'),
    contactHours: derived(s.contactHours, 'groupAttendance.attended'),
    handouts: {
      total: count('handouts.total', s.handouts.total),
      byCategory: each('handouts', 'byCategory', RESOURCE_CATEGORIES, s.handouts.byCategory),
      byOutcome: each('handouts', 'byOutcome', HANDOUT_OUTCOMES, s.handouts.byOutcome),
      connectionRate: derived(
        s.handouts.connectionRate,
        'handouts.total',
        ...keysOf('handouts', 'byOutcome', HANDOUT_OUTCOMES),
      ),
      medianDaysToOutcome:
        s.handouts.medianDaysToOutcome === null
          ? null
          : closedInPeriod < threshold
            ? SUPPRESSED_MARK
            : s.handouts.medianDaysToOutcome,
    },
    advocacy: {
      opened: count('advocacy.opened', s.advocacy.opened),
      completed: count('advocacy.completed', s.advocacy.completed),
      byCategory: each('advocacy', 'byCategory', ADVOCACY_CATEGORIES, s.advocacy.byCategory),
      byLevel: each('advocacy', 'byLevel', ADVOCACY_LEVELS, s.advocacy.byLevel),
    },
    decisionNotes: count('decisionNotes', s.decisionNotes),
    otherHours: {
      total: s.otherHours.total,
      byKind: Object.fromEntries(
        TIME_ENTRY_KINDS.map((k) => [k, s.otherHours.byKind[k]]),
      ) as Record<TimeEntryKind, Shown>,
    },
  };
}
