import {
  INSTRUMENT_KEYS,
  INSTRUMENTS,
  MEANINGFUL_CHANGE,
  type InstrumentKey,
} from '@peerpath/shared';
import { outcomesSql } from '../src/reports/outcomes';
import { recordKeySum } from '../src/reports/key-sums';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { answersFor } from './support/measures';
import { versionOf } from './support/organisation';
import { differences, expectMonthsExact } from './support/rollups';

/*
 * The outcomes report reads each measurement's place in the person's course
 * (baseline score, next measurement's day) and a month roll-up of the
 * countable measurements (migration OutcomeMonthRollups), all kept by
 * triggers. After any series of writes both must equal what the records give,
 * and the report's statement must give SPEC §9's definition read from the
 * records, for any period and scope, keys included.
 */

/** 2^52: key sums are kept in whole units of 2^-52, modulo 2^52. */
const M = '4503599627370496';
const modM = (sum: string) => `mod(coalesce(${sum}, 0), ${M})::int8`;
const HIGHER = INSTRUMENT_KEYS.filter((k) => INSTRUMENTS[k].better === 'higher');

/** Each live measurement's course worked out from the records. */
const COURSES = `
  SELECT m.id,
         CASE WHEN row_number() OVER w > 1 THEN first_value(m.score) OVER w END AS baseline_score,
         lead(m.taken_on) OVER w AS next_taken_on
    FROM measurement m WHERE m.voided_at IS NULL
  WINDOW w AS (PARTITION BY m.participant_id, m.instrument ORDER BY m.taken_on, m.created_at, m.id)
  UNION ALL
  SELECT m.id, NULL::smallint, NULL::date FROM measurement m WHERE m.voided_at IS NOT NULL`;

const COURSE_MISMATCHES = differences(
  COURSES,
  `SELECT id, baseline_score, next_taken_on FROM measurement`,
);

const COLUMNS = [
  'n',
  'baseline',
  'latest',
  'improved',
  'worsened',
  'key_n',
  'key_improved',
  'key_worsened',
];

/** Every stored month row that differs from the records, either way (rows that net to nothing left out). */
const MONTH_MISMATCHES = differences(
  `
  WITH c AS (${COURSES}), x AS (
    SELECT m.team_id, m.instrument, m.taken_on, c.next_taken_on, c.baseline_score, m.score,
           (p.record_key * ${M}::float8)::int8 AS k,
           CASE WHEN m.instrument = ANY('{${HIGHER.join(',')}}'::text[])
                THEN m.score - c.baseline_score ELSE c.baseline_score - m.score END AS better
      FROM measurement m JOIN c ON c.id = m.id JOIN participant p ON p.id = m.participant_id
     WHERE c.baseline_score IS NOT NULL
  )
  SELECT date_trunc('month', taken_on::timestamp)::date AS month,
         coalesce(date_trunc('month', next_taken_on::timestamp)::date, 'infinity') AS next_month,
         team_id, instrument::text,
         count(*)::int8 AS n, sum(baseline_score)::int8 AS baseline, sum(score)::int8 AS latest,
         count(*) FILTER (WHERE better >= ${MEANINGFUL_CHANGE})::int8 AS improved,
         count(*) FILTER (WHERE better <= -${MEANINGFUL_CHANGE})::int8 AS worsened,
         ${modM('sum(k)')} AS key_n,
         ${modM(`sum(k) FILTER (WHERE better >= ${MEANINGFUL_CHANGE})`)} AS key_improved,
         ${modM(`sum(k) FILTER (WHERE better <= -${MEANINGFUL_CHANGE})`)} AS key_worsened
    FROM x GROUP BY 1, 2, 3, 4`,
  `
  SELECT month, next_month, team_id, instrument::text, ${COLUMNS.join(', ')}
    FROM team_month_outcomes WHERE ${COLUMNS.map((c) => `${c} <> 0`).join(' OR ')}`,
);

/**
 * SPEC §9's definition read from the records alone (the report's statement
 * before the roll-up), with the keys of SPEC §14: $1 from, $2 to, $3 team or
 * null, $4 instruments, $5 higher is better, $6 meaningful change.
 */
