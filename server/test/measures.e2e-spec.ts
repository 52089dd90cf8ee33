import { randomUUID } from 'node:crypto';
import { addDays, todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';
import { auditActionsSince, auditSeq } from './support/routes';

/**
 * SPEC §9: measurements scored by the server, never edited (voided with a
 * reason), baseline worked out, the schedule, the PHQ-9 item 9 safety alert
 * raised and resolved, the team boundary and the move rule.
 */
describe('outcome measures and safety alerts', () => {
  let t: TestApp;
  let w: World;
  let pA: string; // Wes's participant, team A
  let pA2: string;
  let pB: string;
  const today = todayIn('UTC');
  const url = '/api/measurements';

  async function participant(
    teamId: string,
    firstName: string,
    primaryWorkerId: string | null,
    enrolledOn = today,
  ): Promise<string> {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on, primary_worker_id)
       VALUES ($1, $2, 'Example', $3, $4) RETURNING id`,
      [teamId, firstName, enrolledOn, primaryWorkerId],
    );
    return rows[0].id as string;
  }

  const phq9 = (item9 = 0, rest = 1) => [rest, rest, rest, rest, rest, rest, rest, rest, item9];
  const barc10 = (v = 4) => Array.from({ length: 10 }, () => v);

  async function measure(token: string, body: Record<string, unknown>) {
    const res = await t.request('POST', url, { token, body });
    if (res.status !== 201) throw new Error(`measure failed: ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await participant(w.teamA.id, 'Avery', w.workerA.id, addDays(today, -200));
    pA2 = await participant(w.teamA.id, 'Blake', w.workerA.id, addDays(today, -40));
    pB = await participant(w.teamB.id, 'Casey', w.workerB.id);
  });
  afterAll(() => t.close());

  it('scores a BARC-10 on the server, stores it as the baseline and audits it', async () => {
    const seq = await auditSeq(t);
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: {
        participantId: pA,
        instrument: 'barc10',
        takenOn: addDays(today, -100),
        answers: [5, 5, 5, 5, 5, 4, 4, 4, 5, 5],
        selfEntered: true,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      participantId: pA,
      teamId: w.teamA.id,
      instrument: 'barc10',
      takenOn: addDays(today, -100),
      answers: [5, 5, 5, 5, 5, 4, 4, 4, 5, 5],
      score: 47,
      band: 'strong',
      administeredById: w.workerA.id,
      timepoint: 'baseline',
      selfEntered: true,
      voidedAt: null,
      voidedById: null,
      voidReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(`SELECT * FROM measurement WHERE id = $1`, [res.body.id]);
    expect(rows[0]).toMatchObject({
      team_id: w.teamA.id,
      score: 47,
      band: 'strong',
      answers: [5, 5, 5, 5, 5, 4, 4, 4, 5, 5],
      administered_by_id: w.workerA.id,
    });
    expect(await auditActionsSince(t, seq)).toEqual(['create']);
  });

  it('a later measure is a follow-up, one marked so is discharge; the list is oldest first', async () => {
    const later = await measure(w.workerA.token, {
      participantId: pA,
      instrument: 'barc10',
      takenOn: addDays(today, -10),
      answers: barc10(3),
    });
    expect(later).toMatchObject({ score: 30, band: 'building', timepoint: 'follow_up' });
    // Entered after the later one, but taken earlier: it becomes the baseline.
    const earliest = await measure(w.workerA.token, {
      participantId: pA,
      instrument: 'barc10',
      takenOn: addDays(today, -150),
      answers: barc10(2),
    });
    expect(earliest).toMatchObject({ score: 20, band: 'building', timepoint: 'baseline' });
    const last = await measure(w.workerA.token, {
      participantId: pA,
      instrument: 'barc10',
      answers: barc10(6),
      timepoint: 'discharge',
    });
    expect(last).toMatchObject({ takenOn: today, score: 60, timepoint: 'discharge' });

    const list = await t.request('GET', `${url}?participantId=${pA}&instrument=barc10`, {
      token: w.supA.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(4);
    expect(list.body.items.map((m: any) => [m.score, m.timepoint])).toEqual([
      [20, 'baseline'],
      [47, 'follow_up'],
      [30, 'follow_up'],
      [60, 'discharge'],
    ]);
  });

  it.each([
    ['too few answers', { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0] }, 'answers'],
    ['too many answers', { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0, 0] }, 'answers'],
    ['an answer above the range', { instrument: 'phq9', answers: phq9(4) }, 'answers'],
    ['an answer below the range', { instrument: 'barc10', answers: barc10(0) }, 'answers'],
    ['a fraction', { instrument: 'gad7', answers: [0, 0, 0, 0.5, 0, 0, 0] }, 'answers'],
    [
      'a score sent by the client',
      { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0], score: 0 },
      'score',
    ],
    ['an unknown instrument', { instrument: 'ras', answers: [1] }, 'instrument'],
    [
      'a future date',
      { instrument: 'gad7', answers: [0, 0, 0, 0, 0, 0, 0], takenOn: addDays(today, 2) },
      'takenOn',
    ],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, body, field) => {
    const before = await tableChecksum(t, 'measurement');
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: { participantId: pA2, ...body },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(await tableChecksum(t, 'measurement')).toBe(before);
  });

  it('a safe retry returns the stored measurement; a different body is a 409', async () => {
    const id = randomUUID();
    const body = { id, participantId: pA2, instrument: 'gad7', answers: [1, 1, 1, 1, 1, 0, 0] };
    const first = await t.request('POST', url, { token: w.workerA.token, body });
    expect(first.status).toBe(201);
    const again = await t.request('POST', url, { token: w.workerA.token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const differs = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...body, answers: [3, 1, 1, 1, 1, 0, 0] },
    });
    expect(differs.status).toBe(409);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM measurement WHERE id = $1`, [
      id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  describe('the PHQ-9 item 9 safety alert', () => {
    let alertId: string;
    let measurementId: string;

    it('is raised at once for the primary worker and the supervisors, with the caseload figure', async () => {
      const none = await measure(w.workerA.token, {
        participantId: pA,
        instrument: 'phq9',
        answers: phq9(0, 3),
      });
      expect(none).toMatchObject({ score: 24, band: 'severe' });
      const noAlerts = await t.db.query(`SELECT count(*)::int AS n FROM safety_alert`);
      expect(noAlerts.rows[0].n).toBe(0);

      // Entered by another worker of the team: the alert is still Wes's, as primary worker.
      const m = await measure(w.workerA2.token, {
        participantId: pA,
        instrument: 'phq9',
        answers: phq9(1, 1),
      });
      measurementId = m.id;
      expect(m).toMatchObject({ score: 9, band: 'mild', timepoint: 'follow_up' });
      const { rows } = await t.db.query(`SELECT * FROM safety_alert WHERE measurement_id = $1`, [
        m.id,
      ]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: 'phq9_item9',
        participant_id: pA,
        team_id: w.teamA.id,
        resolved_at: null,
      });
      alertId = rows[0].id;

      for (const who of [w.workerA, w.supA]) {
        const res = await t.request('GET', '/api/alerts?status=open', { token: who.token });
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([
          {
            id: alertId,
            kind: 'phq9_item9',
            participantId: pA,
            teamId: w.teamA.id,
            measurementId: m.id,
            primaryWorkerId: w.workerA.id,
            participantName: 'Avery Example',
            raisedAt: expect.any(String),
            resolvedAt: null,
            resolvedById: null,
            resolution: null,
            status: 'open',
          },
        ]);
      }
      const mine = await t.request(
        'GET',
        `/api/alerts?status=open&primaryWorkerId=${w.workerA2.id}`,
        {
          token: w.supA.token,
        },
      );
      expect(mine.body.total).toBe(0);
      const other = await t.request('GET', '/api/alerts', { token: w.supB.token });
      expect(other.body.total).toBe(0);

      const caseload = await t.request('GET', '/api/reports/caseload', { token: w.supA.token });
      const row = caseload.body.workers.find((r: any) => r.workerId === w.workerA.id);
      expect(row.openSafetyAlerts).toBe(1);
      expect(caseload.body.totals.openSafetyAlerts).toBe(1);
      // Discharged: the open alert stays in sight.
      await t.db.query(
        `UPDATE participant SET status = 'discharged', discharged_on = current_date WHERE id = $1`,
        [pA],
      );
      const after = await t.request('GET', '/api/reports/caseload', { token: w.workerA.token });
      expect(after.body.workers[0].openSafetyAlerts).toBe(1);
      await t.db.query(
        `UPDATE participant SET status = 'active', discharged_on = NULL WHERE id = $1`,
        [pA],
      );
    });

    it('is resolved only with a written resolution, by the primary worker or a supervisor', async () => {
      const before = await tableChecksum(t, 'safety_alert');
      const resolve = (token: string, body: object) =>
        t.request('POST', `/api/alerts/${alertId}/resolve`, { token, body });

      const blank = await resolve(w.workerA.token, { resolution: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.errors).toHaveProperty('resolution');
      expect((await resolve(w.workerA.token, {})).status).toBe(400);
      expect((await resolve(w.workerB.token, { resolution: 'Called.' })).status).toBe(404);
      expect((await resolve(w.supB.token, { resolution: 'Called.' })).status).toBe(404);
      expect(await tableChecksum(t, 'safety_alert')).toBe(before);

      const text =
        'Called Avery the same afternoon; safety plan reviewed together, crisis line saved in her phone.';
      const seq = await auditSeq(t);
      const ok = await resolve(w.workerA.token, { resolution: text });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        id: alertId,
        status: 'resolved',
        resolution: text,
        resolvedById: w.workerA.id,
        resolvedAt: expect.any(String),
      });
      expect(await auditActionsSince(t, seq)).toEqual(['update']);
      const resolved = await tableChecksum(t, 'safety_alert');

      // The same again by the same person: 200, the record as it is, nothing changed.
      const again = await resolve(w.workerA.token, { resolution: text });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(ok.body);
      // By another user, or with other words: 409, nothing changed.
      expect((await resolve(w.supA.token, { resolution: text })).status).toBe(409);
      expect((await resolve(w.workerA.token, { resolution: 'Something else' })).status).toBe(409);
      expect(await tableChecksum(t, 'safety_alert')).toBe(resolved);

      const open = await t.request('GET', '/api/alerts?status=open', { token: w.supA.token });
      expect(open.body.total).toBe(0);
      const done = await t.request('GET', `/api/alerts?status=resolved&participantId=${pA}`, {
        token: w.supA.token,
      });
      expect(done.body.items.map((a: any) => a.id)).toEqual([alertId]);
    });

    it('a worker who neither took the measure nor is primary worker cannot resolve', async () => {
      const m = await measure(w.workerA.token, {
        participantId: pA2,
        instrument: 'phq9',
        answers: phq9(2, 0),
      });
      const { rows } = await t.db.query(`SELECT id FROM safety_alert WHERE measurement_id = $1`, [
        m.id,
      ]);
      const res = await t.request('POST', `/api/alerts/${rows[0].id}/resolve`, {
        token: w.workerA2.token,
        body: { resolution: 'Checked in.' },
      });
      expect(res.status).toBe(403);
      const sup = await t.request('POST', `/api/alerts/${rows[0].id}/resolve`, {
        token: w.supA.token,
        body: { resolution: 'Met Blake with Wes; Blake is safe and has the crisis line.' },
      });
      expect(sup.status).toBe(200);
      expect(measurementId).toBeDefined();
    });
  });

  it('voids a wrong measurement with a reason; the next one becomes the baseline', async () => {
    const list = await t.request('GET', `${url}?participantId=${pA}&instrument=barc10`, {
      token: w.workerA.token,
    });
    const baseline = list.body.items[0];
    expect(baseline.timepoint).toBe('baseline');
    const path = `${url}/${baseline.id}/void`;

    expect((await t.request('POST', path, { token: w.workerA.token, body: {} })).status).toBe(400);
    expect(
      (await t.request('POST', path, { token: w.workerA2.token, body: { reason: 'Wrong person' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.request('POST', path, { token: w.workerB.token, body: { reason: 'Wrong person' } }))
        .status,
    ).toBe(404);
    // Never edited: there is no PATCH.
    expect(
      (
        await t.request('PATCH', `${url}/${baseline.id}`, {
          token: w.workerA.token,
          body: { score: 1 },
        })
      ).status,
    ).toBe(404);

    const seq = await auditSeq(t);
    const res = await t.request('POST', path, {
      token: w.workerA.token,
      body: { reason: 'Entered for the wrong person' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: baseline.id,
      voidedById: w.workerA.id,
      voidReason: 'Entered for the wrong person',
      voidedAt: expect.any(String),
      timepoint: 'follow_up',
      score: baseline.score,
    });
    expect(await auditActionsSince(t, seq)).toEqual(['delete']);
    // The same void again by the same person (a retry): 200 as it is, nothing changed.
    const stored = await tableChecksum(t, 'measurement');
    const retry = await t.request('POST', path, {
      token: w.workerA.token,
      body: { reason: 'Entered for the wrong person' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(res.body);
    // By someone else, or for another reason: 409 with the measurement as it is.
    const again = await t.request('POST', path, { token: w.supA.token, body: { reason: 'Again' } });
    expect(again.status).toBe(409);
    expect(again.body.record).toEqual(res.body);
    const otherReason = await t.request('POST', path, {
      token: w.workerA.token,
      body: { reason: 'Another reason' },
    });
    expect(otherReason.status).toBe(409);
    expect(otherReason.body.errors).toHaveProperty(['reason']);
    expect(await tableChecksum(t, 'measurement')).toBe(stored);

    const after = await t.request('GET', `${url}?participantId=${pA}&instrument=barc10`, {
      token: w.workerA.token,
    });
    expect(after.body.items.map((m: any) => [m.score, m.timepoint])).toEqual([
      [47, 'baseline'],
      [30, 'follow_up'],
      [60, 'discharge'],
    ]);
    const one = await t.request('GET', `${url}/${baseline.id}`, { token: w.supA.token });
    expect(one.body.voidReason).toBe('Entered for the wrong person');
  });

  it('keeps the schedule: baseline 30 days after enrolment, then the interval after the latest', async () => {
    const s = await t.request('GET', `${url}/schedule?participantId=${pA2}`, {
      token: w.workerA.token,
    });
    expect(s.status).toBe(200);
    // Team A uses the default, BARC-10 only; Blake enrolled 40 days ago with no BARC-10.
    expect(s.body).toEqual({
      participantId: pA2,
      items: [
        { instrument: 'barc10', dueOn: addDays(today, -10), state: 'due', lastTakenOn: null },
      ],
    });
    await t.db.query(`UPDATE team SET instruments = '{barc10,phq9}' WHERE id = $1`, [w.teamA.id]);
    const s2 = await t.request('GET', `${url}/schedule?participantId=${pA}`, {
      token: w.supA.token,
    });
    expect(s2.body.items).toEqual([
      { instrument: 'barc10', dueOn: addDays(today, 90), state: 'upcoming', lastTakenOn: today },
      { instrument: 'phq9', dueOn: addDays(today, 90), state: 'upcoming', lastTakenOn: today },
    ]);
    const caseload = await t.request('GET', '/api/reports/caseload', { token: w.workerA.token });
    expect(caseload.body.workers[0].measuresDue).toBe(1); // Blake's BARC-10
    // Discharge stops measures coming due.
    await t.db.query(
      `UPDATE participant SET status = 'discharged', discharged_on = current_date WHERE id = $1`,
      [pA2],
    );
    const s3 = await t.request('GET', `${url}/schedule?participantId=${pA2}`, {
      token: w.workerA.token,
    });
    expect(s3.body.items).toEqual([]);
    const c2 = await t.request('GET', '/api/reports/caseload', { token: w.workerA.token });
    expect(c2.body.workers[0].measuresDue).toBe(0);
    await t.db.query(
      `UPDATE participant SET status = 'active', discharged_on = NULL WHERE id = $1`,
      [pA2],
    );
  });

  it('another team gets 404 for every measure and alert, lists included', async () => {
    const m = await measure(w.workerB.token, {
      participantId: pB,
      instrument: 'barc10',
      answers: barc10(),
    });
    const before = await tableChecksum(t, 'measurement');
    for (const [method, path, body] of [
      ['GET', `${url}/${m.id}`, undefined],
      ['GET', `${url}?participantId=${pB}`, undefined],
      ['GET', `${url}/schedule?participantId=${pB}`, undefined],
      ['GET', `/api/alerts?participantId=${pB}`, undefined],
      ['POST', `${url}/${m.id}/void`, { reason: 'x' }],
      ['POST', url, { participantId: pB, instrument: 'barc10', answers: barc10() }],
    ] as const) {
      const res = await t.request(method, path, { token: w.workerA.token, body });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await tableChecksum(t, 'measurement')).toBe(before);
    const list = await t.request('GET', url, { token: w.supA.token });
    expect(list.body.items.every((x: any) => x.teamId === w.teamA.id)).toBe(true);
    const denied = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access_denied' AND entity_type = 'measurement' AND entity_id = $1`,
      [m.id],
    );
    expect(denied.rows[0].n).toBeGreaterThan(0);
  });

  it('moves measures and alerts with the participant (SPEC §1)', async () => {
    const { rows: v } = await t.db.query(`SELECT version FROM participant WHERE id = $1`, [pA]);
    const res = await t.request('PATCH', `/api/participants/${pA}`, {
      token: w.admin.token,
      body: { version: v[0].version, teamId: w.teamB.id, primaryWorkerId: w.workerB.id },
    });
    expect(res.status).toBe(200);
    const left = await t.db.query(
      `SELECT (SELECT count(*) FROM measurement WHERE participant_id = $1 AND team_id <> $2)::int AS m,
              (SELECT count(*) FROM safety_alert WHERE participant_id = $1 AND team_id <> $2)::int AS a`,
      [pA, w.teamB.id],
    );
    expect(left.rows[0]).toEqual({ m: 0, a: 0 });
    const audit = await t.db.query(
      `SELECT details FROM audit_event WHERE entity_type = 'participant' AND participant_id = $1 AND action = 'update' ORDER BY seq DESC LIMIT 1`,
      [pA],
    );
    expect(audit.rows[0].details.moved).toMatchObject({ measurement: 6, safety_alert: 1 });
    const old = await t.request('GET', `${url}?participantId=${pA}`, { token: w.workerA.token });
    expect(old.status).toBe(404);
    const fresh = await t.request('GET', `${url}?participantId=${pA}`, { token: w.workerB.token });
    expect(fresh.status).toBe(200);
    expect(fresh.body.total).toBe(5); // 6 moved, one of them voided
    const alerts = await t.request('GET', `/api/alerts?participantId=${pA}`, {
      token: w.supB.token,
    });
    expect(alerts.body.total).toBe(1);
  });
});
