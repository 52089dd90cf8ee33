import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

describe('platform', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('reports health as the spec says', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('sends security headers and no-store on API responses', async () => {
    const res = await t.request('GET', '/api/auth/me', { token: w.workerA.token });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over 1 MB with 413 and bad JSON with 400, in the one error shape', async () => {
    const big = await t.request('POST', '/api/teams', {
      token: w.admin.token,
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(big.body.statusCode).toBe(413);
    const bad = await t.request('POST', '/api/teams', {
      token: w.admin.token,
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400 });
    const proto = await t.request('POST', '/api/teams', {
      token: w.admin.token,
      payload: '{"name": "Polluted", "__proto__": {"isAdmin": true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.status).toBe(400);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM team WHERE name = 'Polluted'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('serves the OpenAPI document and UI', async () => {
    const json = await t.request('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/audit', '/api/health']),
    );
    const ui = await t.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const { rows } = await t.db.query(`SELECT id FROM audit_event LIMIT 1`);
    expect(rows).toHaveLength(1);
    await expect(
      t.db.query(`UPDATE audit_event SET action = 'read' WHERE id = $1`, [rows[0].id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event WHERE id = $1`, [rows[0].id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(
      (await t.db.query(`SELECT 1 FROM audit_event WHERE id = $1`, [rows[0].id])).rowCount,
    ).toBe(1);
  });

  it('shows the audit trail to admins, a team slice to supervisors, nothing to workers', async () => {
    const admin = await t.request('GET', '/api/audit?action=login&pageSize=100', {
      token: w.admin.token,
    });
    expect(admin.status).toBe(200);
    expect(admin.body.items.length).toBeGreaterThanOrEqual(6);
    const ats = admin.body.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const sup = await t.request('GET', '/api/audit?pageSize=100', { token: w.supA.token });
    expect(sup.status).toBe(200);
    expect(sup.body.items.length).toBeGreaterThan(0);
    expect(sup.body.items.every((e: { teamId: string }) => e.teamId === w.teamA.id)).toBe(true);
    expect((await t.request('GET', '/api/audit', { token: w.workerA.token })).status).toBe(403);
    const byActor = await t.request('GET', `/api/audit?actorId=${w.workerB.id}`, {
      token: w.admin.token,
    });
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === w.workerB.id)).toBe(
      true,
    );
    // A date filter keeps the events of its days in ORG_TIMEZONE, and no others: events just
    // inside and just outside 4 March 2001 (the pool's TimeZone is ORG_TIMEZONE).
    const ids: Record<string, string> = {};
    for (const [key, local] of [
      ['dayBefore', '2001-03-03 23:59:59.999'],
      ['firstMoment', '2001-03-04 00:00:00'],
      ['lastMoment', '2001-03-04 23:59:59.999'],
      ['dayAfter', '2001-03-05 00:00:00'],
    ]) {
      const { rows: written } = await t.db.query(
        `INSERT INTO audit_event (actor_id, action, entity_type, at)
         VALUES ($1, 'login', 'user', $2::timestamptz) RETURNING id`,
        [w.workerB.id, local],
      );
      ids[key] = written[0].id;
    }
    const dated = async (query: string) => {
      const res = await t.request('GET', `/api/audit?pageSize=100&${query}`, {
        token: w.admin.token,
      });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return res.body.items.map((e: { id: string }) => e.id).sort();
    };
    expect(await dated('from=2001-03-04&to=2001-03-04')).toEqual(
      [ids.firstMoment, ids.lastMoment].sort(),
    );
    expect(await dated('from=2001-03-03&to=2001-03-05')).toEqual(Object.values(ids).sort());
    expect(await dated('to=2001-03-04')).toEqual(
      [ids.dayBefore, ids.firstMoment, ids.lastMoment].sort(),
    );
    expect(await dated('from=2001-03-05&to=2001-03-05')).toEqual([ids.dayAfter]);
    expect(
      (await t.request('GET', '/api/audit?from=2026-02-30', { token: w.admin.token })).status,
    ).toBe(400);
  });

  it('ships no benchmark route: GET /api/bench/ping is not part of the app', async () => {
    const res = await t.request('GET', '/api/bench/ping', { token: w.workerA.token });
    expect(res.status).toBe(404);
    const doc = await t.request('GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/bench'))).toEqual([]);
  });

  it('has migrations that match the entities (no pending schema change)', async () => {
    const ds = new DataSource(dataSourceOptions(t.config.databaseUrl, { poolSize: 1 }));
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
