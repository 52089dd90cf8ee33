import { Workbook } from 'exceljs';
import type { ActivitySummary, CaseloadReport } from '@peerpath/shared';
import {
  createTestApp,
  seedUser,
  seedWorld,
  type SeededUser,
  type TestApp,
  type World,
} from './harness';

/*
 * Reports on a hand-built fixture, in ORG_TIMEZONE America/New_York, for March
 * 2026 (DST starts there on 8 March: 1 March is UTC−5, 31 March UTC−4).
 * Every record is inserted with SQL, so the figures below depend on nothing
 * but the report code. Each figure is worked out by hand in the comments.
 *
 * Team A: Sue Supervisor (supA), Wes Worker (workerA), Win Worker (workerA2),
 * and Ann Archived, a worker who has since been deactivated.
 *
 * Participants (team A)   status      primary   enrolledOn  dischargedOn
 *   P1 Zebulon Quillfeather active      Wes       2026-03-05  (new)
 *   P2 Ottoline Brackwater  active      Wes       2025-12-01
 *   P3 Perpetua Farnsworth  active      Win       2026-03-31  (new, last day)
 *   P4 Thaddeus Mulberry    discharged  Wes       2025-06-01  2026-03-20 (discharged)
 *   P5 Clementine Ashgrove  active      Sue       2026-02-28  (a day early: not new)
 *   P6 Barnaby Inkwell      inactive    Win       2026-01-10
 *   P7 Wilhelmina Gossamer  active      Wes       2026-04-01  (a day late: not new)
 * Team B: Q1 Horatio Nettlefold, active, Bea Worker's, enrolled 2026-03-10.
 *
 * Sessions (team A) startsAt (UTC) = New York       type / setting / minutes / facilitator   attendance
 *   S1 2026-03-01T05:30Z = Mar 1 00:30   support_group / community_center / 90 / Wes  P1 att, P2 att, P4 absent
 *   S2 2026-03-10T15:00Z = Mar 10        one_to_one_mentoring / phone / 45 / Wes       P1 att
 *   S3 2026-04-01T03:30Z = Mar 31 23:30  educational_group / clinic / 60 / Win         P3 att, P2 excused, P5 absent
 *   S4 2026-03-01T04:30Z = Feb 28 23:30  support_group / community_center / 120 / Wes  P1 att, P5 att   (outside)
 *   S5 2026-04-01T04:30Z = Apr 1 00:30   family_support_group / online / 30 / Win      P3 att           (outside)
 *   S6 2026-03-15T14:00Z                 support_group / hospital / 100 / Wes          P2 att           (deleted)
 *   S7 2026-03-20T14:00Z                 one_to_one_mentoring / home_visit / 30 / Sue  P5 absent
 *   S8 2026-03-25T23:00Z                 online_forum / online / 40 / Ann (inactive)   P2 att, P6 att
 *   S9 2026-03-12T16:00Z                 condition_specific_group / hospital / 75 / Win P3 absent, P5 excused
 * Team B: T1 2026-03-10T15:00Z support_group / clinic / 60 / Bea, Q1 att.
 *
 * Resources: R1 crisis, R2 housing, R3 food.
 * Handouts (team A)  participant resource worker givenOn     outcome   followUpOn
 *   H1  P1 R1 Wes  2026-03-01  connected
 *   H2  P2 R2 Wes  2026-03-15  pending   2026-03-25
 *   H3  P3 R2 Win  2026-03-31  declined
 *   H4  P5 R3 Sue  2026-03-20  pending   2026-04-10
 *   H5  P1 R3 Wes  2026-02-28  pending   2026-03-05   (given outside the period)
 *   H6  P2 R1 Wes  2026-03-10  connected
 *   H7  P5 R1 Sue  2026-02-15  pending   2026-03-31   (given outside the period)
 * Team B: HB1 Q1 R1 Bea 2026-03-10 connected.
 *
 * Advocacy (team A)  level / category / worker / status / openedOn / dueOn / completedOn
 *   A1 P1 individual / housing / Wes / open / 2026-03-02 / 2026-03-20
 *   A2 P2 individual / benefits / Wes / in_progress / 2026-02-10 / 2026-04-15
 *   A3 —  systemic / policy / Sue / done / 2026-03-15 / — / 2026-03-28
 *   A4 P3 individual / housing / Win / done / 2026-01-05 / — / 2026-03-03
 *   A5 P2 individual / legal / Wes / cancelled / 2026-03-31
 *   A6 P1 individual / employment / Wes / open / 2026-04-01 / 2026-04-05
 *   A7 P5 individual / healthcare_navigation / Sue / open / 2026-02-01 / —
 * Team B: AB1 Q1 individual / housing / Bea / open / 2026-03-05.
 *
 * Decision notes (team A): D1 P1 Wes 2026-03-05, D2 P2 Wes 2026-02-27 (outside), D3 P3 Win 2026-03-31.
 * Team B: DB1 Q1 Bea 2026-03-10.
 */

