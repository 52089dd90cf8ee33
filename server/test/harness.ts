import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Role } from '@peerpath/shared';
import { createApp } from '../src/app.factory';
import { hashPassword } from '../src/auth/passwords';
import type { AppConfig, ResolvedConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDemo } from '../src/database/seed/demo';
import { runPrefix, templateDb, withDatabase } from './db-url';
import { openApiChecker } from './support/openapi-check';

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  /** The client address the server sees (127.0.0.1 by default). */
  remoteAddress?: string;
  /** Raw payload (for malformed JSON and size tests). */
  payload?: string | Buffer;
  /**
   * The test injects a server fault on purpose: its 500 is not held against the
   * OpenAPI document (which declares no 500), but its body must still be the error shape.
   */
  injectedFault?: boolean;
}

/**
 * Thrown when a response does not match the OpenAPI document (an undeclared
 * status, or a body that does not match the schema of its status): the message
 * names the operation, the status and the field.
 */
export class OpenApiMismatch extends Error {
  override name = 'OpenApiMismatch';
}

export interface TestApp {
  app: NestFastifyApplication;
  config: ResolvedConfig;
  /** Direct access to the spec's own database, for asserting what was stored. */
  db: Pool;
  request<T = any>(method: string, url: string, opts?: RequestOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-battery-staple-42';
let passwordHash: Promise<string> | undefined;

/** A fresh database copied from the migrated template; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const base = process.env.PEERPATH_TEST_DB;
  if (!base) throw new Error('PEERPATH_TEST_DB is not set: run the e2e specs through jest');
  const name = `${runPrefix()}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
  } finally {
    await admin.end();
  }
  return withDatabase(base, name);
}

/** A fresh database copied from the migrated template, and the real app on it. */
/** A test app on its own database holding the demo organisation, as `pnpm start` seeds it. */
export async function createDemoTestApp(): Promise<TestApp> {
  const t = await createTestApp();
  const ds = new DataSource(dataSourceOptions(t.config.databaseUrl, { poolSize: 2 }));
  await ds.initialize();
  try {
    await seedDemo(ds, { ...t.config, demoData: true });
  } finally {
    await ds.destroy();
  }
  return t;
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const config: ResolvedConfig = {
    databaseUrl: await createTestDatabase(),
    jwtSecret: randomBytes(32).toString('hex'),
    embedded: false,
    dataDir: '/nonexistent',
    embeddedPort: 0,
    port: 0,
    host: '127.0.0.1',
    demoData: false,
    orgTimezone: 'UTC',
    orgName: 'PeerPath Test Network',
    orgLocale: 'en-GB',
    suppressionThreshold: 11,
    noteLateHours: 48,
    logLevel: 'silent',
    clientDist: '/nonexistent',
    corsOrigins: [],
    dbPoolSize: 10,
    ...overrides,
  };
  const app = await createApp(config);
  const openapi = openApiChecker(app);
  const db = new Pool({
    connectionString: config.databaseUrl,
    max: 4,
    options: `-c TimeZone=${config.orgTimezone}`,
  });
  return {
    app,
    config,
    db,
    async request(method, url, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let payload: string | Buffer | undefined = opts.payload;
      if (opts.body !== undefined) {
        payload = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.inject({
        method: method as never,
        url,
        headers,
        payload,
        cookies: opts.cookies,
        remoteAddress: opts.remoteAddress,
      });
      const problems = openapi.check(
        method,
        url,
        res.statusCode,
        res.headers['content-type'] as string | undefined,
        res.body,
        opts.injectedFault === true,
      );
      if (problems.length > 0) {
        throw new OpenApiMismatch(
          `The response does not match the OpenAPI document:\n  ${problems.join('\n  ')}`,
        );
      }
      let body: unknown;
      try {
        body = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        // Not JSON (a file download, the docs page): callers read `text`.
      }
      return {
        status: res.statusCode,
        body: body as never,
        text: res.body,
        headers: res.headers as never,
      };
    },
    async close() {
      await app.close();
      await db.end();
    },
  };
}

export interface SeededUser {
  id: string;
  email: string;
  role: Role;
  teamId: string | null;
  displayName: string;
  token: string;
}

export async function seedTeam(t: TestApp, name = `Team ${randomBytes(3).toString('hex')}`) {
  const { rows } = await t.db.query(`INSERT INTO team (name) VALUES ($1) RETURNING id, name`, [
    name,
  ]);
  return rows[0] as { id: string; name: string };
}

export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.request('POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${res.text}`);
  return res.body.accessToken as string;
}

/** Inserts a user directly (with the shared test password) and signs them in. */
export async function seedUser(
  t: TestApp,
  opts: { role: Role; teamId?: string | null; displayName?: string; active?: boolean },
): Promise<SeededUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomBytes(4).toString('hex');
  const displayName = opts.displayName ?? `${opts.role} ${tag}`;
  const email = `${opts.role}.${tag}@test.example`;
  const { rows } = await t.db.query(
    `INSERT INTO app_user (email, display_name, role, team_id, password_hash, active)
     VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
    [email, displayName, opts.role, opts.teamId ?? null, await passwordHash],
  );
  const token = await login(t, email);
  if (opts.active === false)
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [rows[0].id]);
  return {
    id: rows[0].id,
    email,
    role: opts.role,
    teamId: opts.teamId ?? null,
    displayName,
    token,
  };
}

/** Two teams, each with a supervisor and two workers, and an admin: the usual cast. */
export async function seedWorld(t: TestApp) {
  const teamA = await seedTeam(t, 'Team A');
  const teamB = await seedTeam(t, 'Team B');
  const admin = await seedUser(t, { role: 'admin', displayName: 'Ada Admin' });
  const supA = await seedUser(t, {
    role: 'supervisor',
    teamId: teamA.id,
    displayName: 'Sue Supervisor',
  });
  const workerA = await seedUser(t, {
    role: 'worker',
    teamId: teamA.id,
    displayName: 'Wes Worker',
  });
  const workerA2 = await seedUser(t, {
    role: 'worker',
    teamId: teamA.id,
    displayName: 'Win Worker',
  });
  const supB = await seedUser(t, {
    role: 'supervisor',
    teamId: teamB.id,
    displayName: 'Sid Supervisor',
  });
  const workerB = await seedUser(t, {
    role: 'worker',
    teamId: teamB.id,
    displayName: 'Bea Worker',
  });
  return { teamA, teamB, admin, supA, workerA, workerA2, supB, workerB };
}

export type World = Awaited<ReturnType<typeof seedWorld>>;

/** Rows of a table as a canonical string, to prove a refused request changed nothing. */
/** The audit trail but for `access_denied` events, which a refused request for another team's record writes (SPEC §3). */
export const NOT_DENIED = "action <> 'access_denied'";

export async function tableChecksum(t: TestApp, table: string, where = 'true'): Promise<string> {
  const { rows } = await t.db.query(
    `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${table} x
      WHERE ${where}`,
  );
  return rows[0].sum as string;
}
