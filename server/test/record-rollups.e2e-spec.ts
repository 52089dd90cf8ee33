import { ADVOCACY_CATEGORIES, ADVOCACY_LEVELS, TIME_ENTRY_KINDS } from '@peerpath/shared';
import { ADVOCACY_ROLLUP_CELLS, TIME_ROLLUP_CELLS } from '../src/database/rollups';
import { createParticipant } from './factories/daily-loop';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { versionOf } from './support/organisation';
import { activityOf, differences, expectMonthsExact, monthRow } from './support/rollups';

/*
 * The month roll-up of participants enrolled and discharged, advocacy actions,
 * decision notes and time entries (migration RecordMonthRollups) is kept by
 * triggers. After any series of writes it must equal the records, and the
 * activity summary's figures must be the records' for any period.
 */

/** 2^52: key sums are kept in whole units of 2^-52, modulo 2^52. */
const M = '4503599627370496';
const modM = (sum: string) => `mod(coalesce(${sum}, 0), ${M})::int8`;

/** Each source's cells as the test counts them: column, table, day, condition, and whether minutes are summed. */
const SOURCES: [column: string, table: string, day: string, where: string, minutes: boolean][] = [
  ['enrolled', 'participant', 'enrolled_on', 'true', false],
  ['discharged', 'participant', 'discharged_on', 'true', false],
  ...ADVOCACY_ROLLUP_CELLS.map((c): [string, string, string, string, boolean] => [
    c.column,
    'advocacy_action',
    'opened_on',
    c.grouping === 'a'
      ? `category = '${c.key}'`
      : c.grouping === 'b'
        ? `level = '${c.key}'`
        : 'true',
    false,
  ]),
  ['advocacy_completed', 'advocacy_action', 'completed_on', 'true', false],
  ['decision_notes', 'decision_note', 'discussed_on', 'true', false],
  ...TIME_ROLLUP_CELLS.map((c): [string, string, string, string, boolean] => [
    c.column,
    'time_entry',
    'worked_on',
    c.key ? `kind = '${c.key}'` : 'true',
    true,
  ]),
];
const COLUMNS = SOURCES.flatMap(([c, , , , minutes]) => [
  c,
  `key_${c}`,
  ...(minutes ? [`minutes_${c}`] : []),
]);

/** Every team and month whose stored row differs from the records, either way (rows that net to nothing left out). */
const MISMATCHES = differences(
  `
    WITH d AS (
    ${SOURCES.map(
      ([c, table, day, where, minutes]) => `
    SELECT date_trunc('month', ${day}::timestamp)::date AS month, team_id, '${c}' AS cell,
           count(*)::int8 AS n, ${modM(`sum((record_key * ${M}::float8)::int8)`)} AS k,
           ${minutes ? 'sum(minutes)::int8' : '0::int8'} AS minutes
      FROM ${table} WHERE ${day} IS NOT NULL AND ${where} GROUP BY 1, 2`,
    ).join('\n    UNION ALL')}
    )
    SELECT month, team_id,
           ${SOURCES.map(
             ([c, , , , minutes]) =>
               `coalesce(sum(n) FILTER (WHERE cell = '${c}'), 0)::int8 AS ${c}, ` +
               `coalesce(sum(k) FILTER (WHERE cell = '${c}'), 0)::int8 AS key_${c}` +
               (minutes
                 ? `, coalesce(sum(minutes) FILTER (WHERE cell = '${c}'), 0)::int8 AS minutes_${c}`
                 : ''),
           ).join(',\n           ')}
      FROM d GROUP BY 1, 2
  `,
  `
    SELECT month, team_id, ${COLUMNS.join(', ')} FROM team_month_records
     WHERE ${COLUMNS.map((c) => `${c} <> 0`).join(' OR ')}
  `,
);

