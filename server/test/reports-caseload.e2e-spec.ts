import type { CaseloadReport } from '@peerpath/shared';
import type { TestApp } from './harness';
import { type Fixture, withReportFixture } from './support/report-fixture';

/* Reports on the hand-built fixture of support/report-fixture.ts (ORG_TIMEZONE America/New_York, March 2026). */
describe('reports: caseload', () => {
  let t: TestApp;
  let f: Fixture;

  withReportFixture((app, fixture) => ([t, f] = [app, fixture]));

  /*
   * asOf 2026-03-31: window Mar 2 .. Mar 31 in New York (S1 on Mar 1 is outside; S3 on
   * Mar 31 23:30 is inside). Rows: active workers and supervisors of team A by display
   * name; Ann Archived is deactivated and left out.
   */
  const sue = {
    displayName: 'Sue Supervisor',
    credentialExpiresOn: null,
    activeParticipants: 1, // P5
    sessionsLast30Days: 1, // S7
    serviceHoursLast30Days: 0.5, // 30 min
    participantsWithoutRecentContact: 1, // P5: absent in S3 and S7, excused in S9; S4 is outside
    openAdvocacy: 1, // A7 (A3 is done)
    overdueAdvocacy: 0, // A7 has no due date
    referralsAwaitingFollowUp: 1, // H7, follow-up on the report date (H4's is Apr 10)
    notesAwaitingSignature: 0, // S7: P5 was absent
    notesAwaitingCosign: 0,
    plansDueForReview: 0, // no plans in this fixture (plans.e2e-spec counts them)
    participantsWithoutPlan: 1, // P5, enrolled Feb 28, on or before Mar 1 (asOf − 30)
    measuresDue: 1, // P5's baseline: enrolled Feb 28, due Mar 30
    openSafetyAlerts: 0,
    consentsExpiringSoon: 0,
  };
  const wes = {
    displayName: 'Wes Worker',
    credentialExpiresOn: null,
    activeParticipants: 3, // P1, P2, P7 (P4 is discharged)
    sessionsLast30Days: 1, // S2 (S1 is outside the window, S4 too, S6 deleted)
    serviceHoursLast30Days: 0.8, // 45 min = 0.75 h
    participantsWithoutRecentContact: 1, // P7 (P1 attended S2, P2 attended S8)
    openAdvocacy: 3, // A1 open, A2 in progress, A6 open (A5 cancelled)
    overdueAdvocacy: 1, // A1 due Mar 20 (A2 Apr 15, A6 Apr 5)
    referralsAwaitingFollowUp: 2, // H2 (Mar 25), H5 (Mar 5)
    notesAwaitingSignature: 1, // P1 attended S2; the fixture writes no notes
    notesAwaitingCosign: 0,
    plansDueForReview: 0,
    participantsWithoutPlan: 1, // P2 (P1 enrolled Mar 5 and P7 Apr 1: too recent)
    measuresDue: 1, // P2's baseline (enrolled Dec 1); P1's is due Apr 4, P7's May 1
    openSafetyAlerts: 0,
    consentsExpiringSoon: 0,
  };
  const win = {
    displayName: 'Win Worker',
    credentialExpiresOn: null,
    activeParticipants: 1, // P3 (P6 is inactive)
    sessionsLast30Days: 2, // S3, S9 (S5 is Apr 1 local)
    serviceHoursLast30Days: 2.3, // 135 min = 2.25 h
    participantsWithoutRecentContact: 0, // P3 attended S3
    openAdvocacy: 0, // A4 is done
    overdueAdvocacy: 0,
    referralsAwaitingFollowUp: 0, // H3 declined
    notesAwaitingSignature: 1, // P3 attended S3 (P5 was excused from S9)
    notesAwaitingCosign: 0,
    plansDueForReview: 0,
    participantsWithoutPlan: 0, // P3 enrolled on the report date
    measuresDue: 0, // P3 enrolled on the report date
    openSafetyAlerts: 0,
    consentsExpiringSoon: 0,
  };
  const totals = {
    activeParticipants: 5,
    sessionsLast30Days: 4,
    serviceHoursLast30Days: 3.5, // 30 + 45 + 135 = 210 min; the rounded rows would add to 3.6
    participantsWithoutRecentContact: 2,
    openAdvocacy: 4,
    overdueAdvocacy: 1,
    referralsAwaitingFollowUp: 3,
    notesAwaitingSignature: 2,
    notesAwaitingCosign: 0,
    plansDueForReview: 0,
    participantsWithoutPlan: 2,
    measuresDue: 2,
    openSafetyAlerts: 0,
    consentsExpiringSoon: 0,
  };

  it('gives a supervisor a row per active worker and supervisor of the team, with totals', async () => {
    const res = await t.request<CaseloadReport>('GET', '/api/reports/caseload?asOf=2026-03-31', {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      asOf: '2026-03-31',
      teamId: f.teamA.id,
      workers: [
        { workerId: f.supA.id, ...sue },
        { workerId: f.workerA.id, ...wes },
        { workerId: f.workerA2.id, ...win },
      ],
      totals,
    });
    const audit = await t.db.query(
      `SELECT actor_id, team_id, details FROM audit_event WHERE action = 'read' AND entity_type = 'report' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({
      actor_id: f.supA.id,
      team_id: f.teamA.id,
      details: { report: 'caseload', asOf: '2026-03-31' },
    });
  });

  it('moves the window with asOf', async () => {
    // asOf Mar 9: window Feb 8 .. Mar 9 holds S1 and S4 (Wes, 90 + 120 min) and nothing
    // else; P1 and P2 attended S1, so only P7 lacks contact. H5 (follow-up Mar 5) is due.
    const res = await t.request<CaseloadReport>('GET', '/api/reports/caseload?asOf=2026-03-09', {
      token: f.supA.token,
    });
    const row = res.body.workers.find((x) => x.workerId === f.workerA.id);
    expect(row).toMatchObject({
      sessionsLast30Days: 2,
      serviceHoursLast30Days: 3.5,
      participantsWithoutRecentContact: 1,
      overdueAdvocacy: 0, // A1 is due Mar 20
      referralsAwaitingFollowUp: 1,
    });
  });

  it('shows a worker only their own row, and refuses another team', async () => {
    const res = await t.request<CaseloadReport>('GET', '/api/reports/caseload?asOf=2026-03-31', {
      token: f.workerA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.workers).toEqual([{ workerId: f.workerA.id, ...wes }]);
    const { displayName: _, credentialExpiresOn: __, ...own } = wes;
    expect(res.body.totals).toEqual(own);
    for (const who of [f.workerA, f.supA]) {
      const other = await t.request('GET', `/api/reports/caseload?teamId=${f.teamB.id}`, {
        token: who.token,
      });
      expect(other.status).toBe(403);
    }
  });

  it('gives an admin one team, or every team by default', async () => {
    const teamA = await t.request<CaseloadReport>(
      'GET',
      `/api/reports/caseload?asOf=2026-03-31&teamId=${f.teamA.id}`,
      { token: f.admin.token },
    );
    expect(teamA.status).toBe(200);
    expect(teamA.body.workers.map((x) => x.displayName)).toEqual([
      'Sue Supervisor',
      'Wes Worker',
      'Win Worker',
    ]);
    expect(teamA.body.totals).toEqual(totals);
    const teamB = await t.request<CaseloadReport>(
      'GET',
      `/api/reports/caseload?asOf=2026-03-31&teamId=${f.teamB.id}`,
      { token: f.admin.token },
    );
    // Bea: Q1; T1 is Mar 10 (60 min) with Q1 attending; AB1 open, no due date; HB1 connected.
    expect(teamB.body.workers.map((x) => x.displayName)).toEqual(['Bea Worker', 'Sid Supervisor']);
    expect(teamB.body.totals).toEqual({
      activeParticipants: 1,
      sessionsLast30Days: 1,
      serviceHoursLast30Days: 1,
      participantsWithoutRecentContact: 0,
      openAdvocacy: 1,
      overdueAdvocacy: 0,
      referralsAwaitingFollowUp: 0,
      notesAwaitingSignature: 1, // Q1 attended T1
      notesAwaitingCosign: 0,
      plansDueForReview: 0,
      participantsWithoutPlan: 0, // Q1 enrolled Mar 10
      measuresDue: 0, // Q1's baseline is due Apr 9
      openSafetyAlerts: 0,
      consentsExpiringSoon: 0,
    });
    const org = await t.request<CaseloadReport>('GET', '/api/reports/caseload?asOf=2026-03-31', {
      token: f.admin.token,
    });
    expect(org.status).toBe(200);
    expect(org.body.teamId).toBeNull();
    expect(org.body.workers.map((x) => x.displayName)).toEqual([
      'Bea Worker',
      'Sid Supervisor',
      'Sue Supervisor',
      'Wes Worker',
      'Win Worker',
    ]);
    const sum = Object.fromEntries(
      Object.entries(totals).map(([k, v]) => [
        k,
        Math.round((v + teamB.body.totals[k as keyof typeof totals]) * 10) / 10,
      ]),
    );
    expect(org.body.totals).toEqual(sum);
    expect(
      (await t.request('GET', '/api/reports/caseload?asOf=2026-02-30', { token: f.supA.token }))
        .status,
    ).toBe(400);
  });
});
