import { randomUUID } from 'node:crypto';
import { addDays, todayIn, type AdvocacyAction } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';
import { auditActionsSince, auditSeq } from './support/routes';

/** Participants are inserted directly: their endpoints are another feature's. */
async function seedParticipant(t: TestApp, teamId: string, firstName = 'Jamie'): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
     VALUES ($1, $2, 'Example', current_date) RETURNING id`,
    [teamId, firstName],
  );
  return rows[0].id as string;
}

describe('advocacy actions', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pA2: string;
  let pB: string;
  const today = todayIn('UTC');
  const url = '/api/advocacy-actions';

  const individual = (participantId: string, extra: Record<string, unknown> = {}) => ({
    level: 'individual',
    category: 'housing',
    title: 'Support the housing benefit appeal',
    participantId,
    ...extra,
  });

  async function create(token: string, body: object): Promise<AdvocacyAction> {
    const res = await t.request('POST', url, { token, body });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async function stored(id: string) {
    const { rows } = await t.db.query(`SELECT * FROM advocacy_action WHERE id = $1`, [id]);
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await seedParticipant(t, w.teamA.id, 'Avery');
    pA2 = await seedParticipant(t, w.teamA.id, 'Blake');
    pB = await seedParticipant(t, w.teamB.id, 'Casey');
  });
  afterAll(() => t.close());

  it('creates an individual action with the defaults the spec sets, and audits it', async () => {
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: individual(pA, { description: 'Letter received on Monday', dueOn: addDays(today, 14) }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      participantId: pA,
      level: 'individual',
      category: 'housing',
      title: 'Support the housing benefit appeal',
      description: 'Letter received on Monday',
      status: 'open',
      outcome: null,
      openedOn: today,
      dueOn: addDays(today, 14),
      completedOn: null,
      workerId: w.workerA.id,
      teamId: w.teamA.id,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await stored(res.body.id);
    expect(row).toMatchObject({
      team_id: w.teamA.id,
      participant_id: pA,
      worker_id: w.workerA.id,
      status: 'open',
      opened_on: today,
      version: 1,
    });
    const audit = await t.db.query(
      `SELECT actor_id, participant_id, team_id FROM audit_event
        WHERE action = 'create' AND entity_type = 'advocacy_action' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: w.workerA.id, participant_id: pA, team_id: w.teamA.id },
    ]);
  });

  it('creates a systemic action in the creator’s team; an admin must name the team', async () => {
    const res = await t.request('POST', url, {
      token: w.supB.token,
      body: { level: 'systemic', category: 'policy', title: 'Ask the clinic for evening hours' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      participantId: null,
      teamId: w.teamB.id,
      workerId: w.supB.id,
    });
    expect((await stored(res.body.id)).team_id).toBe(w.teamB.id);

    const noTeam = await t.request('POST', url, {
      token: w.admin.token,
      body: {
        level: 'systemic',
        category: 'policy',
        title: 'Network-wide letter',
        workerId: w.supA.id,
      },
    });
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.errors).toHaveProperty('teamId');
    const admin = await t.request('POST', url, {
      token: w.admin.token,
      body: {
        level: 'systemic',
        category: 'policy',
        title: 'Network-wide letter',
        workerId: w.supA.id,
        teamId: w.teamA.id,
      },
    });
    expect(admin.status).toBe(201);
    expect(admin.body).toMatchObject({ teamId: w.teamA.id, workerId: w.supA.id });

    const otherTeam = await t.request('POST', url, {
      token: w.workerA.token,
      body: { level: 'systemic', category: 'policy', title: 'Sneaky', teamId: w.teamB.id },
    });
    expect(otherTeam.status).toBe(403);
  });

  it('requires participantId for individual and refuses it for systemic, writing nothing', async () => {
    const before = await tableChecksum(t, 'advocacy_action');
    const auditBefore = await tableChecksum(t, 'audit_event');
    const missing = await t.request('POST', url, {
      token: w.workerA.token,
      body: { level: 'individual', category: 'legal', title: 'Court date' },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['participantId']);
    const extra = await t.request('POST', url, {
      token: w.workerA.token,
      body: { level: 'systemic', category: 'policy', title: 'Bus routes', participantId: pA },
    });
    expect(extra.status).toBe(400);
    expect(Object.keys(extra.body.errors)).toEqual(['participantId']);
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);
    expect(await tableChecksum(t, 'audit_event')).toBe(auditBefore);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const before = await tableChecksum(t, 'advocacy_action');
    const cases: [Record<string, unknown>, string][] = [
      [individual(pA, { category: 'parking' }), 'category'],
      [individual(pA, { level: 'national' }), 'level'],
      [individual(pA, { title: '' }), 'title'],
      [individual(pA, { title: 'x'.repeat(201) }), 'title'],
      [individual(pA, { status: 'finished' }), 'status'],
      [individual(pA, { openedOn: '2026-02-30' }), 'openedOn'],
      [individual(pA, { dueOn: addDays(today, -1) }), 'dueOn'],
      [individual(pA, { completedOn: today }), 'completedOn'],
      [
        individual(pA, { status: 'done', completedOn: addDays(today, -3), openedOn: today }),
        'completedOn',
      ],
      [individual(pA, { participantId: 'not-a-uuid' }), 'participantId'],
      [individual(pA, { workerId: null }), 'workerId'],
      [individual(pA, { version: 3 }), 'version'],
      [individual(pA, { secret: true }), 'secret'],
      [individual(pA, { id: 'abc' }), 'id'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', url, { token: w.workerA.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);
  });

  it('lets a worker name only themself, a supervisor anyone active in the team', async () => {
    const before = await tableChecksum(t, 'advocacy_action');
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: individual(pA, { workerId: w.workerA2.id }),
    });
    expect(res.status).toBe(403);
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);

    const self = await t.request('POST', url, {
      token: w.workerA.token,
      body: individual(pA, { workerId: w.workerA.id }),
    });
    expect(self.status).toBe(201);
    const bySup = await t.request('POST', url, {
      token: w.supA.token,
      body: individual(pA, { workerId: w.workerA2.id }),
    });
    expect(bySup.status).toBe(201);
    expect(bySup.body.workerId).toBe(w.workerA2.id);
    const otherTeam = await t.request('POST', url, {
      token: w.supA.token,
      body: individual(pA, { workerId: w.workerB.id }),
    });
    expect(otherTeam.status).toBe(400);
    expect(otherTeam.body.errors).toHaveProperty('workerId');

    // Reassigning by PATCH follows the same rule.
    const patch = await t.request('PATCH', `${url}/${self.body.id}`, {
      token: w.workerA.token,
      body: { version: 1, workerId: w.workerA2.id },
    });
    expect(patch.status).toBe(403);
    expect((await stored(self.body.id)).worker_id).toBe(w.workerA.id);
  });

  it('sets completedOn when done, keeps a given one, and clears it when reopened', async () => {
    const a = await create(w.workerA.token, individual(pA));
    const started = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'in_progress' },
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', completedOn: null, version: 2 });

    const done = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 2, status: 'done', outcome: 'Appeal won' },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      completedOn: today,
      outcome: 'Appeal won',
      version: 3,
    });
    expect(await stored(a.id)).toMatchObject({ status: 'done', completed_on: today, version: 3 });

    const reopened = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 3, status: 'open' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', completedOn: null, version: 4 });
    expect((await stored(a.id)).completed_on).toBeNull();

    const b = await create(w.workerA.token, individual(pA, { openedOn: addDays(today, -10) }));
    const given = await t.request('PATCH', `${url}/${b.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'done', completedOn: addDays(today, -2) },
    });
    expect(given.body).toMatchObject({ status: 'done', completedOn: addDays(today, -2) });

    const createdDone = await create(w.workerA.token, individual(pA, { status: 'done' }));
    expect(createdDone.completedOn).toBe(today);
  });

  it('follows the workflow: finished actions are only reopened, never switched', async () => {
    const a = await create(w.workerA.token, individual(pA));
    const done = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'done' },
    });
    expect(done.status).toBe(200);
    const before = await tableChecksum(t, 'advocacy_action');
    const switched = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 2, status: 'cancelled' },
    });
    expect(switched.status).toBe(400);
    expect(Object.keys(switched.body.errors)).toEqual(['status']);
    const completedWhileOpen = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 2, status: 'open', completedOn: today },
    });
    expect(completedWhileOpen.status).toBe(400);
    expect(completedWhileOpen.body.errors).toHaveProperty('completedOn');
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);

    const cancelled = await create(w.workerA.token, individual(pA, { status: 'cancelled' }));
    expect(cancelled.completedOn).toBeNull();
    const toDone = await t.request('PATCH', `${url}/${cancelled.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'done' },
    });
    expect(toDone.status).toBe(400);
    const reopened = await t.request('PATCH', `${url}/${cancelled.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'in_progress' },
    });
    expect(reopened.status).toBe(200);
    const back = await t.request('PATCH', `${url}/${cancelled.id}`, {
      token: w.workerA.token,
      body: { version: 2, status: 'open' },
    });
    expect(back.body).toMatchObject({ status: 'open', version: 3 });
  });

  it('requires the version on PATCH and refuses a stale one with 409, changing nothing', async () => {
    const a = await create(w.workerA.token, individual(pA));
    const before = await tableChecksum(t, 'advocacy_action');
    const missing = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { title: 'No version' },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors)).toEqual(['version']);
    for (const [body, field] of [
      [{ version: 1, title: null }, 'title'],
      [{ version: 1, level: null }, 'level'],
      [{ version: 1, teamId: w.teamB.id }, 'teamId'],
      [{ version: 1, id: randomUUID() }, 'id'],
      [{ version: '1' }, 'version'],
      [{ version: 1, dueOn: addDays(today, -30) }, 'dueOn'],
    ] as const) {
      const res = await t.request('PATCH', `${url}/${a.id}`, { token: w.workerA.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);

    const ok = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 1, title: 'First edit' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'First edit', version: 2 });
    const afterFirst = await tableChecksum(t, 'advocacy_action');
    expect(afterFirst).not.toBe(before);

    const stale = await t.request('PATCH', `${url}/${a.id}`, {
      token: w.supA.token,
      body: { version: 1, title: 'Edit from an old screen' },
    });
    expect(stale.status).toBe(409);
    expect(await tableChecksum(t, 'advocacy_action')).toBe(afterFirst);
    expect(await stored(a.id)).toMatchObject({ title: 'First edit', version: 2 });
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const a = await create(w.workerA.token, individual(pA));
    const [x, y] = await Promise.all([
      t.request('PATCH', `${url}/${a.id}`, {
        token: w.workerA.token,
        body: { version: 1, title: 'X' },
      }),
      t.request('PATCH', `${url}/${a.id}`, {
        token: w.supA.token,
        body: { version: 1, title: 'Y' },
      }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const winner = x.status === 200 ? 'X' : 'Y';
    expect(await stored(a.id)).toMatchObject({ title: winner, version: 2 });
  });

  it('answers a safe retry with the stored record, and 409 when the body differs', async () => {
    const id = randomUUID();
    const body = individual(pA, { id, dueOn: addDays(today, 7) });
    const first = await t.request('POST', url, { token: w.workerA.token, body });
    expect(first.status).toBe(201);
    const seq = await auditSeq(t);
    const again = await t.request('POST', url, { token: w.workerA.token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM advocacy_action WHERE id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(1);
    // Nothing written but the read of the record the retry returned (SPEC §3).
    expect(await auditActionsSince(t, seq)).toEqual(['read']);

    const before = await tableChecksum(t, 'advocacy_action');
    const differs = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...body, title: 'Something else' },
    });
    expect(differs.status).toBe(409);
    expect(differs.body.errors).toHaveProperty('title');
    // Another team reusing the id learns nothing about the record.
    const foreign = await t.request('POST', url, {
      token: w.workerB.token,
      body: individual(pB, { id }),
    });
    expect(foreign.status).toBe(409);
    expect(foreign.text).not.toContain(pA);
    expect(foreign.text).not.toContain('housing');
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);
  });

  it('hides another team’s actions: 404 on get and patch, 404 for foreign filters, never in lists', async () => {
    const mine = await create(w.workerA.token, individual(pA2, { category: 'benefits' }));
    const theirs = await create(w.workerB.token, individual(pB, { category: 'benefits' }));
    const before = await tableChecksum(t, 'advocacy_action');
    const get = await t.request('GET', `${url}/${theirs.id}`, { token: w.workerA.token });
    expect(get.status).toBe(404);
    expect(get.text).not.toContain(pB);
    const patch = await t.request('PATCH', `${url}/${theirs.id}`, {
      token: w.supA.token,
      body: { version: 1, title: 'Hijacked' },
    });
    expect(patch.status).toBe(404);
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);

    // Moving an action onto another team's participant is a 404 too.
    const move = await t.request('PATCH', `${url}/${mine.id}`, {
      token: w.workerA.token,
      body: { version: 1, participantId: pB },
    });
    expect(move.status).toBe(404);
    const foreignParticipant = await t.request('POST', url, {
      token: w.workerA.token,
      body: individual(pB),
    });
    expect(foreignParticipant.status).toBe(404);
    expect(await tableChecksum(t, 'advocacy_action')).toBe(before);

    expect(
      (await t.request('GET', `${url}?participantId=${pB}`, { token: w.workerA.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `${url}?workerId=${w.workerB.id}`, { token: w.workerA.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', `${url}?teamId=${w.teamB.id}`, { token: w.workerA.token })).status,
    ).toBe(404);

    const list = await t.request('GET', `${url}?pageSize=100`, { token: w.supA.token });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((a: AdvocacyAction) => a.teamId === w.teamA.id)).toBe(true);
    expect(list.body.items.map((a: AdvocacyAction) => a.id)).not.toContain(theirs.id);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM advocacy_action WHERE team_id = $1`,
      [w.teamA.id],
    );
    expect(list.body.total).toBe(rows[0].n);

    const own = await t.request('GET', `${url}/${mine.id}`, { token: w.workerA2.token });
    expect(own.status).toBe(200);
    expect(own.body).toEqual(mine);
    expect(
      (await t.request('GET', `${url}/${randomUUID()}`, { token: w.workerA.token })).status,
    ).toBe(404);
    expect((await t.request('GET', `${url}/not-a-uuid`, { token: w.workerA.token })).status).toBe(
      400,
    );
    expect((await t.request('GET', url)).status).toBe(401);
    const adminView = await t.request('GET', `${url}/${theirs.id}`, { token: w.admin.token });
    expect(adminView.status).toBe(200);
  });

  it('filters by participant, worker, status, level, category and overdue, and pages', async () => {
    const p = await seedParticipant(t, w.teamA.id, 'Drew');
    const old = addDays(today, -40);
    const overdue = await create(
      w.supA.token,
      individual(p, {
        workerId: w.workerA2.id,
        category: 'employment',
        openedOn: old,
        dueOn: addDays(today, -1),
      }),
    );
    const dueToday = await create(
      w.supA.token,
      individual(p, {
        workerId: w.workerA2.id,
        category: 'employment',
        openedOn: old,
        dueOn: today,
      }),
    );
    const doneLate = await create(
      w.supA.token,
      individual(p, {
        workerId: w.workerA2.id,
        category: 'education',
        status: 'done',
        openedOn: old,
        dueOn: addDays(today, -5),
      }),
    );

    const byParticipant = await t.request('GET', `${url}?participantId=${p}`, {
      token: w.workerA.token,
    });
    expect(byParticipant.status).toBe(200);
    expect(byParticipant.body.items.map((a: AdvocacyAction) => a.id).sort()).toEqual(
      [overdue.id, dueToday.id, doneLate.id].sort(),
    );
    const od = await t.request('GET', `${url}?participantId=${p}&overdue=true`, {
      token: w.workerA.token,
    });
    expect(od.body.items.map((a: AdvocacyAction) => a.id)).toEqual([overdue.id]);
    const notOd = await t.request('GET', `${url}?participantId=${p}&overdue=false`, {
      token: w.workerA.token,
    });
    expect(notOd.body.total).toBe(2);
    const cat = await t.request('GET', `${url}?participantId=${p}&category=education&status=done`, {
      token: w.workerA.token,
    });
    expect(cat.body.items.map((a: AdvocacyAction) => a.id)).toEqual([doneLate.id]);
    const byWorker = await t.request('GET', `${url}?workerId=${w.workerA2.id}&pageSize=100`, {
      token: w.workerA.token,
    });
    expect(byWorker.body.items.every((a: AdvocacyAction) => a.workerId === w.workerA2.id)).toBe(
      true,
    );
    expect(byWorker.body.items.length).toBeGreaterThanOrEqual(3);
    const systemic = await t.request('GET', `${url}?level=systemic`, { token: w.workerA.token });
    expect(
      systemic.body.items.every(
        (a: AdvocacyAction) => a.level === 'systemic' && a.teamId === w.teamA.id,
      ),
    ).toBe(true);
    const paged = await t.request('GET', `${url}?participantId=${p}&page=2&pageSize=2`, {
      token: w.workerA.token,
    });
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);

    for (const q of [
      'status=finished',
      'level=x',
      'overdue=maybe',
      'pageSize=101',
      'participantId=nope',
      'colour=red',
    ]) {
      const bad = await t.request('GET', `${url}?${q}`, { token: w.workerA.token });
      expect({ q, status: bad.status }).toEqual({ q, status: 400 });
    }
  });

  it('audits detail reads with the participant and list reads with their filters', async () => {
    const a = await create(w.workerA.token, individual(pA));
    await t.request('GET', `${url}/${a.id}`, { token: w.workerA2.token });
    const detail = await t.db.query(
      `SELECT actor_id, participant_id, team_id FROM audit_event
        WHERE action = 'read' AND entity_type = 'advocacy_action' AND entity_id = $1`,
      [a.id],
    );
    expect(detail.rows).toEqual([
      { actor_id: w.workerA2.id, participant_id: pA, team_id: w.teamA.id },
    ]);

    await t.request('GET', `${url}?participantId=${pA}&status=open`, { token: w.supA.token });
    const list = await t.db.query(
      `SELECT participant_id, team_id, details FROM audit_event
        WHERE action = 'read' AND entity_type = 'advocacy_action' AND actor_id = $1
          AND entity_id IS NULL AND participant_id IS NOT NULL`,
      [w.supA.id],
    );
    expect(list.rows).toEqual([
      {
        participant_id: pA,
        team_id: w.teamA.id,
        details: { filters: { participantId: pA, status: 'open' } },
      },
    ]);

    await t.request('PATCH', `${url}/${a.id}`, {
      token: w.workerA.token,
      body: { version: 1, status: 'done' },
    });
    const upd = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'update' AND entity_id = $1`,
      [a.id],
    );
    expect(upd.rows).toEqual([
      { details: { fields: ['status'], status: { from: 'open', to: 'done' } } },
    ]);
  });
});