const DEFINITION = `
  WITH x AS (
    SELECT m.participant_id, m.instrument,
           (array_agg(m.score ORDER BY m.taken_on, m.created_at, m.id))[1] AS baseline,
           (array_agg(m.score ORDER BY m.taken_on DESC, m.created_at DESC, m.id DESC))[1] AS latest,
           max(m.taken_on) AS latest_on, count(*) AS c
      FROM measurement m
     WHERE m.voided_at IS NULL AND m.taken_on <= $2::date
       AND ($3::uuid IS NULL OR m.team_id = $3::uuid) AND m.instrument = ANY($4::text[])
     GROUP BY m.participant_id, m.instrument
  ), d AS (
    SELECT x.participant_id, x.instrument, x.baseline, x.latest,
           CASE WHEN x.instrument = ANY($5::text[]) THEN x.latest - x.baseline
                ELSE x.baseline - x.latest END AS better
      FROM x WHERE x.latest_on >= $1::date AND x.c > 1
  )
  SELECT d.instrument, count(*)::int AS n,
         round(avg(d.baseline), 1)::float8 AS mean_baseline,
         round(avg(d.latest), 1)::float8 AS mean_latest,
         round(avg(d.latest - d.baseline), 1)::float8 AS mean_change,
         count(*) FILTER (WHERE d.better >= $6::int)::int AS improved,
         count(*) FILTER (WHERE d.better <= -$6::int)::int AS worsened,
         ${recordKeySum('p.record_key')} AS n_key,
         ${recordKeySum('p.record_key', ' FILTER (WHERE d.better >= $6::int)')} AS improved_key,
         ${recordKeySum('p.record_key', ' FILTER (WHERE d.better <= -$6::int)')} AS worsened_key
    FROM d JOIN participant p ON p.id = d.participant_id
   GROUP BY d.instrument ORDER BY d.instrument`;

/** Periods with whole months and without, ending on a month's last day and inside one. */
const PERIODS: [string, string][] = [
  ['2025-01-01', '2025-12-31'],
  ['2025-03-01', '2025-03-31'],
  ['2025-02-14', '2025-06-10'],
  ['2025-04-02', '2025-04-20'],
  ['2024-11-15', '2025-11-14'],
  ['2025-05-01', '2025-08-17'],
  ['2025-07-09', '2025-09-30'],
  ['2023-01-01', '2026-12-31'],
  ['2025-06-15', '2025-06-15'],
];

/** A small deterministic sequence of numbers in [0, 1). */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const day = (offset: number) =>
  new Date(Date.UTC(2024, 9, 1) + offset * 86_400_000).toISOString().slice(0, 10);

