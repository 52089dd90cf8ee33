import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { hashPassword } from '../src/auth/passwords';
import { startServer, type RunningServer } from './start-server';

const USAGE = `Usage: pnpm --filter @peerpath/server run load:check [-- --duration <s>] [--connections <n>] [--keep-db]

Starts the built server (dist/main.js), seeds a team with a supervisor, five
workers and 300 participants, warms up, then runs mixed reads and writes with
autocannon: participant lists and searches, participant details and
timelines, participant PATCHes with the version just read (a 409 is expected
under contention and is not an error) and session creates.

Database: DATABASE_URL when set (a new team is added to it); otherwise a fresh
database on LOAD_CHECK_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
dropped afterwards unless --keep-db.

  --duration <s>      measured seconds (default 60; e.g. 5 for a CI smoke run)
  --connections <n>   concurrent connections (default 50)
  --keep-db           keep the fresh database

Exit code 0: no errors (any non-2xx but 409, socket errors, timeouts) and the
server's resident memory grew by at most ${50}% from the end of the warm-up to
the end of the run. 1 otherwise.
`;

const PASSWORD = `load-check-${randomBytes(9).toString('base64url')}`;
const RSS_GROWTH_LIMIT = 0.5;
const PARTICIPANTS = 300;
const WORKERS = 5;

const FIRST = [
  'Amara',
  'Bastian',
  'Chiara',
  'Dmitri',
  'Esme',
  'Farid',
  'Greta',
  'Hiroshi',
  'Ines',
  'Jonah',
  'Kalani',
  'Leontyne',
  'Mateo',
  'Nadia',
  'Oren',
  'Priya',
  'Quentin',
  'Rosalind',
  'Soren',
  'Talia',
];
const LAST = [
  'Abernathy',
  'Bergstrom',
  'Castellanos',
  'Delacroix',
  'Eriksen',
  'Fitzgerald',
  'Gallagher',
  'Hollis',
  'Iwasaki',
  'Jablonski',
  'Kowalczyk',
  'Lindqvist',
  'Montgomery',
  'Nakamura',
  'Okonkwo',
  'Pemberton',
  'Quintero',
  'Rasmussen',
  'Sandoval',
  'Thornbury',
];
const SEARCHES = ['ber', 'son', 'qui', 'ama', 'kow', 'ell', 'ton', 'and', 'lind', 'ka'];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** The part of autocannon 9's options and results this check uses. */
interface LoadRequest {
  method: string;
  path: string;
  setupRequest?: (
    req: Record<string, unknown>,
    context: Record<string, unknown>,
  ) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: LoadRequest[];
}
interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
const cannon = autocannon as unknown as (options: LoadOptions) => Promise<LoadResult>;

interface Settings {
  duration: number;
  warmup: number;
  connections: number;
  keepDb: boolean;
}

