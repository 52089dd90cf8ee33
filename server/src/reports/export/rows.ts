import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  LABELS,
  RESOURCE_CATEGORIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  SUPPRESSED_MARK,
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  primaryMark,
  type ExportProtection,
  type Shown,
  type SuppressedActivitySummary,
} from '@peerpath/shared';
import type { ShownOutcome } from '../outcomes';

/** What every export writer is given besides the figures. Nothing here names a person. */
export interface ExportMeta {
  orgName: string;
  /** null: the whole organisation. */
  teamName: string | null;
  /** Today in ORG_TIMEZONE. */
  generatedOn: string;
  /**
   * The internal export: small numbers not hidden, for the team's supervisors
   * and admins only. Marked "not for funders" on every file.
   */
  internal?: boolean;
  /**
   * How a funder export is protected (SPEC §14): `perturb` adds the cell key
   * method to suppression. Unset for the internal export.
   */
  protection?: ExportProtection;
  /** The outcome rows of the PDF (SPEC §9), already suppressed (and perturbed) for a funder export. */
  outcomes?: ShownOutcome[];
}

/** The protection a file says it used, in a word: `perturb`, `suppress_only`, or `none` (internal). */
export const protectionOf = (meta: ExportMeta): ExportProtection | 'none' =>
  meta.internal ? 'none' : (meta.protection ?? 'suppress_only');

/** The protection in a line, for the first rows of a file. */
export function protectionLabel(meta: ExportMeta): string {
  switch (protectionOf(meta)) {
    case 'perturb':
      return 'Small-cell suppression and cell key perturbation: figures are changed by a small consistent amount, so breakdowns may not add up to their totals';
    case 'suppress_only':
      return 'Small-cell suppression only: figures that are shown are exact';
    default:
      return 'None: every figure is exact (internal, not for funders)';
  }
}

/**
 * The cell key method in plain words, for funders: what was done, why, and
 * what it means for reading the figures.
 */
export const PERTURBATION_EXPLAINED: readonly string[] = [
  'To protect the people in these figures, every count shown has been changed by a small amount: at most 2 up or down.',
  'The change is not random each time: the same group of people, sessions or other records always gets the same change, in every report and every file. So asking for the same figures twice gives the same answer, and comparing two reports of overlapping periods (for example January–December and January–November) does not reveal a small number that was hidden.',
  'Each figure is changed on its own, so the parts of a table may not add up exactly to its total. Use the total as it is shown.',
  'Hours are rounded to whole hours and changed in the same way; averages and rates are worked out from the figures as shown.',
  'No count shown is below the suppression threshold, and zero is always shown as 0: nothing was turned into something, and nothing into nothing.',
  'Over a year or a large programme the change is far smaller than the figures themselves, so trends and comparisons hold.',
];

/** The mark every internal export carries, in the file's first lines. */
export const INTERNAL_MARK =
  'INTERNAL — NOT FOR FUNDERS: small numbers are not hidden. For the team’s supervisors and admins only; do not share outside the organisation.';

export const SECTIONS = [
  'summary',
  'sessions',
  'groupAttendance',
  'handouts',
  'advocacy',
  'otherHours',
] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  summary: 'Summary',
  sessions: 'Sessions',
  groupAttendance: 'Group attendance',
  handouts: 'Handouts',
  advocacy: 'Advocacy',
  otherHours: 'Other hours',
};

/** One figure of the export: `section,metric,breakdown,value` plus words for people. */
export interface FigureRow {
  section: Section;
  metric: string;
  /** An enum value for a breakdown cell, else ''. */
  breakdown: string;
  value: Shown | null;
  label: string;
}

/**
 * The figures in the order of the JSON (SPEC §5): top-level figures under
 * `summary`, the others under their own section; `byFormat` is not there.
 */
