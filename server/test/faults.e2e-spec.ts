import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { hashPassword } from '../src/auth/passwords';
import type { ResolvedConfig } from '../src/config/config';
import { prepareDatabase } from '../src/database/prepare';
import { OwnedPostgres } from './support/owned-postgres';

const PASSWORD = 'correct-horse-battery-staple-42';

describe('when the database goes away', () => {
  let pg: OwnedPostgres;
  let app: NestFastifyApplication;
  let token: string;

  async function call(method: 'GET' | 'POST', url: string, body?: unknown) {
    const started = Date.now();
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.json(), ms: Date.now() - started };
  }

  beforeAll(async () => {
    pg = await OwnedPostgres.create();
    const config: ResolvedConfig = {
      databaseUrl: pg.url,
      jwtSecret: 'f'.repeat(40),
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
      dbPoolSize: 5,
    };
    await prepareDatabase(config);
    app = await createApp(config);
    const { Client } = await import('pg');
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    await c.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('admin@faults.example', 'Admin', 'admin', $1)`,
      [await hashPassword(PASSWORD)],
    );
    await c.end();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@faults.example', password: PASSWORD },
    });
    token = login.json().accessToken;
  }, 60000);

  afterAll(async () => {
    await app?.close();
    await pg?.destroy();
  });

  it('answers 503 (no hangs, no 500s) while it is down and recovers by itself within 5 s', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    const results: { status: number; ms: number; phase: string }[] = [];
    let phase = 'up';
    let stopLoad = false;
    let n = 0;
    const worker = async () => {
      while (!stopLoad) {
        const i = n++;
        const r =
          i % 3 === 0
            ? await call('GET', '/api/health')
            : i % 3 === 1
              ? await call('GET', '/api/users')
              : await call('POST', '/api/teams', { name: `Team under load ${i}` });
        results.push({ status: r.status, ms: r.ms, phase });
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    await new Promise((r) => setTimeout(r, 400));

    phase = 'down';
    await pg.stop();
    await new Promise((r) => setTimeout(r, 1500));
    const health = await call('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', db: 'down' });
    const api = await call('GET', '/api/users');
    expect(api.status).toBe(503);
    expect(api.body.message).toMatch(/database/i);

    phase = 'restarting';
    const restartedAt = Date.now();
    await pg.start();
    let recoveredMs = -1;
    while (Date.now() - restartedAt < 10000) {
      const h = await call('GET', '/api/health');
      const u = await call('GET', '/api/users');
      if (h.status === 200 && u.status === 200) {
        recoveredMs = Date.now() - restartedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    phase = 'recovered';
    await new Promise((r) => setTimeout(r, 300));
    stopLoad = true;
    await load;

    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(recoveredMs).toBeLessThan(5000);
    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].every((s) => [200, 201, 503].includes(s))).toBe(true);
    expect(results.filter((r) => r.phase === 'down' && r.status === 503).length).toBeGreaterThan(0);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(5000);
    expect(results.filter((r) => r.phase === 'recovered').every((r) => r.status !== 503)).toBe(
      true,
    );

    // Every team that was written has its audit event: no half-written create.
    const { Client } = await import('pg');
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT count(*)::int AS teams,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM audit_event a WHERE a.entity_id = t.id AND a.action = 'create'))::int AS unaudited
         FROM team t`,
    );
    await c.end();
    expect(rows[0].teams).toBeGreaterThan(0);
    expect(rows[0].unaudited).toBe(0);
  }, 60000);
});