function settingsFrom(args: string[]): Settings | null {
  const { values } = parseArgs({
    args: args.filter((a) => a !== '--'),
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      'keep-db': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const duration = Number(values.duration ?? 60);
  const connections = Number(values.connections ?? 50);
  if (!Number.isFinite(duration) || duration < 1) throw new Error('--duration must be at least 1');
  if (!Number.isInteger(connections) || connections < 1) {
    throw new Error('--connections must be a whole number');
  }
  // Long enough for the JIT, the pools and the caches to settle before memory is compared.
  // The heap grows to its working size over the first tens of thousands of requests (~340 MB
  // here, whether the run lasts 60 s or 180 s): memory is compared from there, so what the
  // check sees is growth that goes on, not V8 sizing its heap.
  const warmup = Math.min(30, Math.max(2, Math.round(duration / 2)));
  return { duration, warmup, connections, keepDb: Boolean(values['keep-db']) };
}

/** Resident memory of a process, in MB (Linux /proc, else `ps`). */
function rssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout;
  return Number(out.trim()) / 1024;
}

interface Seeded {
  teamId: string;
  emails: string[];
  participantIds: string[];
}

/** One team, its supervisor and workers, 300 participants and a session for each. */
async function seed(db: Client): Promise<Seeded> {
  const tag = randomBytes(3).toString('hex');
  const hash = await hashPassword(PASSWORD);
  const [{ id: teamId }] = (
    await db.query(`INSERT INTO team (name) VALUES ($1) RETURNING id`, [`Load check ${tag}`])
  ).rows;
  const emails = [
    `load.supervisor.${tag}@load.example`,
    ...Array.from({ length: WORKERS }, (_, i) => `load.worker${i}.${tag}@load.example`),
  ];
  const users = (
    await db.query(
      `INSERT INTO app_user (email, display_name, role, team_id, password_hash, active)
       SELECT e, 'Load ' || split_part(e, '.', 2), CASE WHEN e LIKE 'load.supervisor.%' THEN 'supervisor' ELSE 'worker' END,
              $2, $3, true
         FROM unnest($1::text[]) AS e
       RETURNING id`,
      [emails, teamId, hash],
    )
  ).rows.map((r: { id: string }) => r.id);
  const people = Array.from({ length: PARTICIPANTS }, (_, i) => [
    FIRST[i % FIRST.length],
    `${LAST[Math.floor(i / FIRST.length) % LAST.length]}-${i}`,
    users[i % users.length],
  ]);
  const participantIds = (
    await db.query(
      `INSERT INTO participant (team_id, first_name, last_name, primary_worker_id, enrolled_on)
       SELECT $1, f, l, w, current_date - 90
         FROM unnest($2::text[], $3::text[], $4::uuid[]) AS x(f, l, w)
       RETURNING id`,
      [teamId, people.map((p) => p[0]), people.map((p) => p[1]), people.map((p) => p[2])],
    )
  ).rows.map((r: { id: string }) => r.id);
  const sessionIds = participantIds.map(() => randomUUID());
  await db.query(
    `INSERT INTO support_session (id, team_id, type, setting, starts_at, duration_minutes, facilitator_id)
     SELECT id, $2, 'one_to_one_mentoring', 'phone', now() - n * interval '1 hour', 30, $3
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [sessionIds, teamId, users[1]],
  );
  await db.query(
    `INSERT INTO attendance (session_id, participant_id, status)
     SELECT s, p, 'attended' FROM unnest($1::uuid[], $2::uuid[]) AS x(s, p)`,
    [sessionIds, participantIds],
  );
  return { teamId, emails, participantIds };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Sign-in as ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

type Kind = 'list' | 'search' | 'detail' | 'timeline' | 'patch' | 'session';

/** The mix each connection loops over, and a count of answers by kind and status. */
function workload(tokens: string[], ids: string[]) {
  const counts = new Map<Kind, Map<number, number>>();
  const count = (kind: Kind, status: number) => {
    const byStatus = counts.get(kind) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    counts.set(kind, byStatus);
  };
  const auth = (req: Record<string, unknown>) => ({
    ...req,
    headers: {
      ...((req.headers as Record<string, string>) ?? {}),
      authorization: `Bearer ${pick(tokens)}`,
      'content-type': 'application/json',
    },
  });
  const requests: LoadRequest[] = [
    {
      method: 'GET',
      path: '/api/participants',
      setupRequest: (req) =>
        auth({ ...req, path: `/api/participants?page=${1 + Math.floor(Math.random() * 12)}` }),
      onResponse: (status) => count('list', status),
    },
    {
      method: 'GET',
      path: '/api/participants',
      setupRequest: (req) =>
        auth({ ...req, path: `/api/participants?search=${pick(SEARCHES)}&status=active` }),
      onResponse: (status) => count('search', status),
    },
    {
      method: 'GET',
      path: '/api/participants',
      setupRequest: (req, context) => {
        context.id = pick(ids);
        return auth({ ...req, path: `/api/participants/${String(context.id)}` });
      },
      onResponse: (status, body, context) => {
        count('detail', status);
        if (status === 200) context.version = (JSON.parse(body) as { version: number }).version;
      },
    },
    {
      method: 'GET',
      path: '/api/participants',
      setupRequest: (req, context) =>
        auth({ ...req, path: `/api/participants/${String(context.id)}/timeline` }),
      onResponse: (status) => count('timeline', status),
    },
    {
      method: 'PATCH',
      path: '/api/participants',
      setupRequest: (req, context) =>
        auth({
          ...req,
          path: `/api/participants/${String(context.id)}`,
          body: JSON.stringify({
            version: context.version ?? 1,
            phone: `555-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
          }),
        }),
      onResponse: (status) => count('patch', status),
    },
    {
      method: 'POST',
      path: '/api/sessions',
      setupRequest: (req, context) =>
        auth({
          ...req,
          body: JSON.stringify({
            type: 'one_to_one_mentoring',
            setting: pick(['phone', 'clinic', 'community_center']),
            startsAt: new Date(Date.now() - Math.random() * 30 * 86_400_000).toISOString(),
            durationMinutes: 15 + Math.floor(Math.random() * 60),
            activities: ['emotional_support'],
            attendance: [{ participantId: context.id ?? pick(ids), status: 'attended' }],
          }),
        }),
      onResponse: (status) => count('session', status),
    },
  ];
  return { requests, counts };
}

