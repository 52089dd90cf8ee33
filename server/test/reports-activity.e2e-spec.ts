import type { ActivitySummary } from '@peerpath/shared';
import type { TestApp } from './harness';
import {
  MARCH,
  TEAM_A_MARCH,
  TZ,
  zeros,
  type Fixture,
  withReportFixture,
} from './support/report-fixture';

/* Reports on the hand-built fixture of support/report-fixture.ts (ORG_TIMEZONE America/New_York, March 2026). */
describe('reports: activity summary', () => {
  let t: TestApp;
  let f: Fixture;

  withReportFixture((app, fixture) => ([t, f] = [app, fixture]));

  it('gives a supervisor every figure of their team for the period, counted in ORG_TIMEZONE', async () => {
    const res = await t.request<ActivitySummary>('GET', `/api/reports/activity?${MARCH}`, {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...TEAM_A_MARCH, teamId: f.teamA.id });
    const audit = await t.db.query(
      `SELECT actor_id, team_id, details FROM audit_event WHERE action = 'read' AND entity_type = 'report' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({
      actor_id: f.supA.id,
      team_id: f.teamA.id,
      details: { report: 'activity', from: '2026-03-01', to: '2026-03-31' },
    });
  });

  it('gives an admin the whole organisation, or one team', async () => {
    const all = await t.request<ActivitySummary>('GET', `/api/reports/activity?${MARCH}`, {
      token: f.admin.token,
    });
    expect(all.status).toBe(200);
    // Team A plus team B's Q1 (new, attended T1), T1 (support_group, clinic, 60 min),
    // HB1 (crisis, connected), AB1 (housing, individual) and DB1.
    expect(all.body).toEqual({
      ...TEAM_A_MARCH,
      teamId: null,
      participantsServed: 5,
      newParticipants: 3,
      sessions: {
        total: 7,
        byType: { ...TEAM_A_MARCH.sessions.byType, support_group: 2 },
        byFormat: { group: 5, one_to_one: 2 },
        bySetting: { ...TEAM_A_MARCH.sessions.bySetting, clinic: 2 },
      },
      groupAttendance: { attended: 6, averagePerGroupSession: 1.2 }, // 6 / 5
      // Team B's 120 minutes of community event: 270 minutes = 4.5 h.
      otherHours: {
        total: 4.5,
        byKind: { ...TEAM_A_MARCH.otherHours.byKind, community_event: 2 },
      },
      serviceHours: 6.7, // 400 minutes = 6.67 h
      contactHours: 7.1, // 425 minutes = 7.08 h
      handouts: {
        total: 6,
        byCategory: { ...TEAM_A_MARCH.handouts.byCategory, crisis: 3 },
        byOutcome: { ...TEAM_A_MARCH.handouts.byOutcome, connected: 3 },
        connectionRate: 0.75, // 3 / (3 + 0 + 1)
        medianDaysToOutcome: null,
      },
      advocacy: {
        ...TEAM_A_MARCH.advocacy,
        opened: 4,
        byCategory: { ...TEAM_A_MARCH.advocacy.byCategory, housing: 2 },
        byLevel: { individual: 3, systemic: 1 },
      },
      decisionNotes: 3,
    });
    const teamA = await t.request('GET', `/api/reports/activity?${MARCH}&teamId=${f.teamA.id}`, {
      token: f.admin.token,
    });
    expect(teamA.body).toEqual({ ...TEAM_A_MARCH, teamId: f.teamA.id });
  });

  it('reports an empty period with every key at 0 and nulls where nothing divides', async () => {
    const res = await t.request<ActivitySummary>(
      'GET',
      '/api/reports/activity?from=2020-01-01&to=2020-01-31',
      { token: f.supA.token },
    );
    expect(res.status).toBe(200);
    expect(res.body.sessions.byType).toEqual(zeros(Object.keys(TEAM_A_MARCH.sessions.byType)));
    expect(res.body.handouts.byCategory).toEqual(
      zeros(Object.keys(TEAM_A_MARCH.handouts.byCategory)),
    );
    expect(res.body.advocacy.byCategory).toEqual(
      zeros(Object.keys(TEAM_A_MARCH.advocacy.byCategory)),
    );
    expect(res.body).toMatchObject({
      participantsServed: 0,
      sessions: { total: 0, byFormat: { group: 0, one_to_one: 0 } },
      groupAttendance: { attended: 0, averagePerGroupSession: null },
      serviceHours: 0,
      contactHours: 0,
      handouts: { total: 0, connectionRate: null },
      advocacy: { opened: 0, completed: 0, byLevel: { individual: 0, systemic: 0 } },
      decisionNotes: 0,
    });
  });

  it('defaults to the current calendar month in ORG_TIMEZONE', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
    const res = await t.request<ActivitySummary>('GET', '/api/reports/activity', {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.period.from).toBe(`${today.slice(0, 7)}-01`);
    expect(res.body.period.to.slice(0, 7)).toBe(today.slice(0, 7));
    expect(res.body.period.to >= today).toBe(true);
  });

  it('keeps the summary from workers and other teams, and refuses bad periods', async () => {
    expect(
      (await t.request('GET', `/api/reports/activity?${MARCH}`, { token: f.workerA.token })).status,
    ).toBe(403);
    const other = await t.request('GET', `/api/reports/activity?${MARCH}&teamId=${f.teamB.id}`, {
      token: f.supA.token,
    });
    expect(other.status).toBe(403);
    expect(other.text).not.toContain('Nettlefold');
    const unknown = await t.request(
      'GET',
      '/api/reports/activity?teamId=00000000-0000-4000-8000-000000000000',
      {
        token: f.admin.token,
      },
    );
    expect(unknown.status).toBe(404);
    const reversed = await t.request('GET', '/api/reports/activity?from=2026-03-31&to=2026-03-01', {
      token: f.supA.token,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toHaveProperty('to');
    const long = await t.request('GET', '/api/reports/activity?from=2021-01-01&to=2026-01-01', {
      token: f.supA.token,
    });
    expect(long.status).toBe(400);
    expect(long.body.errors).toHaveProperty('to');
    const fiveYears = await t.request(
      'GET',
      '/api/reports/activity?from=2021-01-01&to=2025-12-31',
      {
        token: f.supA.token,
      },
    );
    expect(fiveYears.status).toBe(200);
    for (const q of ['from=2026-02-30', 'to=yesterday', 'teamId=nope', 'colour=red']) {
      const bad = await t.request('GET', `/api/reports/activity?${q}`, { token: f.supA.token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toBeDefined();
    }
  });
});