const TZ = 'America/New_York';
const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Free text and names in the fixture: none of it may appear in an export. */
const PRIVATE_TEXT = [
  'Zebulon',
  'Quillfeather',
  'Ottoline',
  'Brackwater',
  'Perpetua',
  'Farnsworth',
  'Thaddeus',
  'Mulberry',
  'Clementine',
  'Ashgrove',
  'Barnaby',
  'Inkwell',
  'Wilhelmina',
  'Gossamer',
  'Horatio',
  'Nettlefold',
  'Moonlit circle',
  'whispered about relapse',
  'Eviction hearing',
  'landlord refused repairs',
  'Lantern Crisis Line',
  'Harbor Housing Trust',
  'Kettle Food Pantry',
  'called the pantry together',
  'Which medication to try',
  'Chose the slower taper',
  'Wes Worker',
  'Win Worker',
  'Sue Supervisor',
  'Ann Archived',
];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Fixture extends World {
  ann: SeededUser;
  p: Record<string, string>;
}

async function insert(t: TestApp, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await t.db.query(`${sql} RETURNING id`, values);
  return rows[0].id as string;
}

async function seedFixture(t: TestApp): Promise<Fixture> {
  const w = await seedWorld(t);
  const ann = await seedUser(t, {
    role: 'worker',
    teamId: w.teamA.id,
    displayName: 'Ann Archived',
    active: false,
  });
  const A = w.teamA.id;
  const B = w.teamB.id;

  const person = (
    team: string,
    first: string,
    last: string,
    status: string,
    worker: string,
    enrolledOn: string,
    dischargedOn: string | null = null,
  ) =>
    insert(
      t,
      `INSERT INTO participant (team_id, first_name, last_name, status, primary_worker_id, enrolled_on, discharged_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [team, first, last, status, worker, enrolledOn, dischargedOn],
    );
  const p: Record<string, string> = {
    P1: await person(A, 'Zebulon', 'Quillfeather', 'active', w.workerA.id, '2026-03-05'),
    P2: await person(A, 'Ottoline', 'Brackwater', 'active', w.workerA.id, '2025-12-01'),
    P3: await person(A, 'Perpetua', 'Farnsworth', 'active', w.workerA2.id, '2026-03-31'),
    P4: await person(
      A,
      'Thaddeus',
      'Mulberry',
      'discharged',
      w.workerA.id,
      '2025-06-01',
      '2026-03-20',
    ),
    P5: await person(A, 'Clementine', 'Ashgrove', 'active', w.supA.id, '2026-02-28'),
    P6: await person(A, 'Barnaby', 'Inkwell', 'inactive', w.workerA2.id, '2026-01-10'),
    P7: await person(A, 'Wilhelmina', 'Gossamer', 'active', w.workerA.id, '2026-04-01'),
    Q1: await person(B, 'Horatio', 'Nettlefold', 'active', w.workerB.id, '2026-03-10'),
  };

  const session = async (
    team: string,
    facilitator: string,
    type: string,
    setting: string,
    startsAt: string,
    minutes: number,
    attendance: [string, string][],
    text: { title?: string; notes?: string } = {},
  ) => {
    const id = await insert(
      t,
      `INSERT INTO support_session (team_id, type, setting, starts_at, duration_minutes, facilitator_id, title, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [team, type, setting, startsAt, minutes, facilitator, text.title ?? null, text.notes ?? null],
    );
    for (const [who, status] of attendance) {
      await t.db.query(
        `INSERT INTO attendance (session_id, participant_id, status, note) VALUES ($1, $2, $3, $4)`,
        [id, p[who], status, status === 'absent' ? 'whispered about relapse' : null],
      );
    }
    return id;
  };
  const { workerA: wes, workerA2: win, supA: sue, workerB: bea } = w;
  await session(
    A,
    wes.id,
    'support_group',
    'community_center',
    '2026-03-01T05:30:00Z',
    90,
    [
      ['P1', 'attended'],
      ['P2', 'attended'],
      ['P4', 'absent'],
    ],
    { title: 'Moonlit circle', notes: 'whispered about relapse' },
  );
  await session(A, wes.id, 'one_to_one_mentoring', 'phone', '2026-03-10T15:00:00Z', 45, [
    ['P1', 'attended'],
  ]);
  await session(A, win.id, 'educational_group', 'clinic', '2026-04-01T03:30:00Z', 60, [
    ['P3', 'attended'],
    ['P2', 'excused'],
    ['P5', 'absent'],
  ]);
  await session(A, wes.id, 'support_group', 'community_center', '2026-03-01T04:30:00Z', 120, [
    ['P1', 'attended'],
    ['P5', 'attended'],
  ]);
  await session(A, win.id, 'family_support_group', 'online', '2026-04-01T04:30:00Z', 30, [
    ['P3', 'attended'],
  ]);
  const s6 = await session(A, wes.id, 'support_group', 'hospital', '2026-03-15T14:00:00Z', 100, [
    ['P2', 'attended'],
  ]);
  await t.db.query(`DELETE FROM support_session WHERE id = $1`, [s6]);
  await session(A, sue.id, 'one_to_one_mentoring', 'home_visit', '2026-03-20T14:00:00Z', 30, [
    ['P5', 'absent'],
  ]);
  await session(A, ann.id, 'online_forum', 'online', '2026-03-25T23:00:00Z', 40, [
    ['P2', 'attended'],
    ['P6', 'attended'],
  ]);
  await session(A, win.id, 'condition_specific_group', 'hospital', '2026-03-12T16:00:00Z', 75, [
    ['P3', 'absent'],
    ['P5', 'excused'],
  ]);
  await session(B, bea.id, 'support_group', 'clinic', '2026-03-10T15:00:00Z', 60, [
    ['Q1', 'attended'],
  ]);

  const resource = (name: string, category: string) =>
    insert(t, `INSERT INTO resource (name, category) VALUES ($1, $2)`, [name, category]);
  const R1 = await resource('Lantern Crisis Line', 'crisis');
  const R2 = await resource('Harbor Housing Trust', 'housing');
  const R3 = await resource('Kettle Food Pantry', 'food');

  const handout = (
    team: string,
    who: string,
    resourceId: string,
    worker: string,
    givenOn: string,
    outcome: string,
    followUpOn: string | null = null,
  ) =>
    insert(
      t,
      `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, outcome, follow_up_on, note)
       VALUES ($1, $2, $3, $4, $5, 'printed', $6, $7, 'called the pantry together')`,
      [team, p[who], resourceId, worker, givenOn, outcome, followUpOn],
    );
  await handout(A, 'P1', R1, wes.id, '2026-03-01', 'connected');
  await handout(A, 'P2', R2, wes.id, '2026-03-15', 'pending', '2026-03-25');
  await handout(A, 'P3', R2, win.id, '2026-03-31', 'declined');
  await handout(A, 'P5', R3, sue.id, '2026-03-20', 'pending', '2026-04-10');
  await handout(A, 'P1', R3, wes.id, '2026-02-28', 'pending', '2026-03-05');
  await handout(A, 'P2', R1, wes.id, '2026-03-10', 'connected');
  await handout(A, 'P5', R1, sue.id, '2026-02-15', 'pending', '2026-03-31');
  await handout(B, 'Q1', R1, bea.id, '2026-03-10', 'connected');

  const advocacy = (
    team: string,
    who: string | null,
    category: string,
    worker: string,
    status: string,
    openedOn: string,
    dueOn: string | null = null,
    completedOn: string | null = null,
  ) =>
    insert(
      t,
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, description, worker_id, status, opened_on, due_on, completed_on)
       VALUES ($1, $2, $3, $4, 'Eviction hearing', 'landlord refused repairs', $5, $6, $7, $8, $9)`,
      [
        team,
        who ? p[who] : null,
        who ? 'individual' : 'systemic',
        category,
        worker,
        status,
        openedOn,
        dueOn,
        completedOn,
      ],
    );
  await advocacy(A, 'P1', 'housing', wes.id, 'open', '2026-03-02', '2026-03-20');
  await advocacy(A, 'P2', 'benefits', wes.id, 'in_progress', '2026-02-10', '2026-04-15');
  await advocacy(A, null, 'policy', sue.id, 'done', '2026-03-15', null, '2026-03-28');
  await advocacy(A, 'P3', 'housing', win.id, 'done', '2026-01-05', null, '2026-03-03');
  await advocacy(A, 'P2', 'legal', wes.id, 'cancelled', '2026-03-31');
  await advocacy(A, 'P1', 'employment', wes.id, 'open', '2026-04-01', '2026-04-05');
  await advocacy(A, 'P5', 'healthcare_navigation', sue.id, 'open', '2026-02-01');
  await advocacy(B, 'Q1', 'housing', bea.id, 'open', '2026-03-05');

  const note = (team: string, who: string, worker: string, discussedOn: string) =>
    insert(
      t,
      `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decision, decided_by)
       VALUES ($1, $2, $3, $4, 'Which medication to try', '[{"label": "Chose the slower taper"}]', 'Chose the slower taper', 'shared')`,
      [team, p[who], worker, discussedOn],
    );
  await note(A, 'P1', wes.id, '2026-03-05');
  await note(A, 'P2', wes.id, '2026-02-27');
  await note(A, 'P3', win.id, '2026-03-31');
  await note(B, 'Q1', bea.id, '2026-03-10');

  return { ...w, ann, p };
}

const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/** Team A, March 2026, worked out from the table above. */
const TEAM_A_MARCH = {
  period: { from: '2026-03-01', to: '2026-03-31' },
  // Attended rows in S1, S2, S3, S8: P1, P2 (S1), P1 (S2), P3 (S3), P2, P6 (S8) → P1 P2 P3 P6.
  participantsServed: 4,
  // P1 (Mar 5) and P3 (Mar 31); P5 (Feb 28) and P7 (Apr 1) fall outside.
  newParticipants: 2,
  dischargedParticipants: 1, // P4
  sessions: {
    // S1 (Mar 1 00:30 local), S2, S3 (Mar 31 23:30 local), S7, S8, S9. Not S4 (Feb 28 local),
    // S5 (Apr 1 local), S6 (deleted), T1 (team B).
    total: 6,
    byType: {
      support_group: 1, // S1
      one_to_one_mentoring: 2, // S2, S7
      condition_specific_group: 1, // S9
      family_support_group: 0, // S5 is outside
      online_forum: 1, // S8
      educational_group: 1, // S3
    },
    byFormat: { group: 4, one_to_one: 2 },
    bySetting: {
      community_center: 1, // S1
      hospital: 1, // S9 (S6 deleted)
      clinic: 1, // S3
      online: 1, // S8 (S5 outside)
      phone: 1, // S2
      home_visit: 1, // S7
      other: 0,
    },
  },
  // Group sessions S1, S3, S8, S9 with 2 + 1 + 2 + 0 attended rows = 5; 5 / 4 = 1.25 → 1.3.
  groupAttendance: { attended: 5, averagePerGroupSession: 1.3 },
  // 90 + 45 + 60 + 30 + 40 + 75 = 340 minutes = 5.67 h → 5.7.
  serviceHours: 5.7,
  // Attended rows: S1 90 × 2 + S2 45 + S3 60 + S8 40 × 2 = 365 minutes = 6.08 h → 6.1.
  contactHours: 6.1,
  handouts: {
    total: 5, // H1, H2, H3, H4, H6
    byCategory: {
      ...zeros([
        'crisis',
        'mental_health_treatment',
        'substance_use_treatment',
        'housing',
        'food',
        'employment',
        'benefits',
        'legal',
        'peer_support_group',
        'education',
        'transportation',
        'other',
      ]),
      crisis: 2,
      housing: 2,
      food: 1,
    },
    byOutcome: { pending: 2, connected: 2, not_connected: 0, declined: 1 },
    connectionRate: 0.67, // 2 / (2 + 0 + 1)
  },
  advocacy: {
    opened: 3, // A1 (Mar 2), A3 (Mar 15), A5 (Mar 31)
    completed: 2, // A3 (Mar 28), A4 (Mar 3)
    byCategory: {
      ...zeros([
        'healthcare_navigation',
        'housing',
        'benefits',
        'legal',
        'employment',
        'education',
        'discrimination',
        'policy',
        'other',
      ]),
      housing: 1,
      policy: 1,
      legal: 1,
    },
    byLevel: { individual: 2, systemic: 1 },
  },
  decisionNotes: 2, // D1, D3
};

describe('reports', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    f = await seedFixture(t);
  });
  afterAll(() => t.close());

  describe('activity summary', () => {
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
        serviceHours: 6.7, // 400 minutes = 6.67 h
        contactHours: 7.1, // 425 minutes = 7.08 h
        handouts: {
          total: 6,
          byCategory: { ...TEAM_A_MARCH.handouts.byCategory, crisis: 3 },
          byOutcome: { ...TEAM_A_MARCH.handouts.byOutcome, connected: 3 },
          connectionRate: 0.75, // 3 / (3 + 0 + 1)
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
        (await t.request('GET', `/api/reports/activity?${MARCH}`, { token: f.workerA.token }))
          .status,
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
      const reversed = await t.request(
        'GET',
        '/api/reports/activity?from=2026-03-31&to=2026-03-01',
        {
          token: f.supA.token,
        },
      );
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

  describe('caseload', () => {
    /*
     * asOf 2026-03-31: window Mar 2 .. Mar 31 in New York (S1 on Mar 1 is outside; S3 on
     * Mar 31 23:30 is inside). Rows: active workers and supervisors of team A by display
     * name; Ann Archived is deactivated and left out.
     */
    const sue = {
      displayName: 'Sue Supervisor',
      activeParticipants: 1, // P5
      sessionsLast30Days: 1, // S7
      serviceHoursLast30Days: 0.5, // 30 min
      participantsWithoutRecentContact: 1, // P5: absent in S3 and S7, excused in S9; S4 is outside
      openAdvocacy: 1, // A7 (A3 is done)
      overdueAdvocacy: 0, // A7 has no due date
      referralsAwaitingFollowUp: 1, // H7, follow-up on the report date (H4's is Apr 10)
    };
    const wes = {
      displayName: 'Wes Worker',
      activeParticipants: 3, // P1, P2, P7 (P4 is discharged)
      sessionsLast30Days: 1, // S2 (S1 is outside the window, S4 too, S6 deleted)
      serviceHoursLast30Days: 0.8, // 45 min = 0.75 h
      participantsWithoutRecentContact: 1, // P7 (P1 attended S2, P2 attended S8)
      openAdvocacy: 3, // A1 open, A2 in progress, A6 open (A5 cancelled)
      overdueAdvocacy: 1, // A1 due Mar 20 (A2 Apr 15, A6 Apr 5)
      referralsAwaitingFollowUp: 2, // H2 (Mar 25), H5 (Mar 5)
    };
    const win = {
      displayName: 'Win Worker',
      activeParticipants: 1, // P3 (P6 is inactive)
      sessionsLast30Days: 2, // S3, S9 (S5 is Apr 1 local)
      serviceHoursLast30Days: 2.3, // 135 min = 2.25 h
      participantsWithoutRecentContact: 0, // P3 attended S3
      openAdvocacy: 0, // A4 is done
      overdueAdvocacy: 0,
      referralsAwaitingFollowUp: 0, // H3 declined
    };
    const totals = {
      activeParticipants: 5,
      sessionsLast30Days: 4,
      serviceHoursLast30Days: 3.5, // 30 + 45 + 135 = 210 min; the rounded rows would add to 3.6
      participantsWithoutRecentContact: 2,
      openAdvocacy: 4,
      overdueAdvocacy: 1,
      referralsAwaitingFollowUp: 3,
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
      const { displayName: _, ...own } = wes;
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
      expect(teamB.body.workers.map((x) => x.displayName)).toEqual([
        'Bea Worker',
        'Sid Supervisor',
      ]);
      expect(teamB.body.totals).toEqual({
        activeParticipants: 1,
        sessionsLast30Days: 1,
        serviceHoursLast30Days: 1,
        participantsWithoutRecentContact: 0,
        openAdvocacy: 1,
        overdueAdvocacy: 0,
        referralsAwaitingFollowUp: 0,
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

  describe('funder export', () => {
    const exportEvents = async () =>
      (
        await t.db.query(
          `SELECT actor_id, team_id, entity_type, details FROM audit_event WHERE action = 'export' ORDER BY seq`,
        )
      ).rows;

    it('writes the suppressed figures as CSV, de-identified, and audits the export', async () => {
      const before = (await exportEvents()).length;
      const res = await t.request('GET', `/api/reports/activity/export?${MARCH}&format=csv`, {
        token: f.supA.token,
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.csv"',
      );
      // Every non-zero count of team A's March is below 11, so every one is "<11" and
      // every derived figure is suppressed with its count; zeros are shown.
      // The first four columns; the fifth, `label`, is checked in reports-export.e2e-spec.ts.
      const firstFour = res.text
        .split('\n')
        .map((line) => line.split(',').slice(0, 4).join(','))
        .join('\n');
      expect(firstFour).toBe(
        [
          'section,metric,breakdown,value',
          'meta,from,,2026-03-01',
          'meta,to,,2026-03-31',
          'meta,team,,Team A',
          'meta,suppressionThreshold,,11',
          'summary,participantsServed,,<11',
          'summary,newParticipants,,<11',
          'summary,dischargedParticipants,,<11',
          'sessions,total,,<11',
          'sessions,byType,support_group,<11',
          'sessions,byType,one_to_one_mentoring,<11',
          'sessions,byType,condition_specific_group,<11',
          'sessions,byType,family_support_group,0',
          'sessions,byType,online_forum,<11',
          'sessions,byType,educational_group,<11',
          'sessions,bySetting,community_center,<11',
          'sessions,bySetting,hospital,<11',
          'sessions,bySetting,clinic,<11',
          'sessions,bySetting,online,<11',
          'sessions,bySetting,phone,<11',
          'sessions,bySetting,home_visit,<11',
          'sessions,bySetting,other,0',
          'groupAttendance,attended,,<11',
          'groupAttendance,averagePerGroupSession,,suppressed',
          'summary,serviceHours,,suppressed',
          'summary,contactHours,,suppressed',
          'handouts,total,,<11',
          'handouts,byCategory,crisis,<11',
          'handouts,byCategory,mental_health_treatment,0',
          'handouts,byCategory,substance_use_treatment,0',
          'handouts,byCategory,housing,<11',
          'handouts,byCategory,food,<11',
          'handouts,byCategory,employment,0',
          'handouts,byCategory,benefits,0',
          'handouts,byCategory,legal,0',
          'handouts,byCategory,peer_support_group,0',
          'handouts,byCategory,education,0',
          'handouts,byCategory,transportation,0',
          'handouts,byCategory,other,0',
          'handouts,byOutcome,pending,<11',
          'handouts,byOutcome,connected,<11',
          'handouts,byOutcome,not_connected,0',
          'handouts,byOutcome,declined,<11',
          'handouts,connectionRate,,suppressed',
          'advocacy,opened,,<11',
          'advocacy,completed,,<11',
          'advocacy,byCategory,healthcare_navigation,0',
          'advocacy,byCategory,housing,<11',
          'advocacy,byCategory,benefits,0',
          'advocacy,byCategory,legal,<11',
          'advocacy,byCategory,employment,0',
          'advocacy,byCategory,education,0',
          'advocacy,byCategory,discrimination,0',
          'advocacy,byCategory,policy,<11',
          'advocacy,byCategory,other,0',
          'advocacy,byLevel,individual,<11',
          'advocacy,byLevel,systemic,<11',
          'summary,decisionNotes,,<11',
          '',
        ].join('\n'),
      );
      for (const secret of PRIVATE_TEXT) expect(res.text).not.toContain(secret);
      expect(res.text).not.toMatch(UUID);
      const events = await exportEvents();
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toEqual({
        actor_id: f.supA.id,
        team_id: f.teamA.id,
        entity_type: 'report',
        details: { from: '2026-03-01', to: '2026-03-31', format: 'csv' },
      });
    });

    it('names the whole organisation "all" for an admin without a team', async () => {
      const res = await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
        token: f.admin.token,
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="peerpath-activity-all-2026-03-01-to-2026-03-31.csv"',
      );
      const meta = res.text.split('\n').slice(1, 5);
      expect(meta.map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
        'meta,from,,2026-03-01',
        'meta,to,,2026-03-31',
        'meta,team,,all',
        'meta,suppressionThreshold,,11',
      ]);
      expect((await exportEvents()).at(-1)).toEqual({
        actor_id: f.admin.id,
        team_id: null,
        entity_type: 'report',
        details: { from: '2026-03-01', to: '2026-03-31', format: 'csv' },
      });
    });

    it('writes an XLSX with a cover sheet and a sheet per section', async () => {
      const before = (await exportEvents()).length;
      const res = await download(t, `/api/reports/activity/export?${MARCH}&format=xlsx`, f.supA);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.xlsx"',
      );
      const wb = new Workbook();
      await wb.xlsx.load(res.body as never);
      expect(wb.worksheets.map((s) => s.name)).toEqual([
        'About this report',
        'Summary',
        'Sessions',
        'Group attendance',
        'Handouts',
        'Advocacy',
      ]);
      const cells: unknown[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
      const all = cells.map(String).join('\n');
      expect(all).toContain('PeerPath Test Network');
      expect(all).toContain('Activity summary');
      expect(all).toContain('1 March 2026 to 31 March 2026');
      expect(all).toContain('Team A');
      expect(all).toContain('Counts from 1 to 10 are shown as "<11"');
      for (const secret of PRIVATE_TEXT) expect(all).not.toContain(secret);
      expect(all).not.toMatch(UUID);
      const sessions = wb.getWorksheet('Sessions')!;
      const rows = sessions.getSheetValues().slice(2) as unknown[][];
      const byKey = Object.fromEntries(rows.map((r) => [`${r[2]}.${r[3] ?? ''}`, r[4]]));
      expect(byKey['total.']).toBe('<11');
      expect(byKey['byType.support_group']).toBe('<11');
      expect(byKey['byType.family_support_group']).toBe(0);
      expect(byKey['bySetting.other']).toBe(0);
      expect(Object.keys(byKey)).toHaveLength(1 + 6 + 7);
      expect((await exportEvents()).length).toBe(before + 1);
      expect((await exportEvents()).at(-1).details).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        format: 'xlsx',
      });
    });

    it('writes a one-page PDF with the title, the period, the figures and the chart', async () => {
      const before = (await exportEvents()).length;
      const res = await download(t, `/api/reports/activity/export?${MARCH}&format=pdf`, f.supA);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.pdf"',
      );
      const pdf = res.body.toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
      const text = pdfText(pdf);
      for (const words of [
        'PeerPath Test Network',
        'Activity summary',
        '1 March 2026 to 31 March 2026',
        'Team: Team A',
        'Sessions by type',
        'Family support group',
        '<11',
      ]) {
        expect(text).toContain(words);
      }
      for (const secret of PRIVATE_TEXT) {
        expect(text).not.toContain(secret);
        expect(pdf).not.toContain(secret);
      }
      expect(text).not.toMatch(UUID);
      expect((await exportEvents()).length).toBe(before + 1);
      expect((await exportEvents()).at(-1).details).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        format: 'pdf',
      });
    });

    it('refuses workers, other teams and unknown formats, and audits nothing then', async () => {
      const before = (await exportEvents()).length;
      expect(
        (
          await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
            token: f.workerA.token,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await t.request('GET', `/api/reports/activity/export?${MARCH}&teamId=${f.teamB.id}`, {
            token: f.supA.token,
          })
        ).status,
      ).toBe(403);
      const bad = await t.request('GET', `/api/reports/activity/export?${MARCH}&format=docx`, {
        token: f.supA.token,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty('format');
      expect((await t.request('GET', `/api/reports/activity/export?${MARCH}`)).status).toBe(401);
      expect((await exportEvents()).length).toBe(before);
    });
  });
});

describe('funder export with complementary suppression', () => {
  let t: TestApp;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ, suppressionThreshold: 2 });
    f = await seedFixture(t);
  });
  afterAll(() => t.close());

  it('hides the smallest other cell where one would stand alone', async () => {
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    const value = Object.fromEntries(
      res.text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [section, metric, breakdown, v] = line.split(',');
          return [[section, metric, breakdown].filter(Boolean).join('.'), v];
        }),
    );
    // Threshold 2: only counts of 1 are small.
    expect(value).toMatchObject({
      'meta.suppressionThreshold': '2',
      'summary.participantsServed': '4',
      'summary.newParticipants': '2',
      'summary.dischargedParticipants': '<2',
      'sessions.total': '6',
      // Four types at 1 are hidden; one_to_one_mentoring (2) can stay, as can the total.
      'sessions.byType.support_group': '<2',
      'sessions.byType.one_to_one_mentoring': '2',
      'sessions.byType.family_support_group': '0',
      'sessions.bySetting.phone': '<2',
      'sessions.bySetting.other': '0',
      // attended, sessions.total and one-to-one shown: the average gives nothing away.
      'groupAttendance.attended': '5',
      'groupAttendance.averagePerGroupSession': '1.3',
      'summary.serviceHours': '5.7',
      'summary.contactHours': '6.1',
      'handouts.total': '5',
      // food (1) stands alone, so the smallest other non-zero cell goes: crisis and housing
      // are both 2, and crisis comes first.
      'handouts.byCategory.crisis': 'suppressed',
      'handouts.byCategory.housing': '2',
      'handouts.byCategory.food': '<2',
      // declined (1) stands alone: pending and connected are both 2, pending comes first.
      'handouts.byOutcome.pending': 'suppressed',
      'handouts.byOutcome.connected': '2',
      'handouts.byOutcome.declined': '<2',
      'handouts.connectionRate': 'suppressed',
      'advocacy.opened': '3',
      'advocacy.completed': '2',
      'advocacy.byCategory.housing': '<2',
      'advocacy.byCategory.legal': '<2',
      'advocacy.byCategory.policy': '<2',
      // systemic (1) stands alone, so individual (2) goes with it.
      'advocacy.byLevel.individual': 'suppressed',
      'advocacy.byLevel.systemic': '<2',
      'summary.decisionNotes': '2',
    });
  });
});

/** A file download, as bytes (the harness reads replies as text). */
async function download(t: TestApp, url: string, who: SeededUser) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${who.token}` },
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/**
 * The text drawn on the page. pdfkit writes each run of text as hex glyph
 * codes in a TJ array (kerning numbers between them); the standard fonts use
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