const mb = (n: number) => `${n.toFixed(1)} MB`;

async function main() {
  const settings = settingsFrom(process.argv.slice(2));
  if (!settings) {
    process.stdout.write(USAGE);
    return;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);

  let databaseUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const adminUrl = process.env.LOAD_CHECK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `peerpath_load_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    say(`Fresh database ${name}${settings.keepDb ? ' (kept afterwards)' : ''}`);
    if (!settings.keepDb) {
      dropDatabase = async () => {
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    }
  }

  let server: RunningServer | undefined;
  let failed = false;
  try {
    server = await startServer(databaseUrl); // runs the migrations
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const seeded = await seed(db).finally(() => db.end());
    const tokens = await Promise.all(seeded.emails.map((e) => signIn(server!.baseUrl, e)));
    const rssStart = rssMb(server.pid);
    say(
      `Seeded a team of ${seeded.emails.length} users and ${seeded.participantIds.length} participants; ` +
        `server pid ${server.pid}, RSS ${mb(rssStart)}`,
    );

    const run = async (seconds: number) => {
      const w = workload(tokens, seeded.participantIds);
      const result = await cannon({
        url: server!.baseUrl,
        connections: settings.connections,
        duration: seconds,
        timeout: 10,
        requests: w.requests,
      });
      return { result, counts: w.counts };
    };

    say(`Warming up for ${settings.warmup} s …`);
    await run(settings.warmup);
    const rssWarm = rssMb(server.pid);
    let rssPeak = rssWarm;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(server!.pid));
    }, 1000);
    say(`Running ${settings.duration} s at ${settings.connections} connections …`);
    const { result, counts } = await run(settings.duration).finally(() => clearInterval(sampler));
    const rssEnd = rssMb(server.pid);
    rssPeak = Math.max(rssPeak, rssEnd);

    let errors = result.errors + result.timeouts;
    say('');
    say('kind       answers by status');
    for (const [kind, byStatus] of counts) {
      const parts = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      say(`${kind.padEnd(10)} ${parts.join('  ')}`);
      for (const [status, n] of byStatus) {
        const ok = (status >= 200 && status < 300) || (kind === 'patch' && status === 409);
        if (!ok) errors += n;
      }
      if (![...byStatus.keys()].some((s) => s >= 200 && s < 300)) {
        say(`  ${kind}: not one request succeeded`);
        errors += 1;
      }
    }
    const total = Object.values(result.statusCodeStats).reduce((n, s) => n + Number(s.count), 0);
    const growth = rssEnd / rssWarm - 1;
    say('');
    say(
      `requests   ${total} in ${settings.duration} s (${result.requests.average.toFixed(0)} req/s)`,
    );
    say(
      `latency    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    say(`errors     ${errors} (socket errors ${result.errors}, timeouts ${result.timeouts})`);
    say(
      `server RSS start ${mb(rssStart)}, after warm-up ${mb(rssWarm)}, end ${mb(rssEnd)}, ` +
        `peak ${mb(rssPeak)} (growth after warm-up ${(growth * 100).toFixed(1)}%)`,
    );
    if (errors > 0) failed = true;
    if (growth > RSS_GROWTH_LIMIT) {
      say(`FAIL: RSS grew by more than ${RSS_GROWTH_LIMIT * 100}% after the warm-up`);
      failed = true;
    }
    say(failed ? 'LOAD CHECK FAILED' : 'Load check passed.');
  } catch (err) {
    failed = true;
    process.stderr.write(
      `load:check failed: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    if (server) process.stderr.write(`Server output:\n${server.output()}\n`);
  } finally {
    await server?.stop();
    await dropDatabase?.();
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`load:check failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
