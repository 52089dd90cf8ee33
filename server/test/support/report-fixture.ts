import type { AppConfig } from '../../src/config/config';
import {
  createTestApp,
  seedUser,
  seedWorld,
  type SeededUser,
  type TestApp,
  type World,
} from '../harness';

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

export const TZ = 'America/New_York';
export const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Free text and names in the fixture: none of it may appear in an export. */
export const PRIVATE_TEXT = [
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
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export interface Fixture extends World {
  ann: SeededUser;
  p: Record<string, string>;
}

async function insert(t: TestApp, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await t.db.query(`${sql} RETURNING id`, values);
  return rows[0].id as string;
}

export async function seedFixture(t: TestApp): Promise<Fixture> {
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

  // Time entries (work outside sessions, SPEC §11): never service or contact hours.
  const time = (team: string, worker: string, on: string, minutes: number, kind: string) =>
    insert(
      t,
      `INSERT INTO time_entry (team_id, worker_id, worked_on, minutes, kind) VALUES ($1, $2, $3, $4, $5)`,
      [team, worker, on, minutes, kind],
    );
  await time(A, wes.id, '2026-03-01', 20, 'outreach');
  await time(A, wes.id, '2026-03-31', 20, 'travel');
  await time(A, win.id, '2026-03-12', 20, 'documentation');
  await time(A, sue.id, '2026-03-20', 90, 'supervision');
  await time(A, wes.id, '2026-02-28', 30, 'travel'); // outside March
  await time(A, wes.id, '2026-04-01', 30, 'training'); // outside March
  await time(B, bea.id, '2026-03-10', 120, 'community_event');

  return { ...w, ann, p };
}

export const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/** Team A, March 2026, worked out from the table above. */
export const TEAM_A_MARCH = {
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
    byOutcome: {
      pending: 2,
      contacted: 0,
      scheduled: 0,
      connected: 2,
      not_connected: 0,
      declined: 1,
      no_capacity: 0,
      not_eligible: 0,
    },
    connectionRate: 0.67, // 2 / (2 + 0 + 1 + 0 + 0)
    // No handout of the fixture has the day of its outcome: none closed in the period.
    medianDaysToOutcome: null,
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
  // 20 + 20 + 20 + 90 = 150 minutes = 2.5 h (the kinds, rounded one by one, add up to 2.4).
  otherHours: {
    total: 2.5,
    byKind: {
      outreach: 0.3, // 20 min
      travel: 0.3, // 20 min (not Feb 28)
      documentation: 0.3, // 20 min
      training: 0, // Apr 1 falls outside
      supervision: 1.5, // 90 min
      community_event: 0,
      admin: 0,
    },
  },
};

/**
 * A spec file's app in ORG_TIMEZONE (with `overrides`) and the fixture in it:
 * made before its tests (handed to `use`), closed after them.
 */
export function withReportFixture(
  use: (t: TestApp, f: Fixture) => void,
  overrides: Partial<AppConfig> = {},
): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp({ orgTimezone: TZ, ...overrides });
    use(app, await seedFixture(app));
  });
  afterAll(() => app?.close());
}
