import 'reflect-metadata';
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, types } from 'pg';
import { addDays, monthOf, todayIn, type Role } from '@peerpath/shared';
import type { AuthUser } from '../src/common/auth.decorators';
import type { ResolvedConfig } from '../src/config/config';
import { connectionOptions } from '../src/database/data-source';
import { serverRoot, startServer, type RunningServer } from './start-server';
import { openTargetDatabase, redactUrl } from './scale/database';
import {
  COMMON_NAME_FRAGMENT,
  SCALE_ADMIN_EMAIL,
  SCALE_PASSWORD,
  supervisorEmail,
  TEAM_ONE_WORKERS,
  workerEmail,
} from './scale/identities';
import { listMix, loadMixSource, type MixRequest } from './scale/list-mix';
import {
  captureClaimsSql,
  captureReportSql,
  PendingError,
  replay,
  reportSource,
  type ReportKind,
} from './scale/report-sql';

const USAGE = `Usage: pnpm bench [--quick] [--strict] [--out <file>]

Starts the built server on the database named by DATABASE_URL (else the
embedded one), seeded by \`pnpm seed:scale\`, measures it and writes
bench-results.json at the repository root.

  --quick        a smoke run: 3 repetitions, 1.5 s load runs, 20 group sessions (also BENCH_QUICK=1)
  --strict       exit 2 when a budget fails (a pending figure never fails); the
                 phone scores \`pnpm lighthouse\` wrote into the same file count too
  --out <file>   where to write the results (default: <repo>/bench-results.json)
  --only list    the participant list's figures alone (baseline, repeated search, mix)

Exit codes: 0 measured (budgets are reported, not enforced), 1 the harness or
an endpoint failed, 2 a budget failed under --strict.
`;

interface Settings {
  quick: boolean;
  /** `--only list`: the baseline, the repeated search and the mix alone. */
  onlyList: boolean;
  strict: boolean;
  out: string;
  /** Timed requests per report, and SQL replays. */
  repetitions: number;
  loadSeconds: number;
  warmSeconds: number;
  connections: number;
  groupSessions: number;
  groupWarmup: number;
  /** Requests in one mix of the participant list, and how many different mixes are measured. */
  mixRequests: number;
  mixRounds: number;
}

type Status = 'measured' | 'pending' | 'error';

interface Note {
  status: Status;
  note?: string;
}

interface ReportFigure extends Note {
  appMs: number | null;
  sqlMs: number | null;
  ratio: number | null;
  sqlStatements?: number;
  sqlSource?: string;
  query: Record<string, string>;
}

interface LoadFigure extends Note {
  rps: number | null;
  p99Ms: number | null;
  p50Ms?: number | null;
  requests?: number;
  /** CPU per request (ms): the server process, and the database's backends. */
  cpu?: CpuPerRequest | null;
}

/** One mix of different list requests, sent once each at `connections` connections. */
interface MixRound {
  seed: number;
  rps: number | null;
  p99Ms: number | null;
  p50Ms: number | null;
  requests: number;
  /** Requests of this mix whose page an earlier mix (or the warm-up) had asked for. */
  seenBefore: number;
  /** CPU per request (ms): the server process, and the database's backends. */
  cpu?: CpuPerRequest | null;
}

interface CpuPerRequest {
  nodeMs: number | null;
  postgresMs: number | null;
}

/** A process's CPU time so far (user + system, ms), from /proc; null where it cannot be read. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The median of each CPU figure over the mixes that have it. */
function medianCpu(figures: (CpuPerRequest | null)[]): CpuPerRequest | null {
  const of = (k: keyof CpuPerRequest) => {
    const xs = figures.map((f) => f?.[k] ?? null).filter((v): v is number => v !== null);
    return xs.length ? round(median(xs), 2) : null;
  };
  return figures.some((f) => f) ? { nodeMs: of('nodeMs'), postgresMs: of('postgresMs') } : null;
}

/** Linux's USER_HZ, as /proc reports times in. */
const CLOCK_TICKS = 100;

interface MixFigure extends LoadFigure {
  /** Different requests in each mix (each sent once). */
  distinct?: number;
  callers?: number;
  rounds?: MixRound[];
}

/** What the participant page loads first (client/src/pages/ParticipantPage.tsx), request by request. */
interface PageRequest {
  name: string;
  path: string;
  /** Median over the repetitions, milliseconds. */
  appMs: number | null;
}

interface ParticipantPageFigure extends Note {
  /** The measured request: the timeline, which carries the plan's entries and every note (with goal chips). */
  appMs: number | null;
  p95Ms?: number | null;
  main?: string;
  participantId?: string;
  notes?: number;
  timelineItems?: number;
  activePlanVersion?: number;
  /** Every request of the first load, one at a time (informational). */
  requests?: PageRequest[];
  /** The first load as the client sends it: the participant, then the rest together (informational). */
  firstLoadMs?: number | null;
}

/** The funder export under the cell key method against the same export unperturbed (SPEC §14). */
interface ExportFigure extends Note {
  perturbedMs: number | null;
  exactMs: number | null;
  ratio: number | null;
  query: Record<string, string>;
}

/** One team's claims of one month (SPEC §13), through the API and as the same SQL. */
interface ClaimsFigure extends ReportFigure {
  /** Billable lines and units of the month, and the blocked lines by reason (informational). */
  lines?: number;
  units?: number;
  blockedLines?: number;
  blockedByReason?: Record<string, number>;
}

interface Budget {
  figure: string;
  value: number | null;
  limit: string;
  result: 'PASS' | 'FAIL' | 'PENDING';
}

/** The participant page is measured for a person with (at least) this many session notes. */
const PAGE_NOTES = 200;

const REPO_ROOT = resolve(serverRoot(), '..');
/** The benchmark's baseline server (bench-baseline.ts), compiled beside this file. */
const BASELINE_SERVER = join(__dirname, 'bench-baseline.js');

