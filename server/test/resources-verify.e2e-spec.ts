import { addDays, todayIn, type Page, type Resource } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

describe('resource directory: checked and stale (SPEC §12)', () => {
  let t: TestApp;
  let w: World;
  let today: string;

  async function addResource(name: string, lastVerifiedOn: string | null): Promise<string> {
    const res = await t.request('POST', '/api/resources', {
      token: w.admin.token,
      body: { name, category: 'food' },
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    await t.db.query(`UPDATE resource SET last_verified_on = $2 WHERE id = $1`, [
      res.body.id,
      lastVerifiedOn,
    ]);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    today = todayIn(t.config.orgTimezone);
  });
  afterAll(() => t.close());

  it('is stale when never checked or not checked in the last 365 days, and filters on it', async () => {
    const never = await addResource('Stale Never Checked Pantry', null);
    const old = await addResource('Stale Year Old Pantry', addDays(today, -365));
    const recent = await addResource('Stale Recent Pantry', addDays(today, -364));

    const all = await t.request<Page<Resource>>('GET', '/api/resources?search=Stale&pageSize=50', {
      token: w.workerA.token,
    });
    expect(all.status).toBe(200);
    const byId = new Map(all.body.items.map((r) => [r.id, r]));
    expect(byId.get(never)).toMatchObject({ lastVerifiedOn: null, stale: true });
    expect(byId.get(old)).toMatchObject({ lastVerifiedOn: addDays(today, -365), stale: true });
    expect(byId.get(recent)).toMatchObject({ lastVerifiedOn: addDays(today, -364), stale: false });

    const stale = await t.request<Page<Resource>>(
      'GET',
      '/api/resources?search=Stale&stale=true&pageSize=50',
      { token: w.workerB.token },
    );
    expect(stale.body.items.map((r) => r.id).sort()).toEqual([never, old].sort());
    expect(stale.body.total).toBe(2);

    const fresh = await t.request<Page<Resource>>(
      'GET',
      '/api/resources?search=Stale&stale=false&pageSize=50',
      { token: w.workerB.token },
    );
    expect(fresh.body.items.map((r) => r.id)).toEqual([recent]);

    const bad = await t.request('GET', '/api/resources?stale=maybe', { token: w.workerA.token });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('stale');
  });

  it('lets an admin mark a resource checked today, audited, and a repeat writes nothing', async () => {
    const id = await addResource('Verify Harbor Clinic', addDays(today, -400));
    const res = await t.request<Resource>('POST', `/api/resources/${id}/verify`, {
      token: w.admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, lastVerifiedOn: today, stale: false });
    const { rows } = await t.db.query(
      `SELECT last_verified_on::text AS on FROM resource WHERE id = $1`,
      [id],
    );
    expect(rows[0].on).toBe(today);
    const audit = await t.db.query(
      `SELECT actor_id, action, details FROM audit_event
        WHERE entity_type = 'resource' AND entity_id = $1 AND action = 'update'`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: w.admin.id,
        action: 'update',
        details: { fields: ['lastVerifiedOn'], verifiedOn: today },
      },
    ]);

    const before = await tableChecksum(t, 'resource', `id = '${id}'`);
    const auditBefore = await tableChecksum(t, 'audit_event');
    const again = await t.request<Resource>('POST', `/api/resources/${id}/verify`, {
      token: w.admin.token,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await tableChecksum(t, 'resource', `id = '${id}'`)).toBe(before);
    expect(await tableChecksum(t, 'audit_event')).toBe(auditBefore);
  });

  it('refuses workers and supervisors of any team, and answers 404 for an unknown resource', async () => {
    const id = await addResource('Verify Refused Shelter', null);
    const before = await tableChecksum(t, 'resource', `id = '${id}'`);
    for (const who of [w.workerA, w.supA, w.workerB]) {
      const res = await t.request('POST', `/api/resources/${id}/verify`, { token: who.token });
      expect(res.status).toBe(403);
    }
    expect(await tableChecksum(t, 'resource', `id = '${id}'`)).toBe(before);
    const missing = await t.request(
      'POST',
      '/api/resources/00000000-0000-4000-8000-000000000000/verify',
      { token: w.admin.token },
    );
    expect(missing.status).toBe(404);
  });
});
