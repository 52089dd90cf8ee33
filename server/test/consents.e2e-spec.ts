import { randomUUID } from 'node:crypto';
import {
  addDays,
  INFORMATION_KINDS,
  PART2_REDISCLOSURE_NOTICE,
  todayIn,
  type InformationKind,
} from '@peerpath/shared';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';
import { auditActionsSince, auditSeq } from './support/routes';

/**
 * SPEC §10: consents with every element, in force on a day (the expiry day
 * included, a revocation the same day excluded), disclosures judged against
 * them (recipient ignoring case and spaces, every kind of information
 * covered, 409 naming what is missing), the emergency path, the 42 CFR 2.32
 * notice, the accounting of disclosures, the team boundary and the move rule.
 */
describe('consents and disclosures', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pB: string;
  const today = todayIn('UTC');
  const d = (n: number) => addDays(today, n);

  async function participant(teamId: string, firstName: string, worker: string) {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, primary_worker_id, enrolled_on)
       VALUES ($1, $2, 'Example', $3, $4) RETURNING id`,
      [teamId, firstName, worker, addDays(todayIn('UTC'), -400)],
    );
    return rows[0].id as string;
  }

  async function consent(token: string, who: string, body: Record<string, unknown>) {
    const res = await t.request('POST', `/api/participants/${who}/consents`, {
      token,
      body: {
        recipient: 'Harbor Housing',
        purpose: 'To find me a flat',
        information: ['contact_details'],
        part2: false,
        signedOn: d(-30),
        expiresOn: d(300),
        ...body,
      },
    });
    if (res.status !== 201) throw new Error(`consent failed: ${res.status} ${res.text}`);
    return res.body;
  }

  function disclose(token: string, who: string, body: Record<string, unknown>) {
    return t.request('POST', `/api/participants/${who}/disclosures`, {
      token,
      body: { method: 'phone', disclosedOn: today, ...body },
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await participant(w.teamA.id, 'Avery', w.workerA.id);
    pB = await participant(w.teamB.id, 'Casey', w.workerB.id);
  });
  afterAll(() => t.close());

  it('stores a consent with every element, audits it, and answers a safe retry', async () => {
    const id = randomUUID();
    const body = {
      id,
      recipient: 'Riverside Clinic',
      purpose: 'So my nurse knows how my recovery is going',
      information: ['measures', 'substance_use_records'],
      part2: true,
      signedOn: d(-5),
      expiresOnEvent: 'When I finish treatment at Riverside',
    };
    const seq = await auditSeq(t);
    const res = await t.request('POST', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
      body,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      ...body,
      participantId: pA,
      teamId: w.teamA.id,
      expiresOn: null,
      eventOccurredOn: null,
      revokedOn: null,
      revokedById: null,
      recordedById: w.workerA.id,
      state: 'in_force',
      hasScan: false,
      scan: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(`SELECT * FROM consent WHERE id = $1`, [id]);
    expect(rows[0]).toMatchObject({
      team_id: w.teamA.id,
      participant_id: pA,
      information: ['measures', 'substance_use_records'],
      part2: true,
      expires_on: null,
      recorded_by_id: w.workerA.id,
    });
    expect(await auditActionsSince(t, seq)).toEqual(['create']);

    const seq2 = await auditSeq(t);
    const again = await t.request('POST', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
      body: { ...body, information: ['substance_use_records', 'measures'] },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
    expect(await auditActionsSince(t, seq2)).toEqual(['read']);
    const differs = await t.request('POST', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
      body: { ...body, recipient: 'Another Clinic' },
    });
    expect(differs.status).toBe(409);
    const n = await t.db.query(`SELECT count(*)::int AS n FROM consent WHERE id = $1`, [id]);
    expect(n.rows[0].n).toBe(1);
  });

  it('refuses a consent without an end, or with substance use records outside Part 2 (400, nothing stored)', async () => {
    const before = await tableChecksum(t, 'consent');
    const base = {
      recipient: 'Harbor Housing',
      purpose: 'Housing',
      information: ['contact_details'],
      part2: false,
      signedOn: d(-1),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base }, 'expiresOn'],
      [{ ...base, expiresOn: null, expiresOnEvent: null }, 'expiresOn'],
      [{ ...base, expiresOn: d(10), information: ['substance_use_records'] }, 'part2'],
      [{ ...base, expiresOn: d(-2) }, 'expiresOn'],
      [{ ...base, expiresOn: d(10), signedOn: d(1) }, 'signedOn'],
      [{ ...base, expiresOn: d(10), information: [] }, 'information'],
      [{ ...base, expiresOn: d(10), information: ['diary'] }, 'information'],
      [{ ...base, expiresOn: d(10), recipient: '   ' }, 'recipient'],
      [{ ...base, expiresOn: d(10), revokedOn: d(0) }, 'revokedOn'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', `/api/participants/${pA}/consents`, {
        token: w.workerA.token,
        body,
      });
      expect([field, res.status]).toEqual([field, 400]);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect(await tableChecksum(t, 'consent')).toBe(before);
  });

  it('a consent is in force from its signing day through its expiry day', async () => {
    const c = await consent(w.workerA.token, pA, {
      recipient: 'County Court',
      information: ['attendance'],
      signedOn: d(-10),
      expiresOn: d(-3),
    });
    expect(c.state).toBe('expired');
    const on = (day: string) =>
      disclose(w.workerA.token, pA, {
        recipient: 'County Court',
        information: ['attendance'],
        disclosedOn: day,
        consentId: c.id,
      });
    const before = await on(d(-11));
    expect(before.status).toBe(409);
    expect(before.body.errors.consentId[0]).toContain(`signed on ${d(-10)}`);
    expect((await on(d(-10))).status).toBe(201);
    expect((await on(d(-3))).status).toBe(201);
    const after = await on(d(-2));
    expect(after.status).toBe(409);
    expect(after.body.message).toContain(`the consent ended on ${d(-3)}`);
    const n = await t.db.query(
      `SELECT array_agg(disclosed_on::text ORDER BY disclosed_on) AS days FROM disclosure WHERE consent_id = $1`,
      [c.id],
    );
    expect(n.rows[0].days).toEqual([d(-10), d(-3)]);
  });

  it('a revocation takes effect on its own day; repeating it writes nothing, another is 409', async () => {
    const c = await consent(w.workerA.token, pA, {
      recipient: 'Legal Aid',
      information: ['advocacy'],
      signedOn: d(-20),
    });
    const seq = await auditSeq(t);
    const rev = await t.request('POST', `/api/consents/${c.id}/revoke`, {
      token: w.workerA.token,
      body: { revokedOn: d(-5) },
    });
    expect(rev.status).toBe(200);
    expect(rev.body).toMatchObject({
      revokedOn: d(-5),
      revokedById: w.workerA.id,
      state: 'revoked',
      version: 2,
    });
    expect(await auditActionsSince(t, seq)).toEqual(['update']);
    const stored = await tableChecksum(t, 'consent', `id = '${c.id}'`);
    const seq2 = await auditSeq(t);
    const again = await t.request('POST', `/api/consents/${c.id}/revoke`, {
      token: w.workerA.token,
      body: { revokedOn: d(-5) },
    });
    expect(again.status).toBe(200);
    expect(await auditActionsSince(t, seq2)).toEqual(['read']);
    const other = await t.request('POST', `/api/consents/${c.id}/revoke`, {
      token: w.supA.token,
      body: { revokedOn: d(-5) },
    });
    expect(other.status).toBe(409);
    expect(other.body.record).toMatchObject({ id: c.id, revokedOn: d(-5) });
    const later = await t.request('POST', `/api/consents/${c.id}/revoke`, {
      token: w.workerA.token,
      body: { revokedOn: d(-4) },
    });
    expect(later.status).toBe(409);
    expect(await tableChecksum(t, 'consent', `id = '${c.id}'`)).toBe(stored);

    const on = (day: string) =>
      disclose(w.workerA.token, pA, {
        recipient: 'Legal Aid',
        information: ['advocacy'],
        disclosedOn: day,
      });
    expect((await on(d(-6))).status).toBe(201);
    const same = await on(d(-5));
    expect(same.status).toBe(409);
    expect(same.body.message).toContain(`withdrawn on ${d(-5)}`);
    expect((await on(today)).status).toBe(409);
  });

  it('refuses a revocation before signing or in the future (400)', async () => {
    const c = await consent(w.workerA.token, pA, { recipient: 'Food Bank', signedOn: d(-2) });
    for (const revokedOn of [d(-3), d(1)]) {
      const res = await t.request('POST', `/api/consents/${c.id}/revoke`, {
        token: w.workerA.token,
        body: { revokedOn },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.revokedOn).toBeDefined();
    }
    const { rows } = await t.db.query(`SELECT revoked_on FROM consent WHERE id = $1`, [c.id]);
    expect(rows[0].revoked_on).toBeNull();
  });

  it('an expiry event ends the consent the day it happens; only eventOccurredOn changes', async () => {
    const c = await consent(w.workerA.token, pA, {
      recipient: 'Probation Office',
      information: ['attendance'],
      expiresOn: null,
      expiresOnEvent: 'When my probation ends',
      signedOn: d(-40),
    });
    const refused = await t.request('PATCH', `/api/consents/${c.id}`, {
      token: w.workerA.token,
      body: { version: 1, eventOccurredOn: d(-4), recipient: 'Someone else' },
    });
    expect(refused.status).toBe(400);
    const stale = await t.request('PATCH', `/api/consents/${c.id}`, {
      token: w.workerA.token,
      body: { version: 7, eventOccurredOn: d(-4) },
    });
    expect(stale.status).toBe(409);
    const res = await t.request('PATCH', `/api/consents/${c.id}`, {
      token: w.workerA.token,
      body: { version: 1, eventOccurredOn: d(-4) },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventOccurredOn: d(-4), state: 'expired', version: 2 });
    const again = await t.request('PATCH', `/api/consents/${c.id}`, {
      token: w.supA.token,
      body: { version: 1, eventOccurredOn: d(-4) },
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    const moved = await t.request('PATCH', `/api/consents/${c.id}`, {
      token: w.workerA.token,
      body: { version: 2, eventOccurredOn: d(-3) },
    });
    expect(moved.status).toBe(409);
    const on = (day: string) =>
      disclose(w.workerA.token, pA, {
        recipient: 'Probation Office',
        information: ['attendance'],
        disclosedOn: day,
        consentId: c.id,
      });
    expect((await on(d(-5))).status).toBe(201);
    const ended = await on(d(-4));
    expect(ended.status).toBe(409);
    expect(ended.body.message).toContain('When my probation ends');

    const dated = await consent(w.workerA.token, pA, { recipient: 'Job Centre' });
    const noEvent = await t.request('PATCH', `/api/consents/${dated.id}`, {
      token: w.workerA.token,
      body: { version: 1, eventOccurredOn: d(-1) },
    });
    expect(noEvent.status).toBe(400);
    expect(noEvent.body.errors.eventOccurredOn).toBeDefined();
  });

  it.each(INFORMATION_KINDS.map((k) => [k]))(
    'a consent that leaves out %s refuses to send it, naming it (409)',
    async (kind: InformationKind) => {
      const others = INFORMATION_KINDS.filter((k) => k !== kind);
      const recipient = `Agency for ${kind}`;
      await consent(w.workerA.token, pA, {
        recipient,
        information: others,
        part2: others.includes('substance_use_records'),
      });
      const before = await tableChecksum(t, 'disclosure');
      const res = await disclose(w.workerA.token, pA, {
        recipient,
        information: [kind, others[0]],
      });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        statusCode: 409,
        message: `The consent to share with ${recipient} does not cover: ${kind}`,
        errors: { information: [`${kind} is not covered by the consent`] },
      });
      expect(await tableChecksum(t, 'disclosure')).toBe(before);
      const ok = await disclose(w.workerA.token, pA, { recipient, information: others });
      expect(ok.status).toBe(201);
    },
  );

  it('finds the consent by recipient ignoring case and spaces; stores purpose, by and the Part 2 notice', async () => {
    const housing = await consent(w.workerA.token, pA, {
      recipient: 'Harbor Housing',
      purpose: 'To find me a flat',
      information: ['contact_details', 'plan'],
    });
    const part2 = await consent(w.workerA.token, pA, {
      recipient: 'Riverside Treatment',
      purpose: 'Coordinating my care',
      information: ['substance_use_records'],
      part2: true,
    });
    const id = randomUUID();
    const res = await disclose(w.workerA.token, pA, {
      id,
      recipient: '  harbor HOUSING ',
      information: ['plan'],
      method: 'email',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id,
      participantId: pA,
      teamId: w.teamA.id,
      recipient: 'harbor HOUSING',
      information: ['plan'],
      disclosedOn: today,
      method: 'email',
      consentId: housing.id,
      emergency: false,
      reason: null,
      purpose: 'To find me a flat',
      byId: w.workerA.id,
      byName: expect.any(String),
      redisclosureNotice: null,
      createdAt: expect.any(String),
    });
    const { rows } = await t.db.query(`SELECT * FROM disclosure WHERE id = $1`, [id]);
    expect(rows[0]).toMatchObject({
      consent_id: housing.id,
      purpose: 'To find me a flat',
      by_id: w.workerA.id,
      emergency: false,
    });
    const retry = await disclose(w.workerA.token, pA, {
      id,
      recipient: 'harbor HOUSING',
      information: ['plan'],
      method: 'email',
    });
    expect(retry.status).toBe(200);

    const p2 = await disclose(w.workerA.token, pA, {
      recipient: 'riverside treatment',
      information: ['substance_use_records'],
    });
    expect(p2.status).toBe(201);
    expect(p2.body).toMatchObject({ consentId: part2.id, purpose: 'Coordinating my care' });
    expect(p2.body.redisclosureNotice).toBe(PART2_REDISCLOSURE_NOTICE);
    expect(p2.body.redisclosureNotice).toContain('42 CFR part 2');

    const nobody = await disclose(w.workerA.token, pA, {
      recipient: 'Harbour Housing Trust',
      information: ['plan'],
    });
    expect(nobody.status).toBe(409);
    expect(nobody.body.message).toBe(
      'There is no consent on file to share with Harbour Housing Trust',
    );
    const wrongOne = await disclose(w.workerA.token, pA, {
      recipient: 'Harbor Housing',
      information: ['plan'],
      consentId: part2.id,
    });
    expect(wrongOne.status).toBe(409);
    expect(wrongOne.body.errors).toEqual({
      recipient: ['the consent is for Riverside Treatment, not Harbor Housing'],
      information: ['the consent does not cover: plan'],
    });
  });

  it('an emergency disclosure needs a reason, is stored with it and shown to supervisors', async () => {
    const before = await tableChecksum(t, 'disclosure');
    for (const [body, field] of [
      [{ emergency: true }, 'reason'],
      [{ emergency: true, reason: '  ' }, 'reason'],
      [{ emergency: false, reason: 'Because' }, 'reason'],
      [{ emergency: true, reason: 'Crisis', consentId: randomUUID() }, 'consentId'],
      [{ emergency: true, reason: 'Crisis', disclosedOn: d(1) }, 'disclosedOn'],
    ] as const) {
      const res = await disclose(w.workerA.token, pA, {
        recipient: 'City Crisis Team',
        information: ['contact_details'],
        ...body,
      });
      expect([field, res.status]).toEqual([field, 400]);
      expect(Object.keys(res.body.errors)).toContain(field);
    }
    expect(await tableChecksum(t, 'disclosure')).toBe(before);
    const seq = await auditSeq(t);
    const reason = 'Avery said they were not safe tonight; the crisis team needed an address';
    const res = await disclose(w.workerA.token, pA, {
      recipient: 'City Crisis Team',
      information: ['contact_details'],
      emergency: true,
      reason,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      consentId: null,
      emergency: true,
      reason,
      purpose: reason,
      byId: w.workerA.id,
    });
    expect(await auditActionsSince(t, seq)).toEqual(['create']);
    const audit = await t.request(
      'GET',
      `/api/audit?participantId=${pA}&action=create&pageSize=100`,
      { token: w.supA.token },
    );
    expect(audit.status).toBe(200);
    const event = audit.body.items.find((e: any) => e.entityId === res.body.id);
    expect(event).toMatchObject({ entityType: 'disclosure' });
    expect(event.details).toMatchObject({ emergency: true, reason });
  });

  it('the accounting lists the last three years by default, newest first, and is audited', async () => {
    const { rows } = await t.db.query(
      `INSERT INTO disclosure (team_id, participant_id, recipient, information, disclosed_on, method, emergency, reason, purpose, by_id)
       VALUES ($1, $2, 'Old Shelter', '{contact_details}', $3, 'phone', true, 'Long ago', 'Long ago', $4) RETURNING id`,
      [w.teamA.id, pA, addDays(today, -3 * 366 - 5), w.workerA.id],
    );
    const seq = await auditSeq(t);
    const res = await t.request('GET', `/api/participants/${pA}/disclosures?pageSize=100`, {
      token: w.workerA.token,
    });
    expect(res.status).toBe(200);
    const days = res.body.items.map((x: any) => x.disclosedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(res.body.items.map((x: any) => x.id)).not.toContain(rows[0].id);
    expect(res.body.total).toBe(res.body.items.length);
    expect(await auditActionsSince(t, seq)).toEqual(['read']);
    const all = await t.request(
      'GET',
      `/api/participants/${pA}/disclosures?from=${addDays(today, -4 * 366)}&pageSize=100`,
      { token: w.supA.token },
    );
    expect(all.body.items.map((x: any) => x.id)).toContain(rows[0].id);
    expect(all.body.total).toBe(res.body.total + 1);
    const bad = await t.request(
      'GET',
      `/api/participants/${pA}/disclosures?from=${today}&to=${d(-1)}`,
      { token: w.supA.token },
    );
    expect(bad.status).toBe(400);
    const consents = await t.request('GET', `/api/participants/${pA}/consents?pageSize=100`, {
      token: w.workerA.token,
    });
    expect(consents.status).toBe(200);
    expect(consents.body.items.every((c: any) => c.participantId === pA)).toBe(true);
    expect(consents.body.items.map((c: any) => c.state)).toEqual(
      expect.arrayContaining(['in_force', 'expired', 'revoked']),
    );
  });

  it('another team gets 404 for every consent and disclosure route; nothing changes', async () => {
    const c = await consent(w.workerB.token, pB, { recipient: 'Harbor Housing' });
    const beforeC = await tableChecksum(t, 'consent');
    const beforeD = await tableChecksum(t, 'disclosure');
    for (const [method, path, body] of [
      ['GET', `/api/participants/${pB}/consents`, undefined],
      ['POST', `/api/participants/${pB}/consents`, { ...c, id: undefined }],
      ['GET', `/api/participants/${pB}/disclosures`, undefined],
      [
        'POST',
        `/api/participants/${pB}/disclosures`,
        {
          recipient: 'Harbor Housing',
          information: ['contact_details'],
          disclosedOn: today,
          method: 'phone',
        },
      ],
      ['GET', `/api/consents/${c.id}`, undefined],
      ['PATCH', `/api/consents/${c.id}`, { version: 1, eventOccurredOn: today }],
      ['POST', `/api/consents/${c.id}/revoke`, { revokedOn: today }],
      [
        'POST',
        `/api/participants/${pA}/disclosures`,
        {
          recipient: 'Harbor Housing',
          information: ['contact_details'],
          disclosedOn: today,
          method: 'phone',
          consentId: c.id,
        },
      ],
    ] as const) {
      const send =
        body && 'participantId' in body
          ? Object.fromEntries(
              Object.entries(body).filter(([k]) =>
                [
                  'recipient',
                  'purpose',
                  'information',
                  'part2',
                  'signedOn',
                  'expiresOn',
                  'expiresOnEvent',
                ].includes(k),
              ),
            )
          : body;
      const res = await t.request(method, path, { token: w.workerA.token, body: send });
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    expect(await tableChecksum(t, 'consent')).toBe(beforeC);
    expect(await tableChecksum(t, 'disclosure')).toBe(beforeD);
    const denied = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'access_denied' AND entity_type = 'consent' AND entity_id = $1`,
      [c.id],
    );
    expect(denied.rows[0].n).toBeGreaterThanOrEqual(3);
  });

  it("counts consents ending in the next 30 days on the primary worker's caseload row", async () => {
    const pC = await participant(w.teamA.id, 'Dana', w.workerA2.id);
    const ending = (expiresOn: string, extra: Record<string, unknown> = {}) =>
      consent(w.supA.token, pC, { recipient: `Ends ${expiresOn}`, expiresOn, ...extra });
    await ending(d(1));
    await ending(d(30));
    await ending(d(31));
    await ending(today);
    const revoked = await ending(d(10));
    await t.request('POST', `/api/consents/${revoked.id}/revoke`, {
      token: w.supA.token,
      body: { revokedOn: today },
    });
    const ended = await ending(d(12), { expiresOnEvent: 'When I move house' });
    await t.request('PATCH', `/api/consents/${ended.id}`, {
      token: w.supA.token,
      body: { version: 1, eventOccurredOn: d(-1) },
    });
    const res = await t.request('GET', '/api/reports/caseload', { token: w.supA.token });
    expect(res.status).toBe(200);
    const row = res.body.workers.find((r: any) => r.workerId === w.workerA2.id);
    expect(row.consentsExpiringSoon).toBe(2);
    const own = await t.request('GET', '/api/reports/caseload', { token: w.workerA2.token });
    expect(own.body.workers[0].consentsExpiringSoon).toBe(2);
    const later = await t.request('GET', `/api/reports/caseload?asOf=${d(2)}`, {
      token: w.workerA2.token,
    });
    expect(later.body.workers[0].consentsExpiringSoon).toBe(2); // d(30), d(31); d(1) has ended
    const other = await t.request('GET', '/api/reports/caseload', { token: w.supB.token });
    expect(other.body.totals.consentsExpiringSoon).toBe(0);
  });

  it('gives the person their whole record without naming anyone else, audited as an export', async () => {
    const other = await participant(w.teamA.id, 'Quinlan', w.workerA.id);
    const session = await t.request('POST', '/api/sessions', {
      token: w.workerA.token,
      body: {
        type: 'support_group',
        setting: 'community_center',
        startsAt: `${d(-2)}T15:00:00Z`,
        durationMinutes: 60,
        title: 'Tuesday circle',
        notes: 'Quinlan shared about their week',
        attendance: [
          { participantId: pA, status: 'attended', note: 'Avery led the check-in' },
          { participantId: other, status: 'attended', note: 'Quinlan was quiet today' },
        ],
      },
    });
    expect(session.status).toBe(201);
    const seq = await auditSeq(t);
    const res = await t.request('GET', `/api/participants/${pA}/record?format=json`, {
      token: w.workerA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ id: pA, firstName: 'Avery', teamName: 'Team A' });
    // The cell keys of SPEC §14 are never shown, here neither.
    expect(JSON.stringify(res.body)).not.toMatch(/record_?key/i);
    expect(res.body.sessions).toEqual([
      expect.objectContaining({
        id: session.body.id,
        title: 'Tuesday circle',
        attendance: 'attended',
        attendanceNote: 'Avery led the check-in',
        othersAttending: 1,
        sessionNotes: null,
        notes: [],
      }),
    ]);
    expect(res.text).not.toContain('Quinlan');
    expect(res.text).not.toContain(other);
    expect(res.body.consents.length).toBeGreaterThan(0);
    expect(res.body.disclosures.length).toBeGreaterThan(0);
    expect(res.body.consents.every((c: any) => c.participantId === pA)).toBe(true);
    expect(await auditActionsSince(t, seq)).toEqual(['export']);
    const { rows } = await t.db.query(
      `SELECT entity_type, participant_id, team_id FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(rows).toEqual([{ entity_type: 'participant', participant_id: pA, team_id: w.teamA.id }]);
    const admin = await t.request('GET', `/api/participants/${pA}/record`, {
      token: w.admin.token,
    });
    expect(admin.status).toBe(403);
    const otherTeam = await t.request('GET', `/api/participants/${pA}/record`, {
      token: w.workerB.token,
    });
    expect(otherTeam.status).toBe(404);
    const docx = await t.request('GET', `/api/participants/${pA}/record?format=docx`, {
      token: w.workerA.token,
    });
    expect(docx.status).toBe(400);
    expect(docx.text).toContain('format');
  });

  it('gives the accounting as a CSV file: every disclosure of the period, audited like the list', async () => {
    const json = await t.request('GET', `/api/participants/${pA}/disclosures?pageSize=100`, {
      token: w.workerA.token,
    });
    expect(json.status).toBe(200);
    expect(json.body.total).toBeGreaterThan(1);
    const seq = await auditSeq(t);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${pA}/disclosures?format=csv&pageSize=1`,
      headers: { authorization: `Bearer ${w.workerA.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="peerpath-disclosures-\\d{4}-\\d{2}-\\d{2}-to-${today}\\.csv"$`,
      ),
    );
    expect(String(res.headers['content-disposition'])).not.toContain('Avery');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'date,recipient,information,purpose,consent or emergency reason,who,redisclosure notice',
    );
    // Every disclosure of the period, whatever the page size asked for; newest first.
    const rows = parseCsv(res.body).slice(1);
    expect(rows).toHaveLength(json.body.total);
    expect(rows.map((r) => r[0])).toEqual(json.body.items.map((x: any) => x.disclosedOn));
    expect(rows.map((r) => r[1])).toEqual(json.body.items.map((x: any) => x.recipient));
    const emergency = json.body.items.findIndex((x: any) => x.emergency);
    expect(emergency).toBeGreaterThanOrEqual(0);
    expect(rows[emergency][4]).toBe(`emergency: ${json.body.items[emergency].reason}`);
    const underConsent = json.body.items.findIndex((x: any) => !x.emergency);
    expect(rows[underConsent][4]).toBe(`consent ${json.body.items[underConsent].consentId}`);
    expect(rows[underConsent][5]).toBe(json.body.items[underConsent].byName);
    const part2 = json.body.items.findIndex((x: any) => x.redisclosureNotice);
    expect(part2).toBeGreaterThanOrEqual(0);
    expect(rows[part2][6]).toBe(PART2_REDISCLOSURE_NOTICE);
    expect(rows[emergency][6]).toBe('');
    expect(res.body).not.toContain('Old Shelter'); // older than three years
    expect(await auditActionsSince(t, seq)).toEqual(['read']);
    const { rows: audit } = await t.db.query(
      `SELECT entity_type, participant_id, team_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(audit).toEqual([
      {
        entity_type: 'disclosure',
        participant_id: pA,
        team_id: w.teamA.id,
        details: {
          filters: expect.objectContaining({ participantId: pA, to: today, format: 'csv' }),
        },
      },
    ]);
    const from = audit[0].details.filters.from as string;
    expect(from.slice(0, 4)).toBe(String(Number(today.slice(0, 4)) - 3));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="peerpath-disclosures-${from}-to-${today}.csv"`,
    );
    const bad = await t.request('GET', `/api/participants/${pA}/disclosures?format=xml`, {
      token: w.workerA.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('format');
    const otherTeam = await t.request('GET', `/api/participants/${pA}/disclosures?format=csv`, {
      token: w.workerB.token,
    });
    expect(otherTeam.status).toBe(404);
  });

  it('prints the record as a PDF for the person, with the Part 2 notice and nobody else’s name, audited as an export', async () => {
    const part2 = await consent(w.workerA.token, pA, {
      recipient: 'Riverside Recovery Clinic',
      purpose: 'To coordinate my treatment',
      information: ['substance_use_records'],
      part2: true,
    });
    const shared = await disclose(w.workerA.token, pA, {
      recipient: 'Riverside Recovery Clinic',
      information: ['substance_use_records'],
      consentId: part2.id,
    });
    expect(shared.status).toBe(201);
    const seq = await auditSeq(t);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${pA}/record?format=pdf`,
      headers: { authorization: `Bearer ${w.workerA.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="peerpath-record-${today}.pdf"`,
    );
    expect(String(res.headers['content-disposition'])).not.toContain('Avery');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    const text = pdfText(pdf).replace(/\n/g, ' ');
    for (const words of [
      'Personal record: Avery Example',
      'Sessions',
      'Tuesday circle',
      'Consents to share',
      'Riverside Recovery Clinic',
      'Harbor Housing',
      'What we shared, and with whom',
    ]) {
      expect(text).toContain(words);
    }
    expect(text.replace(/\s+/g, ' ')).toContain(
      PART2_REDISCLOSURE_NOTICE.slice(0, 60).replace(/\s+/g, ' '),
    );
    expect(text).not.toContain('Quinlan');
    expect(pdf).not.toContain('Quinlan');
    expect(text).not.toContain(pA);
    expect(text).not.toContain('Record key'); // bookkeeping, not the person's record
    expect(await auditActionsSince(t, seq)).toEqual(['export']);
    const { rows } = await t.db.query(
      `SELECT entity_type, participant_id, team_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(rows).toEqual([
      {
        entity_type: 'participant',
        participant_id: pA,
        team_id: w.teamA.id,
        details: { record: true, format: 'pdf' },
      },
    ]);
    const otherTeam = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${pA}/record?format=pdf`,
      headers: { authorization: `Bearer ${w.workerB.token}` },
    });
    expect(otherTeam.statusCode).toBe(404);
    expect(await auditActionsSince(t, seq)).toEqual(['access_denied', 'export']);
  });

  it('consents and disclosures move with the participant (SPEC §1)', async () => {
    const counts = await t.db.query(
      `SELECT (SELECT count(*) FROM consent WHERE participant_id = $1)::int AS c,
              (SELECT count(*) FROM disclosure WHERE participant_id = $1)::int AS d`,
      [pA],
    );
    const { rows: v } = await t.db.query(`SELECT version FROM participant WHERE id = $1`, [pA]);
    const res = await t.request('PATCH', `/api/participants/${pA}`, {
      token: w.admin.token,
      body: { version: v[0].version, teamId: w.teamB.id, primaryWorkerId: w.workerB.id },
    });
    expect(res.status).toBe(200);
    const left = await t.db.query(
      `SELECT (SELECT count(*) FROM consent WHERE participant_id = $1 AND team_id <> $2)::int AS c,
              (SELECT count(*) FROM disclosure WHERE participant_id = $1 AND team_id <> $2)::int AS d`,
      [pA, w.teamB.id],
    );
    expect(left.rows[0]).toEqual({ c: 0, d: 0 });
    const audit = await t.db.query(
      `SELECT details FROM audit_event WHERE entity_type = 'participant' AND participant_id = $1 AND action = 'update' ORDER BY seq DESC LIMIT 1`,
      [pA],
    );
    expect(audit.rows[0].details.moved).toMatchObject({
      consent: counts.rows[0].c,
      disclosure: counts.rows[0].d,
    });
    const old = await t.request('GET', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
    });
    expect(old.status).toBe(404);
    const fresh = await t.request('GET', `/api/participants/${pA}/disclosures`, {
      token: w.workerB.token,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.total).toBeGreaterThan(0);
  });
});

/**
 * The text drawn in a PDF. pdfkit writes each run of text as hex glyph codes
 * in a TJ array (kerning numbers between them); the standard fonts use
 * single-byte codes, so decoding the hex gives the text back.
 */
function pdfText(pdf: string): string {
  const runs: string[] = [];
  for (const [, array] of pdf.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let run = '';
    for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) {
      run += Buffer.from(hex, 'hex').toString('latin1');
    }
    runs.push(run);
  }
  return runs.join('\n');
}

/** A small RFC 4180 reader: quoted cells, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
