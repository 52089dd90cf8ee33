import { randomUUID } from 'node:crypto';
import { addDays, todayIn, type DecisionNote } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';
import { auditActionsSince, auditSeq } from './support/routes';

/** Participants are inserted directly: their endpoints are another feature's. */
async function seedParticipant(t: TestApp, teamId: string): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
     VALUES ($1, 'Jordan', 'Example', current_date) RETURNING id`,
    [teamId],
  );
  return rows[0].id as string;
}

describe('decision notes', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pB: string;
  const today = todayIn('UTC');
  const url = '/api/decision-notes';

  const note = (participantId: string, extra: Record<string, unknown> = {}) => ({
    participantId,
    topic: 'Whether to join the evening recovery group',
    options: [
      { label: 'Join the Tuesday evening group', pros: 'Fits around work', cons: 'Busy bus route' },
      { label: 'Keep one-to-one sessions for now' },
    ],
    decidedBy: 'shared',
    ...extra,
  });

  async function create(token: string, body: object): Promise<DecisionNote> {
    const res = await t.request('POST', url, { token, body });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await seedParticipant(t, w.teamA.id);
    pB = await seedParticipant(t, w.teamB.id);
  });
  afterAll(() => t.close());

  it('records a note with its options and defaults, and audits it', async () => {
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: note(pA, {
        participantPriorities: 'Staying in work; being home for the kids by nine',
        decision: 'Try the group for four weeks',
        nextSteps: 'Worker sends the group details by text',
        followUpOn: addDays(today, 28),
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      participantId: pA,
      workerId: w.workerA.id,
      teamId: w.teamA.id,
      discussedOn: today,
      topic: 'Whether to join the evening recovery group',
      options: [
        {
          label: 'Join the Tuesday evening group',
          pros: 'Fits around work',
          cons: 'Busy bus route',
        },
        { label: 'Keep one-to-one sessions for now', pros: null, cons: null },
      ],
      participantPriorities: 'Staying in work; being home for the kids by nine',
      decision: 'Try the group for four weeks',
      decidedBy: 'shared',
      nextSteps: 'Worker sends the group details by text',
      followUpOn: addDays(today, 28),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(
      `SELECT team_id, worker_id, discussed_on, options, decided_by FROM decision_note WHERE id = $1`,
      [res.body.id],
    );
    expect(rows).toEqual([
      {
        team_id: w.teamA.id,
        worker_id: w.workerA.id,
        discussed_on: today,
        options: res.body.options,
        decided_by: 'shared',
      },
    ]);
    const audit = await t.db.query(
      `SELECT actor_id, participant_id, team_id FROM audit_event
        WHERE action = 'create' AND entity_type = 'decision_note' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: w.workerA.id, participant_id: pA, team_id: w.teamA.id },
    ]);
  });

  it('validates the options one by one, keying errors by their path, and writes nothing', async () => {
    const before = await tableChecksum(t, 'decision_note');
    const auditBefore = await tableChecksum(t, 'audit_event');
    const cases: [Record<string, unknown>, string[]][] = [
      [note(pA, { options: [] }), ['options']],
      [note(pA, { options: undefined }), ['options']],
      [note(pA, { options: 'either' }), ['options']],
      [
        note(pA, { options: Array.from({ length: 11 }, (_, i) => ({ label: `Option ${i + 1}` })) }),
        ['options'],
      ],
      [note(pA, { options: [{ label: 'Fine' }, { pros: 'No label' }] }), ['options.1.label']],
      [note(pA, { options: [{ label: '   ' }] }), ['options.0.label']],
      [note(pA, { options: [{ label: 'x'.repeat(201) }] }), ['options.0.label']],
      [note(pA, { options: [{ label: 'Ok', cons: 'x'.repeat(2001) }] }), ['options.0.cons']],
      [note(pA, { options: [{ label: 'Ok', pros: 5 }] }), ['options.0.pros']],
      [note(pA, { options: [{ label: 'Ok', score: 3 }] }), ['options.0.score']],
      [
        note(pA, {
          options: [{ label: '' }, { label: 'Ok' }, { label: 'Ok', pros: 'y'.repeat(2001) }],
        }),
        ['options.0.label', 'options.2.pros'],
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await t.request('POST', url, { token: w.workerA.token, body });
      expect({ fields, status: res.status }).toEqual({ fields, status: 400 });
      expect(Object.keys(res.body.errors).sort()).toEqual(fields);
    }
    expect(await tableChecksum(t, 'decision_note')).toBe(before);
    expect(await tableChecksum(t, 'audit_event')).toBe(auditBefore);
  });

  it('refuses other bad input with 400 naming the field', async () => {
    const before = await tableChecksum(t, 'decision_note');
    const cases: [Record<string, unknown>, string][] = [
      [note(pA, { decidedBy: undefined }), 'decidedBy'],
      [note(pA, { decidedBy: 'worker' }), 'decidedBy'],
      [note(pA, { topic: '' }), 'topic'],
      [note(pA, { topic: 'x'.repeat(201) }), 'topic'],
      [note(pA, { discussedOn: '2026-02-30' }), 'discussedOn'],
      [note(pA, { followUpOn: addDays(today, -1) }), 'followUpOn'],
      [note(pA, { participantId: undefined }), 'participantId'],
      [note(pA, { teamId: w.teamA.id }), 'teamId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', url, { token: w.workerA.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await tableChecksum(t, 'decision_note')).toBe(before);
  });

  it('applies the worker rule: a worker names only themself, a supervisor anyone in the team', async () => {
    const before = await tableChecksum(t, 'decision_note');
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: note(pA, { workerId: w.workerA2.id }),
    });
    expect(res.status).toBe(403);
    expect(await tableChecksum(t, 'decision_note')).toBe(before);
    const bySup = await create(w.supA.token, note(pA, { workerId: w.workerA2.id }));
    expect(bySup.workerId).toBe(w.workerA2.id);
  });

  it('updates fields and replaces the options, validating them the same way', async () => {
    const n = await create(w.workerA.token, note(pA, { decidedBy: 'deferred' }));
    const res = await t.request('PATCH', `${url}/${n.id}`, {
      token: w.workerA2.token,
      body: {
        options: [{ label: 'Join the group', pros: 'Meets others in recovery' }],
        decision: 'Join from next week',
        decidedBy: 'participant',
        followUpOn: null,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      options: [{ label: 'Join the group', pros: 'Meets others in recovery', cons: null }],
      decision: 'Join from next week',
      decidedBy: 'participant',
      topic: n.topic,
      workerId: w.workerA.id,
    });
    const { rows } = await t.db.query(
      `SELECT options, decided_by FROM decision_note WHERE id = $1`,
      [n.id],
    );
    expect(rows[0]).toEqual({ options: res.body.options, decided_by: 'participant' });

    const before = await tableChecksum(t, 'decision_note');
    for (const [body, field] of [
      [{ options: [{ label: 'Ok' }, { label: '' }] }, 'options.1.label'],
      [{ options: [] }, 'options'],
      [{ options: null }, 'options'],
      [{ decidedBy: null }, 'decidedBy'],
      [{ participantId: pA }, 'participantId'],
    ] as const) {
      const bad = await t.request('PATCH', `${url}/${n.id}`, { token: w.workerA.token, body });
      expect({ field, status: bad.status }).toEqual({ field, status: 400 });
      expect(Object.keys(bad.body.errors)).toEqual([field]);
    }
    const reassign = await t.request('PATCH', `${url}/${n.id}`, {
      token: w.workerA.token,
      body: { workerId: w.workerA2.id },
    });
    expect(reassign.status).toBe(403);
    expect(await tableChecksum(t, 'decision_note')).toBe(before);

    const audit = await t.db.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'update' AND entity_id = $1`,
      [n.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: w.workerA2.id,
        details: { fields: ['options', 'decision', 'decidedBy', 'followUpOn'] },
      },
    ]);
  });

  it('answers a safe retry with the stored note, and 409 when it differs', async () => {
    const id = randomUUID();
    const body = note(pA, { id, discussedOn: addDays(today, -2) });
    const first = await t.request('POST', url, { token: w.workerA.token, body });
    expect(first.status).toBe(201);
    const seq = await auditSeq(t);
    const again = await t.request('POST', url, { token: w.workerA.token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Nothing written but the read of the record the retry returned (SPEC §3).
    expect(await auditActionsSince(t, seq)).toEqual(['read']);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM decision_note WHERE id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(1);

    const before = await tableChecksum(t, 'decision_note');
    const differs = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...body, options: [{ label: 'Something else entirely' }] },
    });
    expect(differs.status).toBe(409);
    expect(differs.body.errors).toHaveProperty('options');
    expect(await tableChecksum(t, 'decision_note')).toBe(before);
  });

  it('hides another team’s notes: 404 on get and patch and for foreign filters, never in lists', async () => {
    const theirs = await create(w.workerB.token, note(pB));
    const mine = await create(w.workerA.token, note(pA));
    const before = await tableChecksum(t, 'decision_note');
    const get = await t.request('GET', `${url}/${theirs.id}`, { token: w.workerA.token });
    expect(get.status).toBe(404);
    expect(get.text).not.toContain('evening');
    expect(
      (
        await t.request('PATCH', `${url}/${theirs.id}`, {
          token: w.supA.token,
          body: { decision: 'Overruled' },
        })
      ).status,
    ).toBe(404);
    expect((await t.request('POST', url, { token: w.workerA.token, body: note(pB) })).status).toBe(
      404,
    );
    expect(await tableChecksum(t, 'decision_note')).toBe(before);
    expect(
      (await t.request('GET', `${url}?participantId=${pB}`, { token: w.workerA.token })).status,
    ).toBe(404);

    const list = await t.request('GET', `${url}?participantId=${pA}&pageSize=100`, {
      token: w.workerA2.token,
    });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((n: DecisionNote) => n.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const all = await t.request('GET', `${url}?pageSize=100`, { token: w.supA.token });
    expect(all.body.items.every((n: DecisionNote) => n.teamId === w.teamA.id)).toBe(true);
    const dates = all.body.items.map((n: DecisionNote) => n.discussedOn);
    expect([...dates].sort().reverse()).toEqual(dates);

    const detail = await t.request('GET', `${url}/${mine.id}`, { token: w.supA.token });
    expect(detail.status).toBe(200);
    expect(detail.body).toEqual(mine);
    const audit = await t.db.query(
      `SELECT actor_id, participant_id, team_id FROM audit_event
        WHERE action = 'read' AND entity_type = 'decision_note' AND entity_id = $1`,
      [mine.id],
    );
    expect(audit.rows).toEqual([{ actor_id: w.supA.id, participant_id: pA, team_id: w.teamA.id }]);
    const listAudit = await t.db.query(
      `SELECT details FROM audit_event
        WHERE action = 'read' AND entity_type = 'decision_note' AND actor_id = $1 AND entity_id IS NULL`,
      [w.workerA2.id],
    );
    expect(listAudit.rows).toEqual([{ details: { filters: { participantId: pA } } }]);
  });
});
