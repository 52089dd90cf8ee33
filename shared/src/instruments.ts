import type { IsoDate, IsoDateTime } from './api';

/*
 * Outcome measures (SPEC §9), defined once, as data. Adding an instrument is a
 * new entry of INSTRUMENTS (items in plain words, answer labels, bands) plus
 * its test in instruments.spec.ts; the server scores it, the client asks it,
 * the reports count it.
 */

export const INSTRUMENT_KEYS = ['barc10', 'phq9', 'gad7'] as const;
export type InstrumentKey = (typeof INSTRUMENT_KEYS)[number];

export const TIMEPOINTS = ['baseline', 'follow_up', 'discharge'] as const;
export type Timepoint = (typeof TIMEPOINTS)[number];

export const ALERT_KINDS = ['phq9_item9'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Teams measure this until an admin chooses otherwise. */
export const DEFAULT_TEAM_INSTRUMENTS: readonly InstrumentKey[] = ['barc10'];

/** The baseline is due this many days after enrolment. */
export const BASELINE_DUE_DAYS = 30;

/** Days from a measurement to the next follow-up, unless MEASURE_INTERVAL_DAYS says otherwise. */
export const DEFAULT_MEASURE_INTERVAL_DAYS = 90;

/** A change of at least this many points counts as improved or worsened. */
export const MEANINGFUL_CHANGE = 5;

export interface AnswerOption {
  value: number;
  label: string;
}

export interface Band {
  /** Stored with the measurement, e.g. `moderate`. */
  key: string;
  /** Lowest and highest score of the band, inclusive. */
  min: number;
  max: number;
  label: string;
}

export interface Instrument {
  key: InstrumentKey;
  /** Its name as workers know it. */
  name: string;
  /** What it asks about, in a few words. */
  about: string;
  /** Said once before the first question. */
  intro: string;
  /** The questions, in order; the person answers every one. */
  items: readonly string[];
  /** The answers offered for every item, lowest value first. */
  answers: readonly AnswerOption[];
  /** Which way is better: a higher or a lower score. */
  better: 'higher' | 'lower';
  /** Bands covering every possible score, lowest first. */
  bands: readonly Band[];
  /** Items whose answer above 0 raises a safety alert (0-based index), with the alert's kind. */
  safetyItems?: readonly { index: number; kind: AlertKind }[];
}

const FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const AGREEMENT: readonly AnswerOption[] = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Somewhat disagree' },
  { value: 4, label: 'Somewhat agree' },
  { value: 5, label: 'Agree' },
  { value: 6, label: 'Strongly agree' },
];

export const INSTRUMENTS: Readonly<Record<InstrumentKey, Instrument>> = {
  barc10: {
    key: 'barc10',
    name: 'BARC-10',
    about: 'Recovery capital',
    intro: 'How much do you agree with each of these, about your life right now?',
    items: [
      'There are more important things to me in life than using substances.',
      'In general I am happy with my life.',
      'I have enough energy to complete the tasks I set myself.',
      'I am proud of the community I live in and feel part of it.',
      'I get lots of support from friends.',
      'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
      'My living space has helped to drive my recovery journey.',
      'I take full responsibility for my actions.',
      'I am happy dealing with a range of professional people.',
      'I am making good progress on my recovery journey.',
    ],
    answers: AGREEMENT,
    better: 'higher',
    bands: [
      { key: 'building', min: 10, max: 46, label: 'building recovery capital' },
      { key: 'strong', min: 47, max: 60, label: 'strong recovery capital' },
    ],
  },
  phq9: {
    key: 'phq9',
    name: 'PHQ-9',
    about: 'Mood over the last two weeks',
    intro: 'Over the last 2 weeks, how often have you been bothered by any of the following?',
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed — or the opposite, being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
    ],
    answers: FREQUENCY,
    better: 'lower',
    bands: [
      { key: 'minimal', min: 0, max: 4, label: 'minimal' },
      { key: 'mild', min: 5, max: 9, label: 'mild' },
      { key: 'moderate', min: 10, max: 14, label: 'moderate' },
      { key: 'moderately_severe', min: 15, max: 19, label: 'moderately severe' },
      { key: 'severe', min: 20, max: 27, label: 'severe' },
    ],
    safetyItems: [{ index: 8, kind: 'phq9_item9' }],
  },
  gad7: {
    key: 'gad7',
    name: 'GAD-7',
    about: 'Worry and anxiety over the last two weeks',
    intro: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    items: [
      'Feeling nervous, anxious, or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid, as if something awful might happen',
    ],
    answers: FREQUENCY,
    better: 'lower',
    bands: [
      { key: 'minimal', min: 0, max: 4, label: 'minimal' },
      { key: 'mild', min: 5, max: 9, label: 'mild' },
      { key: 'moderate', min: 10, max: 14, label: 'moderate' },
      { key: 'severe', min: 15, max: 21, label: 'severe' },
    ],
  },
};

/** Every band key of every instrument, for the database check. */
export const BAND_KEYS: readonly string[] = [
  ...new Set(INSTRUMENT_KEYS.flatMap((k) => INSTRUMENTS[k].bands.map((b) => b.key))),
];