describe('record month roll-up', () => {
  let t: TestApp;
  let w: World;

  /** The stored months equal the records, and a rebuild (rolled back) writes the same rows. */
  const expectExact = () =>
    expectMonthsExact(
      t,
      [MISMATCHES],
      `SELECT * FROM team_month_records ORDER BY month, team_id`,
      (r) => COLUMNS.some((c) => String(r[c]) !== '0'),
    );
  const month = monthRow;

  async function participant(
    teamId: string,
    enrolledOn: string,
    dischargedOn: string | null = null,
  ) {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on, discharged_on, status)
       VALUES ($1, 'Yaw', 'Boateng', $2, $3, $4) RETURNING id`,
      [teamId, enrolledOn, dischargedOn, dischargedOn ? 'discharged' : 'active'],
    );
    return rows[0].id as string;
  }
  async function advocacy(
    teamId: string,
    participantId: string,
    openedOn: string,
    category: string,
    completedOn: string | null = null,
  ) {
    const { rows } = await t.db.query(
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, opened_on, worker_id, status, completed_on)
       VALUES ($1, $2, 'individual', $3, 'Call the housing office together', $4, $5, $6, $7) RETURNING id`,
      [
        teamId,
        participantId,
        category,
        openedOn,
        teamId === w.teamA.id ? w.workerA.id : w.workerB.id,
        completedOn ? 'done' : 'open',
        completedOn,
      ],
    );
    return rows[0].id as string;
  }
  async function systemic(teamId: string, openedOn: string) {
    await t.db.query(
      `INSERT INTO advocacy_action (team_id, level, category, title, opened_on, worker_id)
       VALUES ($1, 'systemic', 'policy', 'Bus passes for group members', $2, $3)`,
      [teamId, openedOn, teamId === w.teamA.id ? w.supA.id : w.supB.id],
    );
  }
  async function decisionNote(teamId: string, participantId: string, discussedOn: string) {
    await t.db.query(
      `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decided_by)
       VALUES ($1, $2, $3, $4, 'Trying a daytime group', '[]', 'participant')`,
      [teamId, participantId, teamId === w.teamA.id ? w.workerA.id : w.workerB.id, discussedOn],
    );
  }
  async function timeEntry(teamId: string, workedOn: string, kind: string, minutes: number) {
    const { rows } = await t.db.query(
      `INSERT INTO time_entry (team_id, worker_id, worked_on, kind, minutes)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [teamId, teamId === w.teamA.id ? w.workerA.id : w.workerB.id, workedOn, kind, minutes],
    );
    return rows[0].id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('keeps up with records written, changed, moved and deleted, through the API and in SQL', async () => {
    // Through the API: a participant enrolled and discharged, an advocacy action opened and done.
    const p = await createParticipant(t, w.workerA, { enrolledOn: '2023-02-10' });
    let rows = await expectExact();
    expect(month(rows, '2023-02-01', w.teamA.id)).toMatchObject({ enrolled: '1', discharged: '0' });
    const opened = await t.request<{ id: string; version: number }>(
      'POST',
      '/api/advocacy-actions',
      {
        token: w.workerA.token,
        body: {
          participantId: p.id,
          level: 'individual',
          category: 'housing',
          title: 'Ring the council about the repairs',
          openedOn: '2023-02-14',
        },
      },
    );
    expect(opened.status).toBe(201);
    const done = await t.request('PATCH', `/api/advocacy-actions/${opened.body.id}`, {
      token: w.workerA.token,
      body: { version: opened.body.version, status: 'done', completedOn: '2023-03-02' },
    });
    expect(done.status).toBe(200);
    rows = await expectExact();
    expect(month(rows, '2023-02-01', w.teamA.id)).toMatchObject({
      advocacy_opened: '1',
      advocacy_category_housing: '1',
      advocacy_level_individual: '1',
      advocacy_completed: '0',
    });
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({ advocacy_completed: '1' });

    // In SQL: every kind of record, then changes of day, category, kind and minutes.
    const q = await participant(w.teamA.id, '2023-02-20', '2023-04-03');
    const x = await advocacy(w.teamA.id, q, '2023-02-21', 'legal');
    await systemic(w.teamA.id, '2023-02-22');
    await decisionNote(w.teamA.id, q, '2023-02-23');
    const e = await timeEntry(w.teamA.id, '2023-02-24', 'outreach', 45);
    await timeEntry(w.teamA.id, '2023-02-25', 'travel', 30);
    rows = await expectExact();
    expect(month(rows, '2023-02-01', w.teamA.id)).toMatchObject({
      enrolled: '2',
      advocacy_opened: '3',
      advocacy_level_systemic: '1',
      decision_notes: '1',
      time_entries: '2',
      minutes_time_entries: '75',
      time_outreach: '1',
      minutes_time_outreach: '45',
    });
    expect(month(rows, '2023-04-01', w.teamA.id)).toMatchObject({ discharged: '1' });
    await t.db.query(
      `UPDATE advocacy_action SET category = 'benefits', opened_on = '2023-03-01' WHERE id = $1`,
      [x],
    );
    await t.db.query(`UPDATE time_entry SET kind = 'documentation', minutes = 50 WHERE id = $1`, [
      e,
    ]);
    await t.db.query(
      `UPDATE participant SET discharged_on = NULL, status = 'active' WHERE id = $1`,
      [q],
    );
    rows = await expectExact();
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({
      advocacy_category_benefits: '1',
    });
    expect(month(rows, '2023-02-01', w.teamA.id)).toMatchObject({
      minutes_time_entries: '80',
      time_outreach: '0',
      time_documentation: '1',
    });

    // A participant moves team through the API; their records go with them (SPEC §1).
    const before = await t.db.query(
      `SELECT xmin::text FROM team_month_records ORDER BY month, team_id`,
    );
    const renamed = await t.request('PATCH', `/api/participants/${q}`, {
      token: w.admin.token,
      body: { version: await versionOf(t, 'participant', q), preferredName: 'Yaw B.' },
    });
    expect(renamed.status).toBe(200);
    // A change that moves no figure writes nothing.
    expect(
      (await t.db.query(`SELECT xmin::text FROM team_month_records ORDER BY month, team_id`)).rows,
    ).toEqual(before.rows);
    const moved = await t.request('PATCH', `/api/participants/${q}`, {
      token: w.admin.token,
      body: { version: await versionOf(t, 'participant', q), teamId: w.teamB.id },
    });
    expect(moved.status).toBe(200);
    rows = await expectExact();
    expect(month(rows, '2023-02-01', w.teamB.id)).toMatchObject({
      enrolled: '1',
      decision_notes: '1',
    });
    expect(month(rows, '2023-03-01', w.teamB.id)).toMatchObject({ advocacy_opened: '1' });

    // Deleted, and a table emptied.
    await t.db.query(`DELETE FROM time_entry WHERE id = $1`, [e]);
    await expectExact();
    await t.db.query(`TRUNCATE time_entry`);
    rows = await expectExact();
    expect(rows.every((r) => String(r.time_entries) === '0')).toBe(true);
  });

  it("gives the records' figures for periods of whole months, part months and single days", async () => {
    // 2024 only, either side of month ends, in both teams.
    const days = [
      '2024-01-31',
      '2024-02-01',
      '2024-02-15',
      '2024-02-29',
      '2024-03-01',
      '2024-04-01',
    ];
    for (const [i, day] of days.entries()) {
      const team = i % 3 === 2 ? w.teamB.id : w.teamA.id;
      const p = await participant(team, day, i % 2 ? days[Math.min(i + 1, days.length - 1)] : null);
      await advocacy(team, p, day, ADVOCACY_CATEGORIES[i % 4], i % 2 ? day : null);
      if (i % 3 === 0) await systemic(team, day);
      await decisionNote(team, p, day);
      await timeEntry(team, day, TIME_ENTRY_KINDS[i % 3], 20 + 5 * i);
    }
    await expectExact();

    const raw = async (from: string, to: string, teamId: string | null) => {
      const q = async (sql: string) =>
        (await t.db.query(sql, [from, to, teamId])).rows as Record<string, unknown>[];
      const inTeam = `($3::uuid IS NULL OR team_id = $3)`;
      const count = async (table: string, day: string) =>
        Number(
          (
            await q(
              `SELECT count(*) AS n FROM ${table} WHERE ${day} BETWEEN $1 AND $2 AND ${inTeam}`,
            )
          )[0].n,
        );
      const advocacy = await q(
        `SELECT category, level FROM advocacy_action WHERE opened_on BETWEEN $1 AND $2 AND ${inTeam}`,
      );
      const time = await q(
        `SELECT kind, minutes FROM time_entry WHERE worked_on BETWEEN $1 AND $2 AND ${inTeam}`,
      );
      const hours = (m: number) => Math.round((m / 60) * 10) / 10;
      return {
        newParticipants: await count('participant', 'enrolled_on'),
        dischargedParticipants: await count('participant', 'discharged_on'),
        decisionNotes: await count('decision_note', 'discussed_on'),
        advocacy: {
          opened: advocacy.length,
          completed: await count('advocacy_action', 'completed_on'),
          byCategory: Object.fromEntries(
            ADVOCACY_CATEGORIES.map((c) => [c, advocacy.filter((a) => a.category === c).length]),
          ),
          byLevel: Object.fromEntries(
            ADVOCACY_LEVELS.map((l) => [l, advocacy.filter((a) => a.level === l).length]),
          ),
        },
        otherHours: {
          total: hours(time.reduce((n, e) => n + Number(e.minutes), 0)),
          byKind: Object.fromEntries(
            TIME_ENTRY_KINDS.map((k) => [
              k,
              hours(time.filter((e) => e.kind === k).reduce((n, e) => n + Number(e.minutes), 0)),
            ]),
          ),
        },
      };
    };
    const report = async (from: string, to: string, teamId: string | null) => {
      const s = await activityOf(t, w.admin.token, from, to, teamId);
      return {
        newParticipants: s.newParticipants,
        dischargedParticipants: s.dischargedParticipants,
        decisionNotes: s.decisionNotes,
        advocacy: s.advocacy,
        otherHours: s.otherHours,
      };
    };
    for (const [from, to, opened] of [
      ['2024-01-31', '2024-03-01', 7], // a whole month and a day either side
      ['2024-02-01', '2024-02-29', 4], // one whole month
      ['2024-02-02', '2024-02-28', 1], // inside a month, no whole one
      ['2024-01-01', '2024-04-30', 8], // four whole months
      ['2024-01-31', '2024-01-31', 2], // one day, a month's last
      ['2024-01-15', '2024-05-15', 8], // whole months with part months either side
      ['2024-03-02', '2024-03-30', 0], // a month's middle, nothing written
      ['2023-12-01', '2024-12-31', 8], // a year around them, the earlier year left out
    ] as const) {
      for (const teamId of [null, w.teamA.id, w.teamB.id]) {
        const [got, want] = [await report(from, to, teamId), await raw(from, to, teamId)];
        expect([from, to, teamId, got]).toEqual([from, to, teamId, want]);
        if (teamId === null) expect([from, to, got.advocacy.opened]).toEqual([from, to, opened]);
      }
    }
  });
});
