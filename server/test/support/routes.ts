import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Reply, TestApp } from '../harness';
import { tableChecksum } from '../harness';

/**
 * Every route the running app has registered with Fastify, as `METHOD path`
 * (`GET /api/participants/:id`), read from Fastify's own route tree: whatever
 * registered it (a Nest controller, Swagger, CORS, static files) is listed.
 */
export function registeredRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    if (!line.trim()) continue;
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) throw new Error(`Unexpected line in Fastify's route tree: ${JSON.stringify(line)}`);
    const depth = m[1].length / 4;
    // The tree prints `/*` at the top level as `*`.
    const path = depth > 0 ? stack[depth - 1] + m[2] : m[2].replace(/^(?!\/)/, '/');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of m[3]?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

/** Problems with an answer that must be a refusal carrying no record data. */
export function refusalProblems(res: Reply, secrets: string[]): string[] {
  const problems: string[] = [];
  const body = res.body as Record<string, unknown> | undefined;
  if (
    !body ||
    body.statusCode !== res.status ||
    typeof body.message !== 'string' ||
    Object.keys(body).some((k) => !['statusCode', 'message', 'errors'].includes(k))
  ) {
    problems.push(`not the one error shape: ${res.text.slice(0, 200)}`);
  }
  const leaked = secrets.filter((x) => res.text.includes(x));
  if (leaked.length) problems.push(`refusal reveals ${leaked.join(' | ')}`);
  return problems;
}

/** Every `teamId` anywhere in a JSON answer. */
export function teamIdsIn(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => teamIdsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'teamId') out.push(v);
      teamIdsIn(v, out);
    }
  }
  return out;
}

/** Tables whose rows a refused or malformed request may legitimately add to. */
export const GROWING_TABLES = ['audit_event', 'login_failure', 'audit_chain'];

/** A checksum of every other table of the database, to prove nothing changed. */
export async function databaseChecksums(t: TestApp): Promise<Record<string, string>> {
  const { rows } = await t.db.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of rows as { table_name: string }[]) {
    if (!GROWING_TABLES.includes(table_name)) out[table_name] = await tableChecksum(t, table_name);
  }
  return out;
}

/** The audit trail's high-water mark, and what was added after it. */
export async function auditSeq(t: TestApp): Promise<string> {
  const { rows } = await t.db.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_event`);
  return rows[0].seq as string;
}

export async function auditActionsSince(t: TestApp, seq: string): Promise<string[]> {
  const { rows } = await t.db.query(
    `SELECT DISTINCT action FROM audit_event WHERE seq > $1 ORDER BY action`,
    [seq],
  );
  return rows.map((r: { action: string }) => r.action);
}
