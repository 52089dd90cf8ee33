import { parseArgs } from 'node:util';
import { TEAM_ONE_WORKERS } from './identities';

/** The default organisation: what `--scale 1` means. */
export const DEFAULT_COUNTS = {
  teams: 40,
  workers: 400,
  participants: 20_000,
  sessions: 1_000_000,
  attendance: 3_000_000,
  handouts: 200_000,
  advocacy: 100_000,
  decisionNotes: 50_000,
  /** Outcome measures: about three per participant. */
  measurements: 60_000,
  resources: 300,
  /** Work outside sessions: about three entries a week per worker over three years. */
  timeEntries: 180_000,
  /** Each worker supervised about every three weeks. */
  supervisions: 20_000,
  /** Consents to share: most people have one with a care provider, many a second. */
  consents: 26_000,
  /** Disclosures made under those consents (a handful in an emergency besides). */
  disclosures: 20_000,
};

export type Counts = typeof DEFAULT_COUNTS;

export interface SeedPlan extends Counts {
  /** One supervisor per team. */
  supervisors: number;
  /** Days of history, ending today. */
  days: number;
  seed: number;
  force: boolean;
  /** Load with the tables' indexes and foreign keys in place (slower; for comparison). */
  keepIndexes: boolean;
  /** Share of participants with a recovery plan in use. */
  planShare: number;
  /** Share of attendance rows with a session note (all of them attended). */
  noteShare: number;
}

export const DEFAULT_PLAN_SHARE = 0.8;
export const DEFAULT_NOTE_SHARE = 0.7;

export const SEED_USAGE = `Usage: pnpm seed:scale [options]

Fills the database named by DATABASE_URL (else the embedded one) with a large
organisation. Every count is multiplied by --scale, then overridden by its own option.

  --scale <f>            multiply every default count (default 1)
  --teams <n>            default ${DEFAULT_COUNTS.teams}
  --workers <n>          default ${DEFAULT_COUNTS.workers} (team 1 always has ${TEAM_ONE_WORKERS}; one supervisor per team)
  --participants <n>     default ${DEFAULT_COUNTS.participants}
  --sessions <n>         default ${DEFAULT_COUNTS.sessions}
  --attendance <n>       target attendance rows, default ${DEFAULT_COUNTS.attendance} (about 3 per session)
  --handouts <n>         default ${DEFAULT_COUNTS.handouts}
  --advocacy <n>         default ${DEFAULT_COUNTS.advocacy}
  --decision-notes <n>   default ${DEFAULT_COUNTS.decisionNotes}
  --measurements <n>     outcome measures, default ${DEFAULT_COUNTS.measurements} (about 3 per participant)
  --plan-share <f>       share of participants with a recovery plan, default ${DEFAULT_PLAN_SHARE}
  --note-share <f>       share of attendance rows with a session note, default ${DEFAULT_NOTE_SHARE}
  --resources <n>        default ${DEFAULT_COUNTS.resources}
  --time-entries <n>     work outside sessions, default ${DEFAULT_COUNTS.timeEntries / DEFAULT_COUNTS.workers} per worker (a few a week)
  --supervisions <n>     default ${DEFAULT_COUNTS.supervisions / DEFAULT_COUNTS.workers} per worker (every 2–4 weeks)
  --consents <n>         consents to share, default ${DEFAULT_COUNTS.consents}
  --disclosures <n>      disclosures under them, default ${DEFAULT_COUNTS.disclosures} (and a few emergency ones)
  --years <n>            history ending today, default 3
  --seed <n>             another deterministic data set, default 1
  --force                empty the domain tables of a database that has participants
  --keep-indexes         load with indexes and foreign keys in place (slower)
`;

export class PlanError extends Error {}

const COUNT_OPTIONS: Record<string, keyof Counts> = {
  teams: 'teams',
  workers: 'workers',
  participants: 'participants',
  sessions: 'sessions',
  attendance: 'attendance',
  handouts: 'handouts',
  advocacy: 'advocacy',
  'decision-notes': 'decisionNotes',
  measurements: 'measurements',
  resources: 'resources',
  'time-entries': 'timeEntries',
  supervisions: 'supervisions',
  consents: 'consents',
  disclosures: 'disclosures',
};