export function figureRows(f: SuppressedActivitySummary): FigureRow[] {
  const rows: FigureRow[] = [];
  const one = (section: Section, metric: string, value: Shown | null, label: string) =>
    rows.push({ section, metric, breakdown: '', value, label });
  const each = <K extends string>(
    section: Section,
    metric: string,
    keys: readonly K[],
    values: Record<K, Shown>,
    labels: Record<K, string>,
    prefix: string,
  ) => {
    for (const k of keys) {
      rows.push({
        section,
        metric,
        breakdown: k,
        value: values[k],
        label: `${prefix}: ${labels[k]}`,
      });
    }
  };

  one('summary', 'participantsServed', f.participantsServed, 'Participants served');
  one('summary', 'newParticipants', f.newParticipants, 'New participants');
  one('summary', 'dischargedParticipants', f.dischargedParticipants, 'Participants discharged');
  one('sessions', 'total', f.sessions.total, 'Sessions');
  each(
    'sessions',
    'byType',
    SESSION_TYPES,
    f.sessions.byType,
    LABELS.sessionType,
    'Sessions by type',
  );
  each(
    'sessions',
    'bySetting',
    SESSION_SETTINGS,
    f.sessions.bySetting,
    LABELS.sessionSetting,
    'Sessions by setting',
  );
  one('groupAttendance', 'attended', f.groupAttendance.attended, 'Attendances at group sessions');
  one(
    'groupAttendance',
    'averagePerGroupSession',
    f.groupAttendance.averagePerGroupSession,
    'Average attendance per group session',
  );
  one('summary', 'serviceHours', f.serviceHours, 'Service hours');
  one('summary', 'contactHours', f.contactHours, 'Contact hours');
  one('handouts', 'total', f.handouts.total, 'Resources handed out');
  each(
    'handouts',
    'byCategory',
    RESOURCE_CATEGORIES,
    f.handouts.byCategory,
    LABELS.resourceCategory,
    'Handouts by resource category',
  );
  each(
    'handouts',
    'byOutcome',
    HANDOUT_OUTCOMES,
    f.handouts.byOutcome,
    LABELS.handoutOutcome,
    'Handouts by outcome',
  );
  one('handouts', 'connectionRate', f.handouts.connectionRate, 'Connection rate');
  one(
    'handouts',
    'medianDaysToOutcome',
    f.handouts.medianDaysToOutcome,
    'Median days from referral to outcome',
  );
  one('advocacy', 'opened', f.advocacy.opened, 'Advocacy actions opened');
  one('advocacy', 'completed', f.advocacy.completed, 'Advocacy actions completed');
  each(
    'advocacy',
    'byCategory',
    ADVOCACY_CATEGORIES,
    f.advocacy.byCategory,
    LABELS.advocacyCategory,
    'Advocacy opened by category',
  );
  each(
    'advocacy',
    'byLevel',
    ADVOCACY_LEVELS,
    f.advocacy.byLevel,
    LABELS.advocacyLevel,
    'Advocacy opened by level',
  );
  one('summary', 'decisionNotes', f.decisionNotes, 'Shared decision-making notes');
  one(
    'otherHours',
    'total',
    f.otherHours.total,
    'Other hours: work outside sessions (not service or contact hours)',
  );
  each(
    'otherHours',
    'byKind',
    TIME_ENTRY_KINDS,
    f.otherHours.byKind,
    TIME_ENTRY_KIND_LABELS,
    'Other hours by kind',
  );
  return rows;
}

/** The suppression rule in words, for the cover of a file that leaves the organisation. */
export function suppressionRule(threshold: number, internal = false): string[] {
  if (internal) {
    return [
      INTERNAL_MARK,
      'Every count is shown as it is, small ones included: this file is not de-identified enough to leave the organisation.',
      'The figures carry no names, identifiers or free text.',
    ];
  }
  const mark = primaryMark(threshold);
  return [
    `Counts from 1 to ${threshold - 1} are shown as "${mark}"; zero is shown as 0.`,
    'Where a table would then have a single hidden cell, the smallest other non-zero cell ' +
      `(or the table's total) is hidden too and shown as "${SUPPRESSED_MARK}", so no hidden ` +
      'count can be worked out by subtraction; this is repeated until no table has a single hidden cell.',
    `Hours, averages and rates are shown as "${SUPPRESSED_MARK}" when a count they are computed from is hidden.`,
    'The figures are de-identified: no names, identifiers or free text.',
  ];
}

/** Day month year, e.g. 1 March 2026, without a time zone to shift it. */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export const teamLabel = (meta: ExportMeta) => meta.teamName ?? 'All teams';