/** Lowest and highest possible score. */
export function scoreRange(i: Instrument): { min: number; max: number } {
  const values = i.answers.map((a) => a.value);
  return {
    min: Math.min(...values) * i.items.length,
    max: Math.max(...values) * i.items.length,
  };
}

/** The band a score falls in. */
export function bandOf(i: Instrument, score: number): Band {
  const band = i.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`${i.key}: no band holds the score ${score}`);
  return band;
}

/**
 * Why these answers cannot be scored, or null when they can: exactly one
 * answer for each item, each a whole number among the instrument's answers.
 */
export function answersProblem(i: Instrument, answers: readonly unknown[]): string | null {
  if (answers.length !== i.items.length) {
    return `${i.name} has ${i.items.length} questions: answers must hold exactly ${i.items.length} values, not ${answers.length}`;
  }
  const allowed = i.answers.map((a) => a.value);
  const bad = answers.findIndex((a) => typeof a !== 'number' || !allowed.includes(a));
  if (bad >= 0) {
    return `answer ${bad + 1} of ${i.name} must be one of ${allowed.join(', ')}`;
  }
  return null;
}

export interface Scored {
  score: number;
  band: string;
  /** The safety alerts these answers raise. */
  alerts: AlertKind[];
}

/** Scores answers already checked by `answersProblem`. */
export function scoreAnswers(i: Instrument, answers: readonly number[]): Scored {
  const problem = answersProblem(i, answers);
  if (problem) throw new RangeError(problem);
  const score = answers.reduce((a, b) => a + b, 0);
  return {
    score,
    band: bandOf(i, score).key,
    alerts: (i.safetyItems ?? []).filter((s) => answers[s.index] > 0).map((s) => s.kind),
  };
}

/** Signed change in the good direction: positive is better. */
export function changeForBetter(i: Instrument, from: number, to: number): number {
  return i.better === 'higher' ? to - from : from - to;
}

/**
 * The change since baseline in words: "down 6 points since March 2026 — from
 * moderate to mild". `sinceLabel` is how the baseline date is shown.
 */
export function describeChange(
  i: Instrument,
  baseline: { score: number },
  latest: { score: number },
  sinceLabel: string,
): string {
  const diff = latest.score - baseline.score;
  const from = bandOf(i, baseline.score).label;
  const to = bandOf(i, latest.score).label;
  const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  const moved =
    diff === 0 ? 'the same score' : `${diff < 0 ? 'down' : 'up'} ${points(Math.abs(diff))}`;
  const bands = from === to ? `still ${to}` : `from ${from} to ${to}`;
  return `${moved} since ${sinceLabel} — ${bands}`;
}

export interface Measurement {
  id: string;
  participantId: string;
  teamId: string;
  instrument: InstrumentKey;
  takenOn: IsoDate;
  answers: number[];
  score: number;
  band: string;
  administeredById: string;
  timepoint: Timepoint;
  /** Filled in by the person themself on the worker's device. */
  selfEntered: boolean;
  voidedAt: IsoDateTime | null;
  voidedById: string | null;
  voidReason: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateMeasurementRequest {
  id?: string;
  participantId: string;
  instrument: InstrumentKey;
  /** Today (ORG_TIMEZONE) by default. */
  takenOn?: IsoDate;
  answers: number[];
  /** `discharge` marks the measure taken at discharge; otherwise baseline or follow-up is worked out. */
  timepoint?: 'discharge';
  selfEntered?: boolean;
}

export interface MeasureDue {
  instrument: InstrumentKey;
  /** When the next one is due (baseline: enrolment + 30 days; then the latest + the interval). */
  dueOn: IsoDate;
  /** `upcoming` before dueOn; `due` from dueOn; `overdue` more than 30 days after it. */
  state: 'upcoming' | 'due' | 'overdue';
  lastTakenOn: IsoDate | null;
}

export interface MeasureSchedule {
  participantId: string;
  /** Empty once the person is discharged (measures stop coming due). */
  items: MeasureDue[];
}

export interface SafetyAlert {
  id: string;
  kind: AlertKind;
  participantId: string;
  teamId: string;
  measurementId: string;
  /** The participant's primary worker, who sees the alert with the team's supervisors. */
  primaryWorkerId: string | null;
  /** The person's name as the team knows them, for the banner. */
  participantName: string;
  raisedAt: IsoDateTime;
  resolvedAt: IsoDateTime | null;
  resolvedById: string | null;
  resolution: string | null;
  status: AlertStatus;
}

export interface OutcomeFigures {
  instrument: InstrumentKey;
  /** People whose latest measurement falls in the period and is not their baseline. */
  n: number;
  meanBaseline: number | null;
  meanLatest: number | null;
  /** Latest − baseline, 1 decimal. */
  meanChange: number | null;
  /** Changed by at least 5 points in the good direction. */
  improved: number;
  /** Changed by at least 5 points the other way. */
  worsened: number;
}

export interface OutcomesReport {
  period: { from: IsoDate; to: IsoDate };
  teamId: string | null;
  instruments: OutcomeFigures[];
}
