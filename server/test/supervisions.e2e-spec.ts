import { randomUUID } from 'node:crypto';
import { todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/**
 * SPEC §11 supervision: a supervisor records and changes the team's; a worker
 * reads only their own (403 for a colleague's, 404 for another team's); an
 * admin reads every team's; safe retries and versions as every record (§4);
 * and the supervisor's view of when each worker was last supervised.
 */
describe('supervisions', () => {
  let t: TestApp;
  let w: World;
  const url = '/api/supervisions';

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  async function create(token: string, body: Record<string, unknown>) {
    const res = await t.request('POST', url, { token, body });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body as { id: string; version: number };
  }

  it('a supervisor records supervision of a worker of the team; a retry with the same id stores nothing more', async () => {
    const id = randomUUID();
    const body = {
      id,
      workerId: w.workerA.id,
      on: '2026-03-12',
      minutes: 60,
      format: 'individual',
      topics: 'Wes’s steady work with the Tuesday group; pacing outreach',
      actionItems: 'Book the boundaries refresher',
    };
    const res = await t.request('POST', url, { token: w.supA.token, body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ...body,
      teamId: w.teamA.id,
      supervisorId: w.supA.id,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(
      `SELECT team_id, worker_id, supervisor_id, held_on::text, minutes, format, topics, action_items
         FROM supervision WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        team_id: w.teamA.id,
        worker_id: w.workerA.id,
        supervisor_id: w.supA.id,
        held_on: '2026-03-12',
        minutes: 60,
        format: 'individual',
        topics: body.topics,
        action_items: body.actionItems,
      },
    ]);
    const again = await t.request('POST', url, { token: w.supA.token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const other = await t.request('POST', url, {
      token: w.supA.token,
      body: { ...body, minutes: 45 },
    });
    expect(other.status).toBe(409);
    const { rows: count } = await t.db.query(`SELECT count(*)::int AS n FROM supervision`);
    expect(count[0].n).toBe(1);
    const audit = await t.db.query(
      `SELECT action, team_id FROM audit_event WHERE entity_type = 'supervision' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', team_id: w.teamA.id },
      { action: 'read', team_id: w.teamA.id },
    ]);
  });

  it('refuses bad input naming the field, workers and admins as writers, and writes nothing', async () => {
    const before = await tableChecksum(t, 'supervision');
    const ok = { workerId: w.workerA.id, minutes: 30, format: 'group' };
    for (const [body, field] of [
      [{ ...ok, minutes: 0 }, 'minutes'],
      [{ ...ok, minutes: 1441 }, 'minutes'],
      [{ ...ok, minutes: 30.5 }, 'minutes'],
      [{ ...ok, format: 'chat' }, 'format'],
      [{ ...ok, on: '2026-02-30' }, 'on'],
      [{ ...ok, mood: 'good' }, 'mood'],
      [{ minutes: 30, format: 'group' }, 'workerId'],
      [{ ...ok, workerId: 'not-a-uuid' }, 'workerId'],
      [{ ...ok, workerId: w.workerB.id }, 'workerId'], // another team's worker
      [{ ...ok, workerId: w.supA.id }, 'workerId'], // oneself
      [{ ...ok, supervisorId: w.workerA2.id }, 'supervisorId'], // not a supervisor
      [{ ...ok, topics: 'x'.repeat(4001) }, 'topics'],
    ] as const) {
      const res = await t.request('POST', url, { token: w.supA.token, body });
      expect([res.status, JSON.stringify(res.body)]).toEqual([400, expect.stringContaining(field)]);
    }
    for (const token of [w.workerA.token, w.admin.token]) {
      const res = await t.request('POST', url, { token, body: ok });
      expect(res.status).toBe(403);
    }
    expect(await tableChecksum(t, 'supervision')).toBe(before);
  });

  it('a worker reads only their own; a supervisor the team’s; an admin every team’s; another team 404', async () => {
    const wes = await create(w.supA.token, {
      workerId: w.workerA.id,
      on: '2026-03-02',
      minutes: 45,
      format: 'individual',
    });
    const win = await create(w.supA.token, {
      workerId: w.workerA2.id,
      on: '2026-03-03',
      minutes: 90,
      format: 'group',
      topics: 'Win’s confidence with family groups',
    });
    const bea = await create(w.supB.token, {
      workerId: w.workerB.id,
      on: '2026-03-04',
      minutes: 60,
      format: 'individual',
    });
    const ids = async (token: string, query = '') => {
      const res = await t.request('GET', `${url}?pageSize=100${query}`, { token });
      expect(res.status).toBe(200);
      return (res.body.items as { id: string; teamId: string }[]).map((s) => s.id);
    };
    const wesSees = await ids(w.workerA.token);
    expect(wesSees).toContain(wes.id);
    expect(wesSees).not.toContain(win.id);
    expect(wesSees).not.toContain(bea.id);
    const sueSees = await ids(w.supA.token);
    expect(sueSees).toEqual(expect.arrayContaining([wes.id, win.id]));
    expect(sueSees).not.toContain(bea.id);
    expect(await ids(w.supA.token, `&workerId=${w.workerA2.id}`)).toEqual([win.id]);
    expect(await ids(w.supA.token, `&from=2026-03-03&to=2026-03-03`)).toEqual([win.id]);
    expect(await ids(w.admin.token)).toEqual(expect.arrayContaining([wes.id, win.id, bea.id]));
    expect(await ids(w.admin.token, `&teamId=${w.teamB.id}`)).toEqual([bea.id]);

    const status = async (path: string, token: string) =>
      (await t.request('GET', path, { token })).status;
    expect(await status(`${url}/${wes.id}`, w.workerA.token)).toBe(200);
    expect(await status(`${url}/${win.id}`, w.workerA.token)).toBe(403);
    expect(await status(`${url}/${bea.id}`, w.workerA.token)).toBe(404);
    expect(await status(`${url}/${bea.id}`, w.supA.token)).toBe(404);
    expect(await status(`${url}/${win.id}`, w.supA.token)).toBe(200);
    expect(await status(`${url}/${bea.id}`, w.admin.token)).toBe(200);
    expect(await status(`${url}?workerId=${w.workerA2.id}`, w.workerA.token)).toBe(403);
    expect(await status(`${url}?workerId=${w.workerB.id}`, w.supA.token)).toBe(404);
    expect(await status(`${url}?teamId=${w.teamB.id}`, w.supA.token)).toBe(404);
    // Another team's id is audited as access_denied, not read.
    const denied = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access_denied' AND entity_id = $1`,
      [bea.id],
    );
    expect(denied.rows[0].n).toBeGreaterThanOrEqual(2);

    const before = await tableChecksum(t, 'supervision');
    const patch = (id: string, token: string) =>
      t.request('PATCH', `${url}/${id}`, { token, body: { version: 1, minutes: 5 } });
    expect((await patch(wes.id, w.workerA.token)).status).toBe(403);
    expect((await patch(bea.id, w.supA.token)).status).toBe(404);
    expect((await patch(wes.id, w.admin.token)).status).toBe(403);
    expect(await tableChecksum(t, 'supervision')).toBe(before);
  });

  it('changes carry the version read: a stale one is 409, a missing one 400', async () => {
    const s = await create(w.supA.token, {
      workerId: w.workerA.id,
      on: '2026-03-06',
      minutes: 30,
      format: 'individual',
    });
    const res = await t.request('PATCH', `${url}/${s.id}`, {
      token: w.supA.token,
      body: { version: 1, minutes: 50, actionItems: 'Shadow the hospital outreach once' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      minutes: 50,
      actionItems: 'Shadow the hospital outreach once',
      version: 2,
    });
    const stale = await t.request('PATCH', `${url}/${s.id}`, {
      token: w.supA.token,
      body: { version: 1, minutes: 70 },
    });
    expect(stale.status).toBe(409);
    const missing = await t.request('PATCH', `${url}/${s.id}`, {
      token: w.supA.token,
      body: { minutes: 70 },
    });
    expect(missing.status).toBe(400);
    const moveWorker = await t.request('PATCH', `${url}/${s.id}`, {
      token: w.supA.token,
      body: { version: 2, workerId: w.workerA2.id },
    });
    expect(moveWorker.status).toBe(400);
    const { rows } = await t.db.query(
      `SELECT minutes, worker_id, action_items, version FROM supervision WHERE id = $1`,
      [s.id],
    );
    expect(rows).toEqual([
      {
        minutes: 50,
        worker_id: w.workerA.id,
        action_items: 'Shadow the hospital outreach once',
        version: 2,
      },
    ]);
  });

  it('shows a supervisor when each worker of the team was last supervised, never first', async () => {
    const today = todayIn('UTC');
    const daysAgo = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const fresh = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: {
        email: `new-${randomUUID()}@example.org`,
        displayName: 'Nia Newcomer',
        role: 'worker',
        teamId: w.teamA.id,
        password: 'a long enough password 1',
      },
    });
    expect(fresh.status).toBe(201);
    await create(w.supA.token, {
      workerId: w.workerA.id,
      on: daysAgo(10),
      minutes: 60,
      format: 'individual',
    });
    await create(w.supA.token, {
      workerId: w.workerA2.id,
      on: daysAgo(40),
      minutes: 60,
      format: 'group',
    });
    const res = await t.request('GET', `${url}/last`, { token: w.supA.token });
    expect(res.status).toBe(200);
    const { rows: latest } = await t.db.query(
      `SELECT worker_id, max(held_on)::text AS last FROM supervision WHERE team_id = $1 GROUP BY worker_id`,
      [w.teamA.id],
    );
    const lastOf = Object.fromEntries(latest.map((r) => [r.worker_id, r.last]));
    const days = (d: string) => Math.round((Date.parse(today) - Date.parse(d)) / 86_400_000);
    expect(res.body).toEqual(
      [
        { workerId: fresh.body.id, lastOn: null, daysSince: null },
        {
          workerId: w.workerA2.id,
          lastOn: lastOf[w.workerA2.id],
          daysSince: days(lastOf[w.workerA2.id]),
        },
        {
          workerId: w.workerA.id,
          lastOn: lastOf[w.workerA.id],
          daysSince: days(lastOf[w.workerA.id]),
        },
      ].sort((a, b) => (a.lastOn ?? '').localeCompare(b.lastOn ?? '')),
    );
    expect(lastOf[w.workerA.id]).toBe(daysAgo(10));
    // Only the team's workers: not the supervisor, not team B.
    const ids = (res.body as { workerId: string }[]).map((r) => r.workerId);
    expect(ids).not.toContain(w.supA.id);
    expect(ids).not.toContain(w.workerB.id);

    expect((await t.request('GET', `${url}/last`, { token: w.workerA.token })).status).toBe(403);
    expect(
      (await t.request('GET', `${url}/last?teamId=${w.teamB.id}`, { token: w.supA.token })).status,
    ).toBe(404);
    expect((await t.request('GET', `${url}/last`, { token: w.admin.token })).status).toBe(400);
    const admin = await t.request('GET', `${url}/last?teamId=${w.teamB.id}`, {
      token: w.admin.token,
    });
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual([
      { workerId: w.workerB.id, lastOn: '2026-03-04', daysSince: days('2026-03-04') },
    ]);
  });
});