function positiveNumber(
  name: string,
  raw: string | undefined,
  integer: boolean,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new PlanError(
      `--${name} must be a positive ${integer ? 'whole ' : ''}number, not "${raw}"`,
    );
  }
  return n;
}

/** Reads the command line into counts; null when help was asked for. */
export function planFromArgs(args: string[]): SeedPlan | null {
  const options = {
    help: { type: 'boolean' as const, short: 'h' },
    force: { type: 'boolean' as const },
    'keep-indexes': { type: 'boolean' as const },
    scale: { type: 'string' as const },
    years: { type: 'string' as const },
    seed: { type: 'string' as const },
    'plan-share': { type: 'string' as const },
    'note-share': { type: 'string' as const },
    ...Object.fromEntries(Object.keys(COUNT_OPTIONS).map((k) => [k, { type: 'string' as const }])),
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    // pnpm passes a literal `--` through when it is used to separate script arguments.
    ({ values } = parseArgs({ args: args.filter((a) => a !== '--'), options, strict: true }));
  } catch (err) {
    throw new PlanError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return null;
  const scale = positiveNumber('scale', values.scale as string | undefined, false) ?? 1;
  const years = positiveNumber('years', values.years as string | undefined, false) ?? 3;
  const seed = positiveNumber('seed', values.seed as string | undefined, true) ?? 1;
  const share = (name: string, fallback: number) => {
    const n = positiveNumber(name, values[name] as string | undefined, false) ?? fallback;
    if (n > 1) throw new PlanError(`--${name} is a share between 0 and 1, not ${n}`);
    return n;
  };
  const planShare = share('plan-share', DEFAULT_PLAN_SHARE);
  const noteShare = share('note-share', DEFAULT_NOTE_SHARE);

  const explicit: Partial<Counts> = {};
  for (const [option, key] of Object.entries(COUNT_OPTIONS)) {
    const n = positiveNumber(option, values[option] as string | undefined, true);
    if (n !== undefined) explicit[key] = n;
  }
  const scaled = (key: keyof Counts, min: number) =>
    explicit[key] ?? Math.max(min, Math.round(DEFAULT_COUNTS[key] * scale));

  const teams = scaled('teams', 1);
  // Team 1 has exactly ten workers; every other team at least one.
  const workers = scaled('workers', TEAM_ONE_WORKERS + teams - 1);
  if (workers < TEAM_ONE_WORKERS + teams - 1) {
    throw new PlanError(
      `--workers must be at least ${TEAM_ONE_WORKERS + teams - 1} for ${teams} teams (team 1 has ${TEAM_ONE_WORKERS}, every other team one or more)`,
    );
  }
  const perWorker = (key: keyof Counts) =>
    Math.max(1, Math.round((DEFAULT_COUNTS[key] * workers) / DEFAULT_COUNTS.workers));
  const participants = scaled('participants', 2 * teams);
  if (participants < 2 * teams) {
    throw new PlanError(`--participants must be at least ${2 * teams} (two per team)`);
  }
  const sessions = scaled('sessions', 1);
  const attendance = explicit.attendance ?? Math.max(sessions, Math.round(sessions * 3));
  if (attendance < sessions) {
    throw new PlanError('--attendance must be at least --sessions (every session has an attendee)');
  }
  return {
    teams,
    workers,
    supervisors: teams,
    participants,
    sessions,
    attendance,
    handouts: scaled('handouts', 1),
    advocacy: scaled('advocacy', 1),
    decisionNotes: scaled('decisionNotes', 1),
    measurements: scaled('measurements', 1),
    resources: scaled('resources', 24),
    // A worker's own records follow the number of workers (team 1 always has ten).
    timeEntries: explicit.timeEntries ?? perWorker('timeEntries'),
    supervisions: explicit.supervisions ?? perWorker('supervisions'),
    consents: scaled('consents', 1),
    disclosures: scaled('disclosures', 1),
    days: Math.max(30, Math.round(365.25 * years)),
    seed,
    force: Boolean(values.force),
    keepIndexes: Boolean(values['keep-indexes']),
    planShare,
    noteShare,
  };
}
