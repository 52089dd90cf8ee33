import { addDays, type CaseloadReport, type CaseloadRow } from '@peerpath/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo';
import { createDemoTestApp, login, tableChecksum, type TestApp } from './harness';

/*
 * The lists behind the caseload's plan, note and measure figures (SPEC §7–§9):
 * on the demo organisation, each list holds exactly the people or attendances
 * its figure counts, for every worker.
 */
describe('caseload figures: the lists behind them', () => {
  let t: TestApp;
  let token: string;
  let report: CaseloadReport;

  beforeAll(async () => {
    t = await createDemoTestApp();
    token = await login(t, 'maya.okafor@northside.example', DEMO_PASSWORD);
    const res = await t.request('GET', '/api/reports/caseload', { token });
    expect(res.status).toBe(200);
    report = res.body;
  });
  afterAll(() => t.close());

  const people = async (w: CaseloadRow, filter: string, as = token) => {
    const res = await t.request(
      'GET',
      `/api/participants?primaryWorkerId=${w.workerId}&status=active&pageSize=100&${filter}`,
      { token: as },
    );
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { id: string }[] };
  };

  it('plansDueForReview, participantsWithoutPlan and measuresDue: the same people, worker by worker', async () => {
    const { asOf } = report;
    expect(report.totals.plansDueForReview).toBeGreaterThan(0);
    expect(report.totals.participantsWithoutPlan).toBeGreaterThan(0);
    expect(report.totals.measuresDue).toBeGreaterThan(0);
    for (const w of report.workers) {
      const due = await people(w, `planReviewDueBy=${asOf}`);
      expect([w.displayName, due.total]).toEqual([w.displayName, w.plansDueForReview]);
      const none = await people(w, `withoutPlanEnrolledBy=${addDays(asOf, -30)}`);
      expect([w.displayName, none.total]).toEqual([w.displayName, w.participantsWithoutPlan]);
      const measures = await people(w, `measuresDueBy=${asOf}`);
      expect([w.displayName, measures.total]).toEqual([w.displayName, w.measuresDue]);
      // The database agrees person by person.
      if (due.total > 0) {
        const { rows } = await t.db.query(
          `SELECT participant_id FROM recovery_plan
            WHERE participant_id = ANY($1::uuid[]) AND status = 'active' AND review_due_on <= $2::date`,
          [due.items.map((p) => p.id), asOf],
        );
        expect(rows).toHaveLength(due.total);
      }
      if (none.total > 0) {
        const { rows } = await t.db.query(
          `SELECT participant_id FROM recovery_plan
            WHERE participant_id = ANY($1::uuid[]) AND status = 'active'`,
          [none.items.map((p) => p.id)],
        );
        expect(rows).toEqual([]);
      }
    }
  });

  it('notesAwaitingSignature: the sessions with notes still to write or sign hold exactly that many attendances', async () => {
    const { asOf } = report;
    for (const w of report.workers) {
      const res = await t.request(
        'GET',
        `/api/sessions?facilitatorId=${w.workerId}&from=${addDays(asOf, -29)}&to=${asOf}&notesToSign=true&pageSize=100`,
        { token },
      );
      expect(res.status).toBe(200);
      const ids = (res.body.items as { id: string }[]).map((s) => s.id);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM attendance a
          WHERE a.session_id = ANY($1::uuid[]) AND a.status = 'attended'
            AND NOT EXISTS (SELECT 1 FROM session_note n WHERE n.session_id = a.session_id
                              AND n.participant_id = a.participant_id AND n.status <> 'draft')`,
        [ids],
      );
      expect([w.displayName, rows[0].n]).toEqual([w.displayName, w.notesAwaitingSignature]);
      // The other way round: the rest of the window's sessions have every note signed.
      const rest = await t.request(
        'GET',
        `/api/sessions?facilitatorId=${w.workerId}&from=${addDays(asOf, -29)}&to=${asOf}&notesToSign=false&pageSize=100`,
        { token },
      );
      expect(rest.status).toBe(200);
      expect(rest.body.total + res.body.total).toBe(w.sessionsLast30Days);
    }
    expect(report.totals.notesAwaitingSignature).toBeGreaterThan(0);
  });

  it('notesAwaitingCosign: the worker’s own signed notes in the co-signature queue', async () => {
    expect(report.totals.notesAwaitingCosign).toBeGreaterThan(0);
    for (const w of report.workers) {
      const res = await t.request(
        'GET',
        `/api/notes?awaitingCosign=true&signedById=${w.workerId}&pageSize=100`,
        { token },
      );
      expect(res.status).toBe(200);
      expect([w.displayName, res.body.total]).toEqual([w.displayName, w.notesAwaitingCosign]);
      for (const n of res.body.items) {
        expect(n).toMatchObject({ signedById: w.workerId, status: 'signed', cosignRequired: true });
      }
    }
    // A worker sees their own the same way.
    const sam = report.workers.find((w) => w.displayName === 'Sam Whitfield')!;
    const own = await t.request(
      'GET',
      `/api/notes?awaitingCosign=true&signedById=${sam.workerId}`,
      { token: await login(t, 'sam.whitfield@northside.example', DEMO_PASSWORD) },
    );
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(sam.notesAwaitingCosign);
  });

  it('a list follows a plan change at once (never an old page), and every read is audited', async () => {
    const w = report.workers.find((r) => r.participantsWithoutPlan > 0)!;
    const before = await people(w, `withoutPlanEnrolledBy=${addDays(report.asOf, -30)}`);
    const person = before.items[0].id;
    const draft = await t.request('POST', `/api/participants/${person}/plans`, {
      token,
      body: { goals: [{ lifeArea: 'social', statement: 'I want to come to group every week' }] },
    });
    expect(draft.status).toBe(201);
    const active = await t.request('POST', `/api/plans/${draft.body.id}/activate`, {
      token,
      body: { participantAgreedOn: report.asOf },
    });
    expect(active.status).toBe(200);
    const after = await people(w, `withoutPlanEnrolledBy=${addDays(report.asOf, -30)}`);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((p) => p.id)).not.toContain(person);
    const { rows } = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'read' AND entity_type = 'participant'
          AND details::text LIKE '%withoutPlanEnrolledBy%' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0].details.filters).toMatchObject({
      withoutPlanEnrolledBy: addDays(report.asOf, -30),
    });
  });

  it('refuses a date it cannot read, naming the field, and changes nothing', async () => {
    const w = report.workers[0];
    const sums = await tableChecksum(t, 'participant');
    for (const field of ['planReviewDueBy', 'withoutPlanEnrolledBy', 'measuresDueBy']) {
      const res = await t.request(
        'GET',
        `/api/participants?primaryWorkerId=${w.workerId}&${field}=2026-02-30`,
        { token },
      );
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const signer = await t.request('GET', '/api/notes?signedById=someone', { token });
    expect(signer.status).toBe(400);
    expect(JSON.stringify(signer.body)).toContain('signedById');
    const bad = await t.request('GET', '/api/sessions?notesToSign=maybe', { token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('notesToSign');
    expect(await tableChecksum(t, 'participant')).toBe(sums);
  });

  it('another team’s worker is 404 with a filter as without one', async () => {
    const other = await login(t, 'chris.delgado@riverside.example', DEMO_PASSWORD);
    const w = report.workers[0];
    const res = await t.request(
      'GET',
      `/api/participants?primaryWorkerId=${w.workerId}&planReviewDueBy=${report.asOf}`,
      { token: other },
    );
    expect(res.status).toBe(404);
    const mine = await t.request(
      'GET',
      `/api/sessions?facilitatorId=${w.workerId}&notesToSign=true`,
      { token: other },
    );
    expect(mine.status).toBe(404);
    const notes = await t.request('GET', `/api/notes?signedById=${w.workerId}`, { token: other });
    expect(notes.status).toBe(404);
  });
});