describe('outcome month roll-up', () => {
  let t: TestApp;
  let w: World;

  const expectCoursesAndMonths = async () => {
    expect((await t.db.query(COURSE_MISMATCHES)).rows).toEqual([]);
    return expectMonthsExact(
      t,
      [MONTH_MISMATCHES],
      `SELECT * FROM team_month_outcomes ORDER BY month, next_month, team_id, instrument`,
      (r) => COLUMNS.some((c) => String(r[c]) !== '0'),
    );
  };

  /** The report's statement gives the definition's rows, keys included, for every period and scope. */
  const expectReportsExact = async () => {
    let counted = 0;
    for (const [from, to] of PERIODS) {
      for (const teamId of [null, w.teamA.id, w.teamB.id]) {
        const params = [from, to, teamId, INSTRUMENT_KEYS, HIGHER, MEANINGFUL_CHANGE];
        const expected = (await t.db.query(DEFINITION, params)).rows;
        const got = (await t.db.query(outcomesSql(true), params)).rows.sort((x, y) =>
          x.instrument < y.instrument ? -1 : 1,
        );
        expect({ from, to, teamId, rows: got }).toEqual({ from, to, teamId, rows: expected });
        counted += expected.reduce((n: number, r: { n: number }) => n + r.n, 0);
      }
    }
    return counted;
  };

  async function person(teamId: string, name: string): Promise<string> {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, $2, 'Example', '2024-09-01') RETURNING id`,
      [teamId, name],
    );
    return rows[0].id;
  }

  /** Measurements in one multi-row INSERT, in the order given. */
  async function insert(rows: [string, string, InstrumentKey, string, number][]) {
    if (rows.length === 0) return;
    const values: unknown[] = [];
    const tuples = rows.map(([participantId, teamId, instrument, takenOn, score], i) => {
      values.push(participantId, teamId, instrument, takenOn, answersFor(instrument, score), score);
      const b = i * 6;
      return `($${b + 1}::uuid, $${b + 2}::uuid, $${b + 3}, $${b + 4}::date, $${b + 5}::smallint[], $${b + 6}::smallint, 'minimal', '${w.workerA.id}')`;
    });
    await t.db.query(
      `INSERT INTO measurement (participant_id, team_id, instrument, taken_on, answers, score, band, administered_by_id)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('keeps every course and month exact through inserts, voids, moves, changes and deletes', async () => {
    const next = sequence(20261206);
    const people: { id: string; team: string }[] = [];
    for (let i = 0; i < 14; i++) {
      const team = i % 3 === 2 ? w.teamB.id : w.teamA.id;
      people.push({ id: await person(team, `Person ${i + 1}`), team });
    }
    // Courses of one to six measures over two years, written out of date order in batches of
    // many people, with two on one day now and then.
    const all: [string, string, InstrumentKey, string, number][] = [];
    for (const p of people) {
      for (const instrument of INSTRUMENT_KEYS) {
        const count = Math.floor(next() * 7);
        let offset = Math.floor(next() * 120);
        for (let k = 0; k < count; k++) {
          const i = INSTRUMENTS[instrument];
          const lo = i.answers[0].value * i.items.length;
          const hi = i.answers[i.answers.length - 1].value * i.items.length;
          all.push([
            p.id,
            p.team,
            instrument,
            day(offset),
            lo + Math.floor(next() * (hi - lo + 1)),
          ]);
          offset += next() < 0.15 ? 0 : 20 + Math.floor(next() * 110);
        }
      }
    }
    const shuffled = all
      .map((r) => ({ r, k: next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
    for (let i = 0; i < shuffled.length; i += 17) await insert(shuffled.slice(i, i + 17));
    let months = await expectCoursesAndMonths();
    expect(months.length).toBeGreaterThan(20);
    expect(await expectReportsExact()).toBeGreaterThan(40);

    // A measurement voided through the API: the next one becomes the baseline.
    const { rows: firsts } = await t.db.query(
      `SELECT DISTINCT ON (participant_id, instrument) id FROM measurement
        WHERE team_id = $1 ORDER BY participant_id, instrument, taken_on, created_at, id LIMIT 3`,
      [w.teamA.id],
    );
    for (const f of firsts) {
      const res = await t.request('POST', `/api/measurements/${f.id}/void`, {
        token: w.supA.token,
        body: { reason: 'Entered for the wrong person' },
      });
      expect(res.status).toBe(200);
    }
    await expectCoursesAndMonths();

    // A new measurement through the API, between two others.
    const p0 = people[0];
    const created = await t.request('POST', '/api/measurements', {
      token: w.workerA.token,
      body: {
        participantId: p0.id,
        instrument: 'barc10',
        takenOn: '2025-05-20',
        answers: answersFor('barc10', 44),
      },
    });
    expect(created.status).toBe(201);
    await expectCoursesAndMonths();

    // In SQL: days and scores changed, some voided and one brought back, some deleted.
    await t.db.query(
      `UPDATE measurement SET taken_on = taken_on + 45, score = 10
        WHERE id IN (SELECT id FROM measurement WHERE instrument = 'barc10' ORDER BY id LIMIT 5)`,
    );
    await expectCoursesAndMonths();
    await t.db.query(
      `UPDATE measurement SET voided_at = now(), voided_by_id = $1, void_reason = 'Duplicate'
        WHERE id IN (SELECT id FROM measurement WHERE voided_at IS NULL ORDER BY score, id LIMIT 6)`,
      [w.supA.id],
    );
    await t.db.query(
      `UPDATE measurement SET voided_at = NULL, voided_by_id = NULL, void_reason = NULL
        WHERE id = (SELECT id FROM measurement WHERE voided_at IS NOT NULL ORDER BY id LIMIT 1)`,
    );
    await expectCoursesAndMonths();
    await t.db.query(
      `DELETE FROM measurement WHERE id IN (SELECT id FROM measurement ORDER BY created_at DESC, id LIMIT 4)`,
    );
    await expectCoursesAndMonths();
    expect(await expectReportsExact()).toBeGreaterThan(40);

    // An update that changes nothing the report reads writes no month.
    const before = await t.db.query(`SELECT xmin::text FROM team_month_outcomes ORDER BY 1`);
    await t.db.query(`UPDATE measurement SET updated_at = now(), self_entered = NOT self_entered`);
    expect(
      (await t.db.query(`SELECT xmin::text FROM team_month_outcomes ORDER BY 1`)).rows,
    ).toEqual(before.rows);

    // A person moves team through the API; their measures go with them (SPEC §1).
    const mover = people.find((p) => p.team === w.teamA.id)!;
    const moved = await t.request('PATCH', `/api/participants/${mover.id}`, {
      token: w.admin.token,
      body: { version: await versionOf(t, 'participant', mover.id), teamId: w.teamB.id },
    });
    expect(moved.status).toBe(200);
    await expectCoursesAndMonths();
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM measurement WHERE participant_id = $1 AND team_id <> $2`,
          [mover.id, w.teamB.id],
        )
      ).rows[0].n,
    ).toBe(0);
    expect(await expectReportsExact()).toBeGreaterThan(40);

    // Emptied: every month nets to nothing.
    await t.db.query(`TRUNCATE safety_alert, measurement`);
    months = await expectCoursesAndMonths();
    expect(months).toEqual([]);
    expect(await expectReportsExact()).toBe(0);
  });

  it('keeps one course exact when many write to it at once', async () => {
    const p = await person(w.teamA.id, 'Busy');
    const days = Array.from({ length: 16 }, (_, i) => day(30 + ((i * 37) % 400)));
    const results = await Promise.all(
      days.map((takenOn, i) =>
        t.request('POST', '/api/measurements', {
          token: w.workerA.token,
          body: {
            participantId: p,
            instrument: 'phq9',
            takenOn,
            answers: answersFor('phq9', (i * 5) % 28),
          },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(days.map(() => 201));
    await expectCoursesAndMonths();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM measurement WHERE participant_id = $1 AND baseline_score IS NOT NULL`,
      [p],
    );
    expect(rows[0].n).toBe(15);
    await expectReportsExact();
  });

  it('makes a second writer of the same course wait for the first', async () => {
    const p = await person(w.teamA.id, 'Waits');
    const insertOne = (takenOn: string, score: number) =>
      `INSERT INTO measurement (participant_id, team_id, instrument, taken_on, answers, score, band, administered_by_id)
       VALUES ('${p}', '${w.teamA.id}', 'gad7', '${takenOn}', '{${answersFor('gad7', score).join(',')}}', ${score}, 'mild', '${w.workerA.id}')`;
    const one = await t.db.connect();
    const two = await t.db.connect();
    try {
      await one.query('BEGIN');
      await two.query('BEGIN');
      await one.query(insertOne('2025-03-01', 15));
      const pid = (await two.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const second = two.query(insertOne('2025-06-01', 6));
      let waited = false;
      for (let i = 0; i < 100 && !waited; i++) {
        const { rows } = await t.db.query(
          `SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = $1`,
          [pid],
        );
        waited = rows[0]?.wait_event_type === 'Lock' && rows[0]?.wait_event === 'advisory';
        if (!waited) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waited).toBe(true);
      await one.query('COMMIT');
      await second;
      await two.query('COMMIT');
    } finally {
      one.release();
      two.release();
    }
    const { rows } = await t.db.query(
      `SELECT taken_on::text, baseline_score, next_taken_on::text FROM measurement
        WHERE participant_id = $1 ORDER BY taken_on`,
      [p],
    );
    expect(rows).toEqual([
      { taken_on: '2025-03-01', baseline_score: null, next_taken_on: '2025-06-01' },
      { taken_on: '2025-06-01', baseline_score: 15, next_taken_on: null },
    ]);
    await expectCoursesAndMonths();
  });
});