function settingsFrom(args: string[]): Settings | null {
  const { values } = parseArgs({
    args: args.filter((a) => a !== '--'),
    options: {
      quick: { type: 'boolean' },
      strict: { type: 'boolean' },
      out: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const quick =
    Boolean(values.quick) || ['1', 'true', 'yes'].includes(process.env.BENCH_QUICK ?? '');
  if (values.only !== undefined && values.only !== 'list') {
    throw new Error(`--only takes "list", not "${values.only}"`);
  }
  return {
    quick,
    onlyList: values.only === 'list',
    strict: Boolean(values.strict),
    out: resolve(values.out ?? join(REPO_ROOT, 'bench-results.json')),
    repetitions: quick ? 3 : 10,
    loadSeconds: quick ? 1.5 : 10,
    warmSeconds: quick ? 0.5 : 2,
    connections: 50,
    groupSessions: quick ? 20 : 200,
    groupWarmup: quick ? 3 : 10,
    mixRequests: 1000,
    mixRounds: quick ? 1 : 3,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (n: number | null, digits = 1) =>
  n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits));

interface ApiResponse {
  status: number;
  ms: number;
  body: unknown;
}

/** Nest answers an unknown route with 404 "Cannot GET …": that endpoint is not written yet. */
function isMissingRoute(res: ApiResponse): boolean {
  const message = (res.body as { message?: unknown } | null)?.message;
  return res.status === 404 && typeof message === 'string' && /^Cannot (GET|POST)/.test(message);
}

function describeFailure(res: ApiResponse): string {
  const body = res.body as { message?: unknown } | null;
  const message = typeof body?.message === 'string' ? body.message : JSON.stringify(res.body);
  return `HTTP ${res.status}: ${String(message).slice(0, 300)}`;
}

class Bench {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly server: RunningServer,
    private readonly db: Client,
    private readonly config: ResolvedConfig,
    private readonly settings: Settings,
  ) {}

  async api(method: string, path: string, token?: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const res = await fetch(`${this.server.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, ms, body: parsed };
  }

  /** A fresh access token (they last ten minutes; each part of the run signs in again). */
  async token(email: string): Promise<string> {
    const res = await this.api('POST', '/api/auth/login', undefined, {
      email,
      password: SCALE_PASSWORD,
    });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${describeFailure(res)}`);
    const token = (res.body as { accessToken: string }).accessToken;
    this.tokens.set(email, token);
    return token;
  }

  async caller(email: string): Promise<AuthUser> {
    const { rows } = await this.db.query<{
      id: string;
      email: string;
      display_name: string;
      role: Role;
      team_id: string | null;
    }>(`SELECT id, email, display_name, role, team_id FROM app_user WHERE email = $1`, [email]);
    if (!rows[0]) throw new Error(`${email} is not in the database: run pnpm seed:scale first`);
    const u = rows[0];
    return {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      teamId: u.team_id,
      sessionId: randomUUID(),
    };
  }

  /**
   * The activity export as a funder gets it (CSV, `EXPORT_PROTECTION=perturb`: the record keys
   * summed per cell) and the internal export of the same period (the same figures, no keys),
   * alternating; medians. Their ratio is the cell key method's cost.
   */
  async exportCost(query: Record<string, string>): Promise<ExportFigure> {
    const figure: ExportFigure = {
      status: 'measured',
      perturbedMs: null,
      exactMs: null,
      ratio: null,
      query,
    };
    const token = await this.token(SCALE_ADMIN_EMAIL);
    const qs = new URLSearchParams({ ...query, format: 'csv' }).toString();
    const perturbed: number[] = [];
    const exact: number[] = [];
    for (let i = 0; i < this.settings.repetitions + 1; i++) {
      const a = await this.api('GET', `/api/reports/activity/export?${qs}`, token);
      const b = await this.api('GET', `/api/reports/activity/export?${qs}&internal=true`, token);
      for (const res of [a, b]) {
        if (res.status !== 200) {
          return { ...figure, status: 'error', note: describeFailure(res) };
        }
      }
      // The first pair warms the caches and is not counted.
      if (i === 0) continue;
      perturbed.push(a.ms);
      exact.push(b.ms);
    }
    figure.perturbedMs = round(median(perturbed));
    figure.exactMs = round(median(exact));
    figure.ratio = round(median(perturbed) / median(exact), 2);
    return figure;
  }

  /** One report through the API and the same SQL through `pg`, alternating; medians. */
  async report(
    kind: ReportKind,
    email: string,
    query: Record<string, string>,
  ): Promise<ReportFigure> {
    const figure: ReportFigure = {
      status: 'measured',
      appMs: null,
      sqlMs: null,
      ratio: null,
      query,
    };
    const path = `/api/reports/${kind}?${new URLSearchParams(query).toString()}`;
    const token = await this.token(email);
    const first = await this.api('GET', path, token);
    if (isMissingRoute(first)) {
      return {
        ...figure,
        status: 'pending',
        note: `GET /api/reports/${kind} is not there yet (404)`,
      };
    }
    if (first.status !== 200) return { ...figure, status: 'error', note: describeFailure(first) };

    let statements: Awaited<ReturnType<typeof captureReportSql>> | undefined;
    let sqlNote: string | undefined;
    try {
      statements = await captureReportSql(
        this.db,
        this.config,
        kind,
        await this.caller(email),
        query,
      );
      figure.sqlStatements = statements.length;
      figure.sqlSource = `${reportSource(kind)}, captured and replayed`;
    } catch (err) {
      sqlNote = `${err instanceof PendingError ? 'SQL pending' : 'SQL capture failed'}: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (!statements) figure.note = sqlNote;
    return this.timeAgainstSql(figure, path, token, statements);
  }

  /**
   * The claims of one team-month (SPEC §13: `GET /api/billing/claims`, JSON)
   * as the team's supervisor asks for them, and the billing module's own SQL
   * replayed through `pg`, alternating; medians. The month's blocked lines are
   * read once beside it, to show the mix.
   */
  async claims(email: string, query: Record<string, string>): Promise<ClaimsFigure> {
    const figure: ClaimsFigure = {
      status: 'measured',
      appMs: null,
      sqlMs: null,
      ratio: null,
      query,
    };
    const path = `/api/billing/claims?${new URLSearchParams({ ...query, format: 'json' }).toString()}`;
    const token = await this.token(email);
    const first = await this.api('GET', path, token);
    if (isMissingRoute(first)) {
      return {
        ...figure,
        status: 'pending',
        note: 'GET /api/billing/claims is not there yet (404)',
      };
    }
    if (first.status !== 200) return { ...figure, status: 'error', note: describeFailure(first) };
    const totals = (first.body as { totals: { lines: number; units: number } }).totals;
    figure.lines = totals.lines;
    figure.units = totals.units;
    const blocked = await this.api(
      'GET',
      `/api/billing/blocked?${new URLSearchParams(query).toString()}`,
      token,
    );
    if (blocked.status === 200) {
      const b = blocked.body as { totals: { lines: number }; byReason: Record<string, number> };
      figure.blockedLines = b.totals.lines;
      figure.blockedByReason = Object.fromEntries(
        Object.entries(b.byReason).filter(([, n]) => n > 0),
      );
    }

    let statements: Awaited<ReturnType<typeof captureClaimsSql>> | undefined;
    try {
      statements = await captureClaimsSql(this.db, {
        from: query.from,
        to: query.to,
        teamId: query.teamId,
        timezone: this.config.orgTimezone,
      });
      figure.sqlStatements = statements.length;
      figure.sqlSource =
        'queryClaimLines (server/src/billing/claim-lines.ts), captured and replayed';
    } catch (err) {
      figure.note = `SQL capture failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    return this.timeAgainstSql(figure, path, token, statements);
  }

  /**
   * From a fresh checkpoint, `GET path` and the replay of its captured SQL
   * (when there is one), alternating, `repetitions` times: their medians and
   * ratio into `figure`.
   */
  private async timeAgainstSql<
    F extends {
      status: string;
      note?: string;
      appMs: number | null;
      sqlMs: number | null;
      ratio: number | null;
    },
  >(
    figure: F,
    path: string,
    token: string,
    statements: Parameters<typeof replay>[1] | undefined,
  ): Promise<F> {
    await this.checkpoint();
    await this.settle();
    const app: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < this.settings.repetitions; i++) {
      const res = await this.api('GET', path, token);
      if (res.status !== 200) return { ...figure, status: 'error', note: describeFailure(res) };
      app.push(res.ms);
      if (statements) sql.push(await replay(this.db, statements));
    }
    figure.appMs = round(median(app));
    if (statements) {
      figure.sqlMs = round(median(sql));
      figure.ratio = round(median(app) / median(sql), 2);
    }
    return figure;
  }

  /**
   * Starts a measurement from a fresh checkpoint, as pgbench does: the dirty
   * pages earlier phases left are written now, not by a checkpoint that falls
   * inside the measurement. A role that may not CHECKPOINT skips it.
   */
  async checkpoint(): Promise<void> {
    await this.db.query('CHECKPOINT').catch(() => undefined);
  }

  /**
   * Waits until no other connection is running a statement in this database
   * and no autovacuum worker is at work in it: neither the requests a load run
   * left in flight nor the vacuum its writes set off (the audit rows of a load
   * run, the group sessions removed after their run) may slow the next measurement.
   */
  async settle(maxSeconds = 120): Promise<void> {
    const deadline = Date.now() + maxSeconds * 1000;
    while (Date.now() < deadline) {
      const { rows } = await this.db.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND ((state = 'active' AND backend_type = 'client backend')
                 OR backend_type = 'autovacuum worker')`,
      );
      if (rows[0].busy === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** CPU so far of the server process and of every backend of the database but this one. */
  private async cpuNow(): Promise<{ node: number | null; backends: Map<number, number> }> {
    const { rows } = await this.db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) backends.set(pid, ms);
    }
    return { node: processCpuMs(this.server.pid), backends };
  }

  /** CPU per request between two `cpuNow` readings (a backend that started between them from 0). */
  private cpuPerRequest(
    before: Awaited<ReturnType<Bench['cpuNow']>>,
    after: Awaited<ReturnType<Bench['cpuNow']>>,
    requests: number,
  ): CpuPerRequest | null {
    if (requests === 0 || after.backends.size === 0) return null;
    let pg = 0;
    for (const [pid, ms] of after.backends) pg += ms - (before.backends.get(pid) ?? 0);
    return {
      nodeMs:
        before.node !== null && after.node !== null
          ? round((after.node - before.node) / requests, 2)
          : null,
      postgresMs: round(pg / requests, 2),
    };
  }

  private async load(path: string, token: string, seconds: number) {
    return autocannon({
      url: `${this.server.baseUrl}${path}`,
      connections: this.settings.connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
      timeout: 10,
    });
  }

  /** `connections` clients for `loadSeconds` after a warm-up; requests per second and p99. */
  async throughput(path: string, email: string): Promise<LoadFigure> {
    const token = await this.token(email);
    const first = await this.api('GET', path, token);
    if (isMissingRoute(first)) {
      return {
        status: 'pending',
        rps: null,
        p99Ms: null,
        note: `GET ${path.split('?')[0]} is not there yet (404)`,
      };
    }
    if (first.status !== 200)
      return { status: 'error', rps: null, p99Ms: null, note: describeFailure(first) };
    await this.checkpoint();
    await this.settle();
    await this.load(path, token, this.settings.warmSeconds);
    await this.settle();
    const cpuBefore = await this.cpuNow();
    const r = await this.load(path, token, this.settings.loadSeconds);
    const cpuAfter = await this.cpuNow();
    await this.settle();
    const completed = r['2xx'] + r.non2xx;
    const figure: LoadFigure = {
      status: 'measured',
      rps: round(completed / r.duration),
      p99Ms: completed > 0 ? round(r.latency.p99) : null,
      p50Ms: completed > 0 ? round(r.latency.p50) : null,
      requests: completed,
      cpu: this.cpuPerRequest(cpuBefore, cpuAfter, completed),
    };
    if (completed === 0) {
      figure.note = `no response within the ${this.settings.loadSeconds} s run (each request takes longer under this load)`;
    }
    if (r.non2xx > 0 || r.errors > 0) {
      figure.status = 'error';
      figure.note = `${r.non2xx} non-2xx responses (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors, ${r.timeouts} timeouts`;
    }
    return figure;
  }

  /**
   * The participant list as many people use it: `mixRounds` mixes of
   * `mixRequests` different requests (list-mix.ts: searches, pages, filters and
   * sorts, by workers and supervisors of several teams and the admin), each
   * request sent once, at `connections` connections, after a warm-up mix of its
   * own. Each figure is the median over the mixes; every mix is recorded.
   */
  async listMixLoad(today: string): Promise<MixFigure> {
    const source = await loadMixSource(this.db, today);
    const tokens = new Map<string, string>();
    for (const c of source.callers) tokens.set(c.email, await this.token(c.email));
    const mixes = [0, ...Array.from({ length: this.settings.mixRounds }, (_, i) => i + 1)].map(
      (seed) => ({ seed, requests: listMix(source, seed, this.settings.mixRequests) }),
    );
    const distinct = Math.min(...mixes.map((m) => m.requests.length));
    const figure: MixFigure = {
      status: 'measured',
      rps: null,
      p99Ms: null,
      distinct,
      callers: source.callers.length,
    };
    if (distinct < this.settings.connections) {
      return {
        ...figure,
        status: 'error',
        note: `only ${distinct} different list requests at this scale`,
      };
    }
    // A sample of the warm-up's requests must answer 200 before anything is timed (a measured
    // mix that does not answers as an error below, with its status codes).
    const sample = mixes[0].requests.filter((_, i) => i % 20 === 0);
    for (const r of sample) {
      const res = await this.api('GET', r.path, tokens.get(r.email));
      if (res.status !== 200) {
        return { ...figure, status: 'error', note: `${r.path}: ${describeFailure(res)}` };
      }
    }
    const send = (requests: MixRequest[]) => {
      let next = 0;
      return autocannon({
        url: this.server.baseUrl,
        connections: this.settings.connections,
        amount: requests.length,
        timeout: 10,
        // The run ends at the first sample after the last answer: with autocannon's default of a
        // sample a second, a mix that took 2.2 s was timed as 3.01 s (every mix's rate came out as
        // 1,000 ÷ a whole number of seconds).
        sampleInt: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const r = requests[next++ % requests.length];
              return {
                ...req,
                path: r.path,
                headers: { ...req.headers, authorization: `Bearer ${tokens.get(r.email)}` },
              };
            },
          },
        ],
      });
    };
    const asked = new Set<string>(sample.map((r) => r.key));
    const rounds: MixRound[] = [];
    await this.checkpoint();
    await this.settle();
    for (const mix of mixes) {
      const seenBefore = mix.requests.filter((r) => asked.has(r.key)).length;
      const cpuBefore = await this.cpuNow();
      const r = await send(mix.requests);
      const cpuAfter = await this.cpuNow();
      for (const req of mix.requests) asked.add(req.key);
      await this.settle();
      if (r.non2xx > 0 || r.errors > 0) {
        return {
          ...figure,
          status: 'error',
          note: `mix ${mix.seed}: ${r.non2xx} non-2xx responses (${JSON.stringify(r.statusCodeStats)}), ${r.errors} errors, ${r.timeouts} timeouts`,
        };
      }
      // Mix 0 is the warm-up and is not counted.
      if (mix.seed === 0) continue;
      const completed = r['2xx'] + r.non2xx;
      rounds.push({
        seed: mix.seed,
        rps: round(completed / r.duration),
        p99Ms: completed > 0 ? round(r.latency.p99) : null,
        p50Ms: completed > 0 ? round(r.latency.p50) : null,
        requests: completed,
        seenBefore,
        cpu: this.cpuPerRequest(cpuBefore, cpuAfter, completed),
      });
    }
    const of = (k: 'rps' | 'p99Ms' | 'p50Ms') => {
      const xs = rounds.map((r) => r[k]).filter((v): v is number => v !== null);
      return xs.length === rounds.length ? round(median(xs)) : null;
    };
    return {
      ...figure,
      rps: of('rps'),
      p99Ms: of('p99Ms'),
      p50Ms: of('p50Ms'),
      requests: rounds.reduce((n, r) => n + r.requests, 0),
      cpu: medianCpu(rounds.map((r) => r.cpu ?? null)),
      rounds,
    };
  }

  /**
   * The participant page of a person with an active recovery plan and at
   * least PAGE_NOTES session notes (the fewest such; else the most notes
   * there are: seed:scale gives team 1's most frequent attendee a note for
   * every session), opened by a supervisor of their team. The page
   * sends six requests on first load; the budget is on the timeline, the one
   * that carries the plan and the notes. The others, and the whole first load
   * as the client sends it, are recorded beside it.
   */
  async participantPage(): Promise<ParticipantPageFigure> {
    const { rows } = await this.db
      .query<{ participant_id: string; notes: number; version_no: number; email: string | null }>(
        `SELECT n.participant_id, n.notes, rp.version_no,
                (SELECT u.email FROM app_user u
                  WHERE u.team_id = p.team_id AND u.role = 'supervisor' AND u.active
                  ORDER BY u.email LIMIT 1) AS email
           FROM (SELECT participant_id, count(*)::int AS notes FROM session_note
                  GROUP BY participant_id) n
           JOIN recovery_plan rp ON rp.participant_id = n.participant_id AND rp.status = 'active'
           JOIN participant p ON p.id = n.participant_id
          ORDER BY n.notes >= ${PAGE_NOTES} DESC,
                   CASE WHEN n.notes >= ${PAGE_NOTES} THEN n.notes ELSE -n.notes END,
                   n.participant_id
          LIMIT 1`,
      )
      .catch((err: unknown) => {
        // The tables of plans and notes are not there yet (an older database).
        if ((err as { code?: string }).code === '42P01') return { rows: [] };
        throw err;
      });
    const pick = rows[0];
    if (!pick?.email) {
      return {
        status: 'pending',
        appMs: null,
        note: 'no participant with an active plan and notes: run pnpm seed:scale with this version',
      };
    }
    const id = pick.participant_id;
    const token = await this.token(pick.email);
    const main = `/api/participants/${id}/timeline`;
    const first = `/api/participants/${id}`;
    const rest: [string, string][] = [
      ['plans', `/api/participants/${id}/plans?pageSize=100`],
      ['follow-ups', `/api/handouts?outcome=pending&pageSize=20&participantId=${id}`],
      ['timeline', main],
      ['measurements', `/api/measurements?participantId=${id}&pageSize=100`],
      ['measure schedule', `/api/measurements/schedule?participantId=${id}`],
    ];
    const all: [string, string][] = [['participant', first], ...rest];
    const figure: ParticipantPageFigure = {
      status: 'measured',
      appMs: null,
      ...(pick.notes < PAGE_NOTES
        ? { note: `nobody has ${PAGE_NOTES} notes at this scale: measured with ${pick.notes}` }
        : {}),
      main: `GET ${main.replace(id, ':id')}`,
      participantId: id,
      notes: pick.notes,
      activePlanVersion: pick.version_no,
    };
    // Warm-up, and every request must answer.
    for (const [name, path] of all) {
      const res = await this.api('GET', path, token);
      if (isMissingRoute(res)) {
        return {
          ...figure,
          status: 'pending',
          note: `${name}: GET ${path} is not there yet (404)`,
        };
      }
      if (res.status !== 200) {
        return { ...figure, status: 'error', note: `${name}: ${describeFailure(res)}` };
      }
      if (path === main) figure.timelineItems = (res.body as { items: unknown[] }).items.length;
    }
    await this.checkpoint();
    await this.settle();
    const times = new Map<string, number[]>(all.map(([name]) => [name, []]));
    const firstLoad: number[] = [];
    for (let i = 0; i < Math.max(this.settings.repetitions, 5); i++) {
      for (const [name, path] of all) {
        const res = await this.api('GET', path, token);
        if (res.status !== 200) {
          return { ...figure, status: 'error', note: `${name}: ${describeFailure(res)}` };
        }
        times.get(name)!.push(res.ms);
      }
      const t0 = performance.now();
      await this.api('GET', first, token);
      await Promise.all(rest.map(([, path]) => this.api('GET', path, token)));
      firstLoad.push(performance.now() - t0);
    }
    const timeline = times.get('timeline')!;
    figure.appMs = round(median(timeline));
    figure.p95Ms = round(percentile(timeline, 95));
    figure.requests = all.map(([name, path]) => ({
      name,
      path: `GET ${path.replace(id, ':id')}`,
      appMs: round(median(times.get(name)!)),
    }));
    figure.firstLoadMs = round(median(firstLoad));
    return figure;
  }

  /** A worker of team 1 logs group sessions of ten team-1 participants, one after another. */
  async groupSession(): Promise<
    Note & { p95Ms: number | null; p50Ms?: number | null; n?: number; attendees?: number }
  > {
    const email = workerEmail(1);
    const token = await this.token(email);
    const me = await this.caller(email);
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM participant WHERE team_id = $1 AND status = 'active' ORDER BY id LIMIT 10`,
      [me.teamId],
    );
    if (rows.length === 0)
      throw new Error('Team 1 has no active participants: run pnpm seed:scale first');
    const created: string[] = [];
    const post = () => {
      const id = randomUUID();
      created.push(id);
      return this.api('POST', '/api/sessions', token, {
        id,
        type: 'support_group',
        setting: 'community_center',
        startsAt: new Date().toISOString(),
        durationMinutes: 90,
        title: 'Benchmark group',
        activities: ['emotional_support', 'coping_strategies'],
        attendance: rows.map((r) => ({ participantId: r.id, status: 'attended' })),
      });
    };
    try {
      await this.checkpoint();
      await this.settle();
      const first = await post();
      if (isMissingRoute(first)) {
        return {
          status: 'pending',
          p95Ms: null,
          note: 'POST /api/sessions is not there yet (404)',
        };
      }
      if (first.status !== 201)
        return { status: 'error', p95Ms: null, note: describeFailure(first) };
      for (let i = 1; i < this.settings.groupWarmup; i++) await post();
      await this.settle();
      const times: number[] = [];
      for (let i = 0; i < this.settings.groupSessions; i++) {
        const res = await post();
        if (res.status !== 201) return { status: 'error', p95Ms: null, note: describeFailure(res) };
        times.push(res.ms);
      }
      return {
        status: 'measured',
        p95Ms: round(percentile(times, 95)),
        p50Ms: round(median(times)),
        n: times.length,
        attendees: rows.length,
      };
    } finally {
      // The benchmark's sessions are removed again (attendance goes with them); their audit events stay.
      await this.db.query(`DELETE FROM support_session WHERE id = ANY($1::uuid[])`, [created]);
    }
  }
}

/** The pages whose first load the budget covers: a worker's sign-in and home page. */
const FIRST_PAGES = ['LoginPage', 'CaseloadPage'];

/** The client's own measure of a first load (`client/scripts/bundle-size.mjs`), loaded as the ES module it is. */
interface BundleSize {
  firstLoadGzipBytes(dist: string, pages: string[]): Record<string, number>;
}
/** The phone figures' budgets (`client/scripts/lighthouse.mjs`, which writes the `lighthouse` key). */
interface LighthouseScript {
  lighthouseBudgets(section: unknown): Budget[];
}
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;

/** The sign-in page must be usable on a phone after this much JavaScript (issue 24). */
const SIGN_IN_JS_BUDGET_KB = 150;

/**
 * What `pnpm lighthouse` last wrote into the results file, kept when the benchmark writes it
 * again, and the budget lines for its scores (none when it has not run).
 */
async function lighthouseFigures(out: string): Promise<{ section?: unknown; budgets: Budget[] }> {
  let section: unknown;
  try {
    section = (JSON.parse(readFileSync(out, 'utf8')) as { lighthouse?: unknown }).lighthouse;
  } catch {
    return { budgets: [] };
  }
  if (!section) return { budgets: [] };
  const script = join(REPO_ROOT, 'client', 'scripts', 'lighthouse.mjs');
  const { lighthouseBudgets } = await importEsm<LighthouseScript>(pathToFileURL(script).href);
  return { section, budgets: lighthouseBudgets(section) };
}

/**
 * The JS each first page loads before it paints: the entry chunk, the page's
 * own chunk and every chunk they import statically (from Vite's manifest),
 * gzipped. `initialJsGzipKb` is the larger of the two pages.
 */
async function initialJs(): Promise<
  Note & { initialJsGzipKb: number | null; pages?: Record<string, number> }
> {
  const dist = process.env.CLIENT_DIST ?? join(REPO_ROOT, 'client', 'dist');
  const manifestFile = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) {
    return {
      status: 'pending',
      initialJsGzipKb: null,
      note: `${manifestFile} is missing: build the client first`,
    };
  }
  const script = join(REPO_ROOT, 'client', 'scripts', 'bundle-size.mjs');
  const { firstLoadGzipBytes } = await importEsm<BundleSize>(pathToFileURL(script).href);
  const bytes = firstLoadGzipBytes(dist, FIRST_PAGES);
  const pages = Object.fromEntries(
    Object.entries(bytes).map(([page, n]) => [page, round(n / 1024)!]),
  );
  return { status: 'measured', initialJsGzipKb: Math.max(...Object.values(pages)), pages };
}

function budgets(results: Record<string, any>): Budget[] {
  const check = (
    figure: string,
    value: number | null,
    limit: string,
    ok: (v: number) => boolean,
    failWhenMissing = false,
  ): Budget => ({
    figure,
    value,
    limit,
    result: value === null ? (failWhenMissing ? 'FAIL' : 'PENDING') : ok(value) ? 'PASS' : 'FAIL',
  });
  return [
    check('activity.appMs', results.activity.appMs, '≤ 300 ms', (v) => v <= 300),
    check('activity.ratio', results.activity.ratio, '≤ 1.3 × raw SQL', (v) => v <= 1.3),
    check('caseload.appMs', results.caseload.appMs, '≤ 200 ms', (v) => v <= 200),
    check('caseload.ratio', results.caseload.ratio, '≤ 1.3 × raw SQL', (v) => v <= 1.3),
    check('outcomes.appMs', results.outcomes.appMs, '≤ 300 ms', (v) => v <= 300),
    check('outcomes.ratio', results.outcomes.ratio, '≤ 1.3 × raw SQL', (v) => v <= 1.3),
    check('claims.appMs', results.claims.appMs, '≤ 500 ms', (v) => v <= 500),
    check('participantPage.appMs', results.participantPage.appMs, '< 50 ms', (v) => v < 50),
    check('funderExport.ratio', results.funderExport.ratio, '≤ 1.5 × unperturbed', (v) => v <= 1.5),
    check('list.ratio', results.list.ratio, '≥ 0.5 × baseline rps', (v) => v >= 0.5),
    // No response at all within the run is a failure, not a pending figure.
    check('list.p99Ms', results.list.p99Ms, '≤ 50 ms', (v) => v <= 50, results.list.requests === 0),
    check('listMix.ratio', results.listMix.ratio, '≥ 0.5 × baseline rps', (v) => v >= 0.5),
    check(
      'listMix.p99Ms',
      results.listMix.p99Ms,
      '≤ 50 ms',
      (v) => v <= 50,
      results.listMix.requests === 0,
    ),
    check('groupSession.p95Ms', results.groupSession.p95Ms, '≤ 30 ms', (v) => v <= 30),
    check(
      'client.initialJsGzipKb',
      results.client.initialJsGzipKb,
      '≤ 250 KB gzip',
      (v) => v <= 250,
    ),
    check(
      'client.pages.LoginPage',
      results.client.pages?.LoginPage ?? null,
      `≤ ${SIGN_IN_JS_BUDGET_KB} KB gzip`,
      (v) => v <= SIGN_IN_JS_BUDGET_KB,
    ),
  ];
}

function table(results: Record<string, any>, checks: Budget[]): string {
  const rows: [string, string, string][] = [];
  const fmt = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  const add = (name: string, v: unknown, section: Note) =>
    rows.push([
      name,
      fmt(v),
      section.status === 'measured' ? '' : `${section.status}: ${section.note ?? ''}`,
    ]);
  for (const k of ['activity', 'caseload', 'outcomes'] as const) {
    const f = results[k] as ReportFigure;
    add(`${k}.appMs`, f.appMs, f);
    add(
      `${k}.sqlMs`,
      f.sqlMs,
      f.sqlMs === null && f.status === 'measured' ? { status: 'pending', note: f.note } : f,
    );
    add(
      `${k}.ratio`,
      f.ratio,
      f.ratio === null && f.status === 'measured' ? { status: 'pending', note: f.note } : f,
    );
  }
  {
    const f = results.claims as ClaimsFigure;
    add('claims.appMs', f.appMs, f);
    add(
      'claims.sqlMs',
      f.sqlMs,
      f.sqlMs === null && f.status === 'measured' ? { status: 'pending', note: f.note } : f,
    );
    add(
      'claims.ratio',
      f.ratio,
      f.ratio === null && f.status === 'measured' ? { status: 'pending', note: f.note } : f,
    );
    add('claims.lines', f.lines, f);
    add('claims.blockedLines', f.blockedLines, f);
  }
  add('list.rps', results.list.rps, results.list);
  add('list.p99Ms', results.list.p99Ms, results.list);
  add('listMix.rps', results.listMix.rps, results.listMix);
  add('listMix.p99Ms', results.listMix.p99Ms, results.listMix);
  add(
    'listMix.ratio',
    results.listMix.ratio,
    results.listMix.status === 'measured' ? results.baseline : results.listMix,
  );
  add('baseline.rps', results.baseline.rps, results.baseline);
  add('baseline.p99Ms', results.baseline.p99Ms, results.baseline);
  add(
    'list.ratio',
    results.list.ratio,
    results.list.status === 'measured' ? results.baseline : results.list,
  );
  add('participantPage.appMs', results.participantPage.appMs, results.participantPage);
  add('participantPage.notes', results.participantPage.notes, results.participantPage);
  add('participantPage.firstLoadMs', results.participantPage.firstLoadMs, results.participantPage);
  add('funderExport.perturbedMs', results.funderExport.perturbedMs, results.funderExport);
  add('funderExport.exactMs', results.funderExport.exactMs, results.funderExport);
  add('funderExport.ratio', results.funderExport.ratio, results.funderExport);
  add('groupSession.p95Ms', results.groupSession.p95Ms, results.groupSession);
  add('client.initialJsGzipKb', results.client.initialJsGzipKb, results.client);
  add('client.pages.LoginPage', results.client.pages?.LoginPage ?? null, results.client);
  for (const [page, f] of Object.entries(
    (results.lighthouse?.pages ?? {}) as Record<string, Record<string, number | null>>,
  )) {
    const note: Note = { status: 'measured' };
    add(`lighthouse.${page}.performance`, f.performance, note);
    add(`lighthouse.${page}.accessibility`, f.accessibility, note);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  const lines = rows.map(([n, v, note]) => `  ${n.padEnd(width)}  ${v.padStart(9)}  ${note}`);
  const bw = Math.max(...checks.map((c) => c.figure.length));
  lines.push('', '  Budgets:');
  for (const c of checks) {
    lines.push(
      `  ${c.result.padEnd(7)} ${c.figure.padEnd(bw)}  ${fmt(c.value).padStart(9)}  ${c.limit}`,
    );
  }
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  let settings: Settings | null;
  try {
    settings = settingsFrom(args);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (!settings) {
    process.stdout.write(USAGE);
    return 0;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // As the app does: `date` columns stay YYYY-MM-DD strings.
  types.setTypeParser(1082, (v: string) => v);

  const target = await openTargetDatabase(say);
  let server: RunningServer | undefined;
  let baselineServer: RunningServer | undefined;
  const db = new Client({
    connectionString: target.config.databaseUrl,
    application_name: 'peerpath-bench',
    // The app's connection settings (dates counted in ORG_TIMEZONE, the planner's costs).
    options: connectionOptions(target.config.orgTimezone),
  });
  try {
    await db.connect();
    const { rows: seeded } = await db
      .query<{ ok: boolean }>(
        `SELECT to_regclass('participant') IS NOT NULL
              AND EXISTS (SELECT 1 FROM app_user WHERE email = $1) AS ok`,
        [SCALE_ADMIN_EMAIL],
      )
      .catch(() => ({ rows: [{ ok: false }] }));
    if (!seeded[0].ok) {
      throw new Error(
        `${redactUrl(target.config.databaseUrl)} has no scale organisation (${SCALE_ADMIN_EMAIL}): run pnpm seed:scale first`,
      );
    }
    const { rows: counts } = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM participant)::int AS participants,
              (SELECT count(*) FROM support_session)::int AS sessions,
              (SELECT reltuples::bigint FROM pg_class WHERE oid = 'attendance'::regclass)::bigint AS attendance_estimate,
              (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('session_note'))::bigint AS notes_estimate,
              (SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('measurement'))::bigint AS measurements_estimate`,
    );
    // The server settings the figures depend on, recorded with them.
    const { rows: pgSettings } = await db.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
      [
        [
          'server_version',
          'shared_buffers',
          'work_mem',
          'jit',
          'max_parallel_workers_per_gather',
          'random_page_cost',
        ],
      ],
    );
    say(
      `Benchmarking ${redactUrl(target.config.databaseUrl)} (${counts[0].participants.toLocaleString('en-US')} participants, ` +
        `${counts[0].sessions.toLocaleString('en-US')} sessions)${settings.quick ? ', quick run' : ''} …`,
    );
    const loadBefore = loadavg()[0];
    if (loadBefore > cpus().length * 0.75) {
      say(
        `  note: the machine is busy (load average ${loadBefore.toFixed(1)} on ${cpus().length} cores); figures will be noisy`,
      );
    }
    server = await startServer(target.config.databaseUrl);
    // The baseline runs in a server of its own (the app plus GET /api/bench/ping), idle until measured.
    baselineServer = await startServer(target.config.databaseUrl, { entry: BASELINE_SERVER });
    const bench = new Bench(server, db, target.config, settings);

    const to = todayIn(target.config.orgTimezone);
    const [y, m, d] = to.split('-').map(Number);
    const from = addDays(new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10), 1);
    const teamOne = (await bench.caller(supervisorEmail(1))).teamId!;

    if (settings.onlyList) {
      // The list's figures alone (baseline, the repeated search, the mix), written to --out.
      say('  baseline (authenticated SELECT 1) …');
      const baseline = await new Bench(baselineServer, db, target.config, settings).throughput(
        '/api/bench/ping',
        workerEmail(1),
      );
      say(`  participant search "${COMMON_NAME_FRAGMENT}" …`);
      const list = await bench.throughput(
        `/api/participants?search=${COMMON_NAME_FRAGMENT}&pageSize=25`,
        workerEmail(1),
      );
      say(
        `  participant list, ${settings.mixRounds} × ${settings.mixRequests} different requests …`,
      );
      const mix = await bench.listMixLoad(to);
      const ratio = (rps: number | null) =>
        rps !== null && baseline.rps ? round(rps / baseline.rps, 2) : null;
      const figures = {
        generatedAt: new Date().toISOString(),
        mode: settings.quick ? 'quick only list' : 'only list',
        machine: {
          loadAverageBefore: round(loadBefore, 2),
          loadAverageAfter: round(loadavg()[0], 2),
        },
        baseline,
        list: { ...list, ratio: ratio(list.rps) },
        listMix: { ...mix, ratio: ratio(mix.rps) },
      };
      writeFileSync(settings.out, `${JSON.stringify(figures, null, 2)}\n`);
      say(
        (
          [
            ['baseline', baseline, null],
            ['list', list, figures.list.ratio],
            ['listMix', mix, figures.listMix.ratio],
          ] as [string, LoadFigure, number | null][]
        )
          .map(
            ([name, f, r]) =>
              `  ${name}: ${f.rps} req/s${r === null ? '' : ` (${r}×)`}, p99 ${f.p99Ms} ms, ` +
              `CPU per request: node ${f.cpu?.nodeMs ?? '?'} ms, PostgreSQL ${f.cpu?.postgresMs ?? '?'} ms`,
          )
          .join('\n') + `\nWritten to ${settings.out}`,
      );
      return [baseline, list, mix].some((f) => f.status === 'error') ? 1 : 0;
    }

    say('  activity report (12 months, whole organisation) …');
    const activity = await bench.report('activity', SCALE_ADMIN_EMAIL, { from, to });
    say(`  caseload report (team 1, ${TEAM_ONE_WORKERS} workers) …`);
    const caseload = await bench.report('caseload', supervisorEmail(1), { teamId: teamOne });
    say('  outcomes report (12 months, whole organisation, every instrument) …');
    const outcomes = await bench.report('outcomes', SCALE_ADMIN_EMAIL, { from, to });
    const lastMonth = monthOf(addDays(monthOf(to).from, -1));
    say(`  claims of one team-month (team 1, ${lastMonth.from} to ${lastMonth.to}) …`);
    const claims = await bench.claims(supervisorEmail(1), { ...lastMonth, teamId: teamOne });
    say('  activity export for funders (cell key method) against the exact export …');
    const funderExport = await bench.exportCost({ from, to });
    say('  participant page with a recovery plan and the most session notes …');
    const participantPage = await bench.participantPage();
    say('  baseline (authenticated SELECT 1) …');
    const baseline = await new Bench(baselineServer, db, target.config, settings).throughput(
      '/api/bench/ping',
      workerEmail(1),
    );
    say(`  participant search "${COMMON_NAME_FRAGMENT}" at ${settings.connections} connections …`);
    const list = await bench.throughput(
      `/api/participants?search=${COMMON_NAME_FRAGMENT}&pageSize=25`,
      workerEmail(1),
    );
    say(
      `  participant list, ${settings.mixRounds} × ${settings.mixRequests} different requests at ${settings.connections} connections …`,
    );
    const listMixFigure = await bench.listMixLoad(to);
    say(`  group sessions of 10 …`);
    const groupSession = await bench.groupSession();
    let client: Awaited<ReturnType<typeof initialJs>>;
    try {
      client = await initialJs();
    } catch (err) {
      // A half-written client build (index.html naming a file that is not there).
      client = {
        status: 'error',
        initialJsGzipKb: null,
        note: err instanceof Error ? err.message : String(err),
      };
    }

    const results: Record<string, any> = {
      generatedAt: new Date().toISOString(),
      mode: settings.quick ? 'quick' : 'full',
      database: {
        url: redactUrl(target.config.databaseUrl),
        participants: counts[0].participants,
        sessions: counts[0].sessions,
        attendanceEstimate: Number(counts[0].attendance_estimate),
        sessionNotesEstimate:
          counts[0].notes_estimate === null ? null : Number(counts[0].notes_estimate),
        measurementsEstimate:
          counts[0].measurements_estimate === null ? null : Number(counts[0].measurements_estimate),
        settings: Object.fromEntries(pgSettings.map((r) => [r.name, r.setting])),
      },
      machine: {
        cpus: cpus().length,
        loadAverageBefore: round(loadBefore, 2),
        loadAverageAfter: round(loadavg()[0], 2),
      },
      method: {
        repetitions: settings.repetitions,
        loadSeconds: settings.loadSeconds,
        connections: settings.connections,
        groupSessions: settings.groupSessions,
        reports: 'median of the repetitions; the app and the replayed SQL alternate',
      },
      activity,
      caseload,
      outcomes,
      claims,
      funderExport,
      participantPage,
      list: {
        ...list,
        search: COMMON_NAME_FRAGMENT,
        ratio: list.rps !== null && baseline.rps ? round(list.rps / baseline.rps, 2) : null,
      },
      listMix: {
        ...listMixFigure,
        ratio:
          listMixFigure.rps !== null && baseline.rps
            ? round(listMixFigure.rps / baseline.rps, 2)
            : null,
      },
      baseline,
      groupSession,
      client,
    };
    const phone = await lighthouseFigures(settings.out);
    if (phone.section) results.lighthouse = phone.section;
    results.budgets = [...budgets(results), ...phone.budgets];
    writeFileSync(settings.out, `${JSON.stringify(results, null, 2)}\n`);
    say(`\n${table(results, results.budgets)}\n\nWritten to ${settings.out}`);

    const sections = [
      activity,
      caseload,
      outcomes,
      claims,
      funderExport,
      participantPage,
      list,
      listMixFigure,
      baseline,
      groupSession,
      client,
    ];
    if (sections.some((s) => s.status === 'error')) return 1;
    if (settings.strict && (results.budgets as Budget[]).some((b) => b.result === 'FAIL')) return 2;
    return 0;
  } catch (err) {
    if (server) process.stderr.write(`Server output:\n${server.output()}\n`);
    throw err;
  } finally {
    await server?.stop();
    await baselineServer?.stop();
    await db.end().catch(() => undefined);
    await target.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
