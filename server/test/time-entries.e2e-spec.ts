import { randomUUID } from 'node:crypto';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/**
 * SPEC §11 time entries: a worker keeps their own, a supervisor reads and
 * writes the team's, another team's are 404; safe retries and versions as
 * every record (§4); `otherHours` of the activity summary is checked by hand
 * in reports-activity.e2e-spec.ts.
 */
describe('time entries', () => {
  let t: TestApp;
  let w: World;
  const url = '/api/time-entries';

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

  it('a worker logs their own time in their team, and a retry with the same id stores nothing more', async () => {
    const id = randomUUID();
    const body = { id, on: '2026-03-12', minutes: 45, kind: 'outreach', note: 'Food bank stall' };
    const res = await t.request('POST', url, { token: w.workerA.token, body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id,
      teamId: w.teamA.id,
      workerId: w.workerA.id,
      on: '2026-03-12',
      minutes: 45,
      kind: 'outreach',
      note: 'Food bank stall',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(
      `SELECT team_id, worker_id, worked_on::text, minutes, kind, note FROM time_entry WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        team_id: w.teamA.id,
        worker_id: w.workerA.id,
        worked_on: '2026-03-12',
        minutes: 45,
        kind: 'outreach',
        note: 'Food bank stall',
      },
    ]);
    const again = await t.request('POST', url, { token: w.workerA.token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const other = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...body, minutes: 50 },
    });
    expect(other.status).toBe(409);
    const read = await t.request('GET', `${url}/${id}`, { token: w.supA.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    // The safe retry's answer and the supervisor's read are both audited, with who read it.
    const audit = await t.db.query(
      `SELECT action, actor_id, team_id FROM audit_event
        WHERE entity_type = 'time_entry' AND entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', actor_id: w.workerA.id, team_id: w.teamA.id },
      { action: 'read', actor_id: w.workerA.id, team_id: w.teamA.id },
      { action: 'read', actor_id: w.supA.id, team_id: w.teamA.id },
    ]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await tableChecksum(t, 'time_entry');
    for (const [body, field] of [
      [{ minutes: 0, kind: 'travel' }, 'minutes'],
      [{ minutes: 1441, kind: 'travel' }, 'minutes'],
      [{ minutes: 30.5, kind: 'travel' }, 'minutes'],
      [{ minutes: 30, kind: 'lunch' }, 'kind'],
      [{ minutes: 30, kind: 'travel', on: '2026-02-30' }, 'on'],
      [{ minutes: 30, kind: 'travel', hours: 1 }, 'hours'],
      [{ kind: 'travel' }, 'minutes'],
    ] as const) {
      const res = await t.request('POST', url, { token: w.workerA.token, body });
      expect([res.status, JSON.stringify(res.body)]).toEqual([400, expect.stringContaining(field)]);
    }
    expect(await tableChecksum(t, 'time_entry')).toBe(before);
  });

  it('a worker sees and changes only their own; a supervisor the team’s; another team 404', async () => {
    const mine = await create(w.workerA.token, { on: '2026-03-02', minutes: 30, kind: 'travel' });
    const win = await create(w.workerA2.token, { on: '2026-03-03', minutes: 60, kind: 'training' });
    const bea = await create(w.workerB.token, { on: '2026-03-04', minutes: 90, kind: 'admin' });
    // The supervisor logs supervision time for Win.
    const forWin = await create(w.supA.token, {
      workerId: w.workerA2.id,
      on: '2026-03-05',
      minutes: 60,
      kind: 'supervision',
    });

    const ids = async (token: string, query = '') => {
      const res = await t.request('GET', `${url}?pageSize=100${query}`, { token });
      expect(res.status).toBe(200);
      return (res.body.items as { id: string; teamId: string; workerId: string }[]).map(
        (e) => e.id,
      );
    };
    const wesSees = await ids(w.workerA.token);
    expect(wesSees).toContain(mine.id);
    expect(wesSees).not.toContain(win.id);
    expect(wesSees).not.toContain(bea.id);
    const sueSees = await ids(w.supA.token);
    expect(sueSees).toEqual(expect.arrayContaining([mine.id, win.id, forWin.id]));
    expect(sueSees).not.toContain(bea.id);
    expect(await ids(w.supA.token, `&workerId=${w.workerA2.id}`)).toEqual([forWin.id, win.id]);
    expect(await ids(w.supA.token, `&workerId=${w.workerA2.id}&kind=training`)).toEqual([win.id]);
    expect(await ids(w.supA.token, `&from=2026-03-04&to=2026-03-05`)).toEqual([forWin.id]);
    expect(await ids(w.admin.token)).toEqual(expect.arrayContaining([mine.id, bea.id]));

    // A worker naming a colleague: 403; anyone naming another team's worker: 404.
    expect(
      (await t.request('GET', `${url}?workerId=${w.workerA2.id}`, { token: w.workerA.token }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('GET', `${url}?workerId=${w.workerB.id}`, { token: w.supA.token })).status,
    ).toBe(404);
    expect((await t.request('GET', `${url}/${bea.id}`, { token: w.supA.token })).status).toBe(404);
    expect((await t.request('GET', `${url}/${win.id}`, { token: w.workerA.token })).status).toBe(
      403,
    );
    expect((await t.request('GET', `${url}/${win.id}`, { token: w.supA.token })).status).toBe(200);
    const before = await tableChecksum(t, 'time_entry');
    expect(
      (
        await t.request('POST', url, {
          token: w.workerA.token,
          body: { workerId: w.workerA2.id, minutes: 10, kind: 'admin' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('PATCH', `${url}/${win.id}`, {
          token: w.workerA.token,
          body: { version: 1, minutes: 5 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('PATCH', `${url}/${bea.id}`, {
          token: w.supA.token,
          body: { version: 1, minutes: 5 },
        })
      ).status,
    ).toBe(404);
    expect(await tableChecksum(t, 'time_entry')).toBe(before);
  });

  it('changes carry the version read: a stale one is 409', async () => {
    const e = await create(w.workerA.token, { on: '2026-03-06', minutes: 30, kind: 'outreach' });
    const res = await t.request('PATCH', `${url}/${e.id}`, {
      token: w.workerA.token,
      body: { version: 1, minutes: 40, note: 'Two streets more than planned' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      minutes: 40,
      note: 'Two streets more than planned',
      version: 2,
    });
    const stale = await t.request('PATCH', `${url}/${e.id}`, {
      token: w.workerA.token,
      body: { version: 1, minutes: 50 },
    });
    expect(stale.status).toBe(409);
    const missing = await t.request('PATCH', `${url}/${e.id}`, {
      token: w.workerA.token,
      body: { minutes: 50 },
    });
    expect(missing.status).toBe(400);
    const { rows } = await t.db.query(`SELECT minutes, version FROM time_entry WHERE id = $1`, [
      e.id,
    ]);
    expect(rows).toEqual([{ minutes: 40, version: 2 }]);
  });
});
