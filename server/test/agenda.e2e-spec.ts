import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { auditSeq } from './support/routes';

/**
 * SPEC §11 the worker's day: one item of every kind for a worker, none of
 * another team's (nor of a colleague's), who may see whose day, and the
 * read audited.
 */
describe('GET /api/agenda', () => {
  let t: TestApp;
  let w: World;
  const D = '2026-03-20';

  interface Day {
    consentId: string;
    participantId: string;
    handoutId: string;
    advocacyId: string;
    systemicId: string;
    decisionNoteId: string;
    planId: string;
    sessionId: string;
    alertId: string;
  }

  /** One record of every kind that comes due, for `workerId`'s participant `firstName`, plus some that do not. */
  async function seedDay(teamId: string, workerId: string, firstName: string): Promise<Day> {
    const q = async (sql: string, params: unknown[]) =>
      (await t.db.query(sql, params)).rows[0]?.id as string;
    const participantId = await q(
      `INSERT INTO participant (team_id, first_name, last_name, preferred_name, enrolled_on, primary_worker_id)
       VALUES ($1, $2, 'Example', NULL, '2025-01-06', $3) RETURNING id`,
      [teamId, firstName, workerId],
    );
    const resourceId = await q(
      `INSERT INTO resource (name, category) VALUES ($1, 'housing') RETURNING id`,
      [`Harbor Housing Help Desk for ${firstName}`],
    );
    const handoutId = await q(
      `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, follow_up_on)
       VALUES ($1, $2, $3, $4, '2026-03-11', 'warm_handoff', '2026-03-18') RETURNING id`,
      [teamId, participantId, resourceId, workerId],
    );
    // Followed up already, and one not due yet: neither shows.
    await q(
      `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, follow_up_on, outcome)
       VALUES ($1, $2, $3, $4, '2026-03-01', 'printed', '2026-03-05', 'connected'),
              ($1, $2, $3, $4, '2026-03-15', 'printed', '2026-03-21', 'pending')`,
      [teamId, participantId, resourceId, workerId],
    );
    const advocacyId = await q(
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, status, opened_on, due_on, worker_id)
       VALUES ($1, $2, 'individual', 'housing', 'Appeal the rent increase', 'in_progress', '2026-03-01', '2026-03-19', $3)
       RETURNING id`,
      [teamId, participantId, workerId],
    );
    const systemicId = await q(
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, status, opened_on, due_on, worker_id)
       VALUES ($1, NULL, 'systemic', 'policy', 'Ask the council for later bus hours', 'open', '2026-02-01', '2026-03-20', $2)
       RETURNING id`,
      [teamId, workerId],
    );
    await q(
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, status, opened_on, due_on, completed_on, worker_id)
       VALUES ($1, $2, 'individual', 'benefits', 'Done already', 'done', '2026-03-01', '2026-03-02', '2026-03-02', $3),
              ($1, $2, 'individual', 'benefits', 'Not due yet', 'open', '2026-03-01', '2026-03-21', NULL, $3)`,
      [teamId, participantId, workerId],
    );
    const decisionNoteId = await q(
      `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decided_by, follow_up_on)
       VALUES ($1, $2, $3, '2026-03-06', 'trying the evening group', '[{"label":"Try it"}]', 'shared', '2026-03-20')
       RETURNING id`,
      [teamId, participantId, workerId],
    );
    const planId = await q(
      `INSERT INTO recovery_plan (team_id, participant_id, version_no, status, wellness, created_by_id,
                                  activated_on, participant_agreed_on, activated_by_id, review_due_on)
       VALUES ($1, $2, 1, 'active', '{}', $3, '2025-12-15', '2025-12-15', $3, '2026-03-15') RETURNING id`,
      [teamId, participantId, workerId],
    );
    // A BARC-10 on 2025-12-10: the next is due 90 days later, 2026-03-10.
    await q(
      `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band, administered_by_id)
       VALUES ($1, $2, 'barc10', '2025-12-10', $3, 40, 'building', $4) RETURNING id`,
      [teamId, participantId, Array(10).fill(4), workerId],
    );
    const phq = await q(
      `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band, administered_by_id)
       VALUES ($1, $2, 'phq9', '2026-03-12', $3, 9, 'mild', $4) RETURNING id`,
      [teamId, participantId, [1, 1, 1, 1, 1, 1, 1, 1, 1], workerId],
    );
    const alertId = await q(
      `INSERT INTO safety_alert (team_id, participant_id, measurement_id, kind, raised_at)
       VALUES ($1, $2, $3, 'phq9_item9', '2026-03-12T15:00:00Z') RETURNING id`,
      [teamId, participantId, phq],
    );
    const sessionId = await q(
      `INSERT INTO support_session (team_id, type, setting, starts_at, duration_minutes, facilitator_id, title)
       VALUES ($1, 'one_to_one_mentoring', 'phone', '2026-03-16T16:00:00Z', 30, $2, 'a check-in call') RETURNING id`,
      [teamId, workerId],
    );
    await q(
      `INSERT INTO attendance (session_id, participant_id, status) VALUES ($1, $2, 'attended')`,
      [sessionId, participantId],
    );
    // Older than the 30-day window: not on the agenda (nor in the caseload figure).
    const old = await q(
      `INSERT INTO support_session (team_id, type, setting, starts_at, duration_minutes, facilitator_id)
       VALUES ($1, 'one_to_one_mentoring', 'phone', '2026-02-01T16:00:00Z', 30, $2) RETURNING id`,
      [teamId, workerId],
    );
    await q(
      `INSERT INTO attendance (session_id, participant_id, status) VALUES ($1, $2, 'attended')`,
      [old, participantId],
    );
    // A consent to share ending 25 days after D: on the agenda of D (not of a date 30+ days before
    // its end); one withdrawn and one ending later are not.
    const consentId = await q(
      `INSERT INTO consent (team_id, participant_id, recipient, purpose, information, part2, signed_on, expires_on, recorded_by_id)
       VALUES ($1, $2, 'Harbor Housing', 'Finding a flat', '{contact_details}', false, '2026-01-05', '2026-04-14', $3)
       RETURNING id`,
      [teamId, participantId, workerId],
    );
    await q(
      `INSERT INTO consent (team_id, participant_id, recipient, purpose, information, part2, signed_on, expires_on, revoked_on, revoked_by_id, recorded_by_id)
       VALUES ($1, $2, 'City Clinic', 'Appointments', '{attendance}', false, '2026-01-05', '2026-04-01', '2026-03-01', $3, $3),
              ($1, $2, 'Court Office', 'A letter', '{attendance}', false, '2026-01-05', '2026-05-30', NULL, NULL, $3)`,
      [teamId, participantId, workerId],
    );
    return {
      consentId,
      participantId,
      handoutId,
      advocacyId,
      systemicId,
      decisionNoteId,
      planId,
      sessionId,
      alertId,
    };
  }

  function expected(d: Day, name: string) {
    const person = { participantId: d.participantId, participantName: `${name} Example` };
    return [
      {
        kind: 'measure_due',
        dueOn: '2026-03-10',
        ...person,
        title: 'BARC-10 is due',
        link: `/participants/${d.participantId}`,
        recordId: d.participantId,
      },
      {
        kind: 'safety_alert',
        dueOn: '2026-03-12',
        ...person,
        title: 'Reach out: an answer about thoughts of self-harm needs a check-in',
        link: `/participants/${d.participantId}`,
        recordId: d.alertId,
      },
      {
        kind: 'plan_review',
        dueOn: '2026-03-15',
        ...person,
        title: 'Review the recovery plan together',
        link: `/participants/${d.participantId}/plan`,
        recordId: d.planId,
      },
      {
        kind: 'note_awaiting_signature',
        dueOn: '2026-03-16',
        ...person,
        title: 'Write and sign the note for a check-in call',
        link: `/sessions/${d.sessionId}`,
        recordId: d.sessionId,
      },
      {
        kind: 'handout_follow_up',
        dueOn: '2026-03-18',
        ...person,
        title: `Follow up on Harbor Housing Help Desk for ${name}`,
        link: `/participants/${d.participantId}`,
        recordId: d.handoutId,
      },
      {
        kind: 'advocacy_due',
        dueOn: '2026-03-19',
        ...person,
        title: 'Appeal the rent increase',
        link: `/participants/${d.participantId}`,
        recordId: d.advocacyId,
      },
      {
        kind: 'advocacy_due',
        dueOn: '2026-03-20',
        participantId: null,
        participantName: null,
        title: 'Ask the council for later bus hours',
        link: '/advocacy',
        recordId: d.systemicId,
      },
      {
        kind: 'decision_note_check_in',
        dueOn: '2026-03-20',
        ...person,
        title: 'Check in: trying the evening group',
        link: `/decision-notes/${d.decisionNoteId}`,
        recordId: d.decisionNoteId,
      },
      {
        kind: 'consent_expiring',
        dueOn: '2026-04-14',
        ...person,
        title: 'Consent to share with Harbor Housing ends: ask whether to renew it',
        link: `/participants/${d.participantId}`,
        recordId: d.consentId,
      },
    ];
  }

  let dayA: Day;
  let dayA2: Day;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    dayA = await seedDay(w.teamA.id, w.workerA.id, 'Avery');
    dayA2 = await seedDay(w.teamA.id, w.workerA2.id, 'Blake');
    await seedDay(w.teamB.id, w.workerB.id, 'Casey');
    await seedDay(w.teamB.id, w.supB.id, 'Dana');
  });
  afterAll(() => t.close());

  it('lists one item of every kind due on or before the date, oldest first, and none of anyone else', async () => {
    const seq = await auditSeq(t);
    const res = await t.request('GET', `/api/agenda?date=${D}`, { token: w.workerA.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: D, workerId: w.workerA.id, items: expected(dayA, 'Avery') });
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, team_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(rows).toEqual([
      {
        actor_id: w.workerA.id,
        action: 'read',
        entity_type: 'participant',
        team_id: w.teamA.id,
        details: { view: 'agenda', filters: { date: D, workerId: w.workerA.id } },
      },
    ]);
  });

  it('leaves out what is done: a signed note, a resolved alert, a plan reviewed, a measure taken, a consent withdrawn', async () => {
    await t.db.query(
      `INSERT INTO session_note (team_id, session_id, participant_id, format, sections, status, signed_at, signed_by_id)
       VALUES ($1, $2, $3, 'free', '{"text":"We talked about the week."}', 'signed', now(), $4)`,
      [w.teamA.id, dayA2.sessionId, dayA2.participantId, w.workerA2.id],
    );
    await t.db.query(
      `UPDATE safety_alert SET resolved_at = now(), resolved_by_id = $2, resolution = 'Called; safe.' WHERE id = $1`,
      [dayA2.alertId, w.workerA2.id],
    );
    await t.db.query(`UPDATE recovery_plan SET review_due_on = '2026-06-15' WHERE id = $1`, [
      dayA2.planId,
    ]);
    await t.db.query(
      `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band, administered_by_id)
       VALUES ($1, $2, 'barc10', '2026-03-11', $3, 40, 'building', $4)`,
      [w.teamA.id, dayA2.participantId, Array(10).fill(4), w.workerA2.id],
    );
    await t.db.query(`UPDATE consent SET revoked_on = $2, revoked_by_id = $3 WHERE id = $1`, [
      dayA2.consentId,
      D,
      w.workerA2.id,
    ]);
    const res = await t.request('GET', `/api/agenda?date=${D}&workerId=${w.workerA2.id}`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    const kinds = (res.body.items as { kind: string }[]).map((i) => i.kind);
    expect(kinds).toEqual([
      'handout_follow_up',
      'advocacy_due',
      'advocacy_due',
      'decision_note_check_in',
    ]);
  });

  it('agrees with the caseload report’s figures for the same worker and day', async () => {
    const caseload = await t.request('GET', `/api/reports/caseload?asOf=${D}`, {
      token: w.workerA.token,
    });
    expect(caseload.status).toBe(200);
    const row = caseload.body.workers[0];
    const agenda = await t.request('GET', `/api/agenda?date=${D}`, { token: w.workerA.token });
    const count = (kind: string) =>
      (agenda.body.items as { kind: string }[]).filter((i) => i.kind === kind).length;
    expect({
      referralsAwaitingFollowUp: count('handout_follow_up'),
      notesAwaitingSignature: count('note_awaiting_signature'),
      plansDueForReview: count('plan_review'),
      measuresDue: count('measure_due'),
      openSafetyAlerts: count('safety_alert'),
      consentsExpiringSoon: count('consent_expiring'),
    }).toEqual({
      referralsAwaitingFollowUp: row.referralsAwaitingFollowUp,
      notesAwaitingSignature: row.notesAwaitingSignature,
      plansDueForReview: row.plansDueForReview,
      measuresDue: row.measuresDue,
      openSafetyAlerts: row.openSafetyAlerts,
      consentsExpiringSoon: row.consentsExpiringSoon,
    });
    expect(row.consentsExpiringSoon).toBe(1);
    expect(row.referralsAwaitingFollowUp).toBe(1);
  });

  it('an earlier date shows only what was due by then', async () => {
    const res = await t.request('GET', `/api/agenda?date=2026-03-12`, { token: w.workerA.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expected(dayA, 'Avery').slice(0, 2));
  });

  it('a supervisor sees a worker of the team, and on their own day every open alert of the team', async () => {
    const res = await t.request('GET', `/api/agenda?date=${D}&workerId=${w.workerA.id}`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ date: D, workerId: w.workerA.id, items: expected(dayA, 'Avery') });

    const own = await t.request('GET', `/api/agenda?date=${D}`, { token: w.supA.token });
    expect(own.status).toBe(200);
    // Blake's alert was resolved above; Avery's is open.
    expect(own.body.items).toEqual([expected(dayA, 'Avery')[1]]);
  });

  it('another team’s worker is 404, a colleague for a worker 403, an admin names a worker', async () => {
    for (const [token, workerId, status] of [
      [w.supA.token, w.workerB.id, 404],
      [w.workerA.token, w.workerB.id, 404],
      [w.workerA.token, w.workerA2.id, 403],
      [w.supA.token, w.admin.id, 404],
      [w.supA.token, '00000000-0000-4000-8000-000000000000', 404],
    ] as const) {
      const res = await t.request('GET', `/api/agenda?date=${D}&workerId=${workerId}`, { token });
      expect([res.status, res.body.items]).toEqual([status, undefined]);
    }
    const admin = await t.request('GET', `/api/agenda?date=${D}&workerId=${w.workerA.id}`, {
      token: w.admin.token,
    });
    expect(admin.status).toBe(200);
    expect(admin.body.items).toEqual(expected(dayA, 'Avery'));
    const noWorker = await t.request('GET', `/api/agenda`, { token: w.admin.token });
    expect(noWorker.status).toBe(400);
    expect(noWorker.body.errors).toHaveProperty('workerId');
  });

  it('bad input names the field', async () => {
    for (const [url, field] of [
      ['/api/agenda?date=2026-02-30', 'date'],
      ['/api/agenda?workerId=nope', 'workerId'],
      ['/api/agenda?when=today', 'when'],
    ]) {
      const res = await t.request('GET', url, { token: w.workerA.token });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body.message)).toContain(field);
    }
    expect((await t.request('GET', '/api/agenda')).status).toBe(401);
  });

  it('defaults to today', async () => {
    const res = await t.request('GET', '/api/agenda', { token: w.workerB.token });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(new Date().toISOString().slice(0, 10));
    expect(res.body.workerId).toBe(w.workerB.id);
  });
});
