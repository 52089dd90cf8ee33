import {
  CLOSED_HANDOUT_OUTCOMES,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  type Handout,
  type Resource,
} from '@peerpath/shared';
import { HANDOUT_ROLLUP_CELLS } from '../src/database/rollups';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { versionOf } from './support/organisation';
import { activityOf, differences, expectMonthsExact, monthRow } from './support/rollups';

/*
 * The handout month roll-up (migration HandoutMonthRollups) is kept by
 * triggers on handouts and resources. After any series of writes — through the
 * API, straight SQL, in parallel — it must equal the handouts counted straight
 * from the records, and the activity summary's handout figures must be the
 * records' for any period.
 */

/** 2^52: key sums are kept in whole units of 2^-52, modulo 2^52. */
const M = '4503599627370496';
const units = `(h.record_key * ${M}::float8)::int8`;
const modM = (sum: string) => `mod(coalesce(${sum}, 0), ${M})::int8`;
const cellWhere = (c: (typeof HANDOUT_ROLLUP_CELLS)[number]) =>
  c.grouping === 'a'
    ? `r.category = '${c.key}'`
    : c.grouping === 'b'
      ? `h.outcome = '${c.key}'`
      : 'true';
const COLUMNS = HANDOUT_ROLLUP_CELLS.flatMap((c) => [c.column, `key_${c.column}`]);

/** Every team and month whose stored row differs from the records, either way (rows that net to nothing left out). */
const MISMATCHES = differences(
  `
    SELECT date_trunc('month', h.given_on::timestamp)::date AS month, h.team_id,
           ${HANDOUT_ROLLUP_CELLS.map(
             (c) =>
               `count(*) FILTER (WHERE ${cellWhere(c)})::int8 AS ${c.column}, ` +
               `${modM(`sum(${units}) FILTER (WHERE ${cellWhere(c)})`)} AS key_${c.column}`,
           ).join(',\n           ')}
      FROM handout h JOIN resource r ON r.id = h.resource_id
     GROUP BY 1, 2
  `,
  `
    SELECT month, team_id, ${COLUMNS.join(', ')} FROM team_month_handouts
     WHERE ${COLUMNS.map((c) => `${c} <> 0`).join(' OR ')}
  `,
);

/** The closed referrals by team, month of their last step and days to it, stored against the records. */
const DAYS_MISMATCHES = differences(
  `
    SELECT date_trunc('month', outcome_on::timestamp)::date AS month, team_id,
           outcome_on - given_on AS days, count(*)::int8 AS closed
      FROM handout
     WHERE outcome IN (${CLOSED_HANDOUT_OUTCOMES.map((o) => `'${o}'`).join(', ')}) AND outcome_on IS NOT NULL
     GROUP BY 1, 2, 3
  `,
  `
    SELECT month, team_id, days, closed FROM team_month_referral_days WHERE closed <> 0
  `,
);

describe('handout month roll-up', () => {
  let t: TestApp;
  let w: World;
  let pA: string[];
  let pB: string;
  let food: Resource;
  let housing: Resource;

  async function participant(teamId: string, first: string): Promise<string> {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, $2, 'Mensah', '2023-01-02') RETURNING id`,
      [teamId, first],
    );
    return rows[0].id as string;
  }

  async function give(
    token: string,
    participantId: string,
    resource: Resource,
    givenOn: string,
  ): Promise<Handout> {
    const res = await t.request<Handout>('POST', '/api/handouts', {
      token,
      body: { participantId, resourceId: resource.id, method: 'warm_handoff', givenOn },
    });
    if (res.status !== 201) throw new Error(`handout failed: ${res.status} ${res.text}`);
    return res.body;
  }

  const step = (token: string, h: Handout, status: string, on: string) =>
    t.request<Handout>('POST', `/api/handouts/${h.id}/status`, { token, body: { status, on } });

  /** The stored months equal the records, and a rebuild (rolled back) writes the same rows. */
  const expectExact = () =>
    expectMonthsExact(
      t,
      [MISMATCHES, DAYS_MISMATCHES],
      `SELECT * FROM team_month_handouts WHERE handouts <> 0 ORDER BY month, team_id`,
    );
  const month = monthRow;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = [
      await participant(w.teamA.id, 'Ama'),
      await participant(w.teamA.id, 'Kofi'),
      await participant(w.teamA.id, 'Abena'),
    ];
    pB = await participant(w.teamB.id, 'Esi');
    const resource = async (name: string, category: string) =>
      (
        await t.request<Resource>('POST', '/api/resources', {
          token: w.admin.token,
          body: { name, category },
        })
      ).body;
    food = await resource('Harbor Food Pantry', 'food');
    housing = await resource('Eastside Housing Help', 'housing');
  });
  afterAll(() => t.close());

  it('keeps up with handouts given, their steps, a move of team, a changed resource category and SQL writes', async () => {
    const h1 = await give(w.workerA.token, pA[0], food, '2023-03-31');
    const h2 = await give(w.workerA.token, pA[1], housing, '2023-04-01');
    const h3 = await give(w.workerB.token, pB, food, '2023-04-15');
    let rows = await expectExact();
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({
      handouts: '1',
      category_food: '1',
      outcome_pending: '1',
    });
    expect(month(rows, '2023-04-01', w.teamA.id)).toMatchObject({
      handouts: '1',
      category_housing: '1',
    });
    // Each key sum is the handout's own key, in units.
    const { rows: key } = await t.db.query(`SELECT ${units} AS k FROM handout h WHERE id = $1`, [
      h1.id,
    ]);
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({
      key_handouts: String(key[0].k),
      key_category_food: String(key[0].k),
      key_outcome_pending: String(key[0].k),
      key_category_housing: '0',
    });

    // Referral steps move a handout between statuses; a note alone writes nothing.
    expect((await step(w.workerA.token, h1, 'contacted', '2023-04-03')).status).toBe(200);
    expect((await step(w.workerA.token, h1, 'connected', '2023-04-10')).status).toBe(200);
    expect((await step(w.workerB.token, h3, 'declined', '2023-04-20')).status).toBe(200);
    const before = await t.db.query(`SELECT xmin::text FROM team_month_handouts ORDER BY 1`);
    const noted = await t.request('PATCH', `/api/handouts/${h2.id}`, {
      token: w.workerA.token,
      body: { note: 'Rang them together on the Tuesday' },
    });
    expect(noted.status).toBe(200);
    expect(
      (await t.db.query(`SELECT xmin::text FROM team_month_handouts ORDER BY 1`)).rows,
    ).toEqual(before.rows);
    rows = await expectExact();
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({
      outcome_pending: '0',
      outcome_connected: '1',
    });

    // A participant moves team: their handouts go with them (SPEC §1), and so do their months.
    const moved = await t.request('PATCH', `/api/participants/${pA[1]}`, {
      token: w.admin.token,
      body: { version: await versionOf(t, 'participant', pA[1]), teamId: w.teamB.id },
    });
    expect(moved.status).toBe(200);
    rows = await expectExact();
    expect(month(rows, '2023-04-01', w.teamA.id)).toBeUndefined();
    expect(month(rows, '2023-04-01', w.teamB.id)).toMatchObject({
      handouts: '2',
      category_food: '1',
      category_housing: '1',
    });

    // The resource's category changes: its handouts move to the new one, in every month.
    const changed = await t.request('PATCH', `/api/resources/${food.id}`, {
      token: w.admin.token,
      body: { category: 'benefits' },
    });
    expect(changed.status).toBe(200);
    rows = await expectExact();
    expect(month(rows, '2023-03-01', w.teamA.id)).toMatchObject({
      category_food: '0',
      category_benefits: '1',
    });

    // Straight SQL: another day, another resource, deleted, and a table emptied.
    await t.db.query(`UPDATE handout SET given_on = '2023-05-02' WHERE id = $1`, [h3.id]);
    await t.db.query(`UPDATE handout SET resource_id = $1 WHERE id = $2`, [housing.id, h1.id]);
    // The day of the last step alone: the referral stays closed, its month and days change.
    await t.db.query(`UPDATE handout SET outcome_on = '2023-05-20' WHERE id = $1`, [h1.id]);
    await expectExact();
    await t.db.query(`DELETE FROM handout WHERE id = $1`, [h2.id]);
    rows = await expectExact();
    expect(rows.map((r) => [r.month, r.team_id, r.handouts])).toEqual([
      ['2023-03-01', w.teamA.id, '1'],
      ['2023-05-01', w.teamB.id, '1'],
    ]);
  });

  it('stays exact under parallel writers to the same months, and a category changed meanwhile', async () => {
    const made = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        give(
          i % 3 ? w.workerA.token : w.workerA2.token,
          // Kofi (pA[1]) moved to team B in the test above.
          pA[2 * (i % 2)],
          i % 2 ? food : housing,
          `2023-07-0${1 + (i % 4)}`,
        ),
      ),
    );
    const results = await Promise.all([
      ...made.map(
        async (h, i) =>
          (await step(w.workerA.token, h, HANDOUT_OUTCOMES[1 + (i % 7)], '2023-07-09')).status,
      ),
      t
        .request('PATCH', `/api/resources/${housing.id}`, {
          token: w.admin.token,
          body: { category: 'legal' },
        })
        .then((r) => r.status),
    ]);
    expect(results).toEqual(Array(25).fill(200));
    const rows = await expectExact();
    expect(month(rows, '2023-07-01', w.teamA.id)).toMatchObject({
      handouts: '24',
      category_legal: '12',
      category_benefits: '12',
      outcome_pending: '0',
    });
  });

  it('counts a handout in the category its resource has when both are written at once, whichever commits first', async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO resource (name, category) VALUES ('Northside Legal Clinic', 'legal') RETURNING id`,
    );
    const resourceId = rows[0].id;
    const insertHandout = `
      INSERT INTO handout (participant_id, team_id, resource_id, worker_id, given_on, method)
      VALUES ($1, $2, $3, $4, '2023-09-05', 'printed')`;
    const handoutArgs = [pA[0], w.teamA.id, resourceId, w.workerA.id];
    /** Resolves once the backend `pid` waits for a lock. */
    const waiting = async (pid: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows: r } = await t.db.query(
          `SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`,
          [pid],
        );
        if (r[0]?.wait_event_type === 'Lock') return;
        await new Promise((done) => setTimeout(done, 10));
      }
      throw new Error(`backend ${pid} never waited for a lock`);
    };
    // The handout first, then the category (crisis) waits; then the category (legal) first and the
    // next handout waits. Either way every handout of the month ends up in the category now.
    for (const [first, category, n] of [
      ['handout', 'crisis', '1'],
      ['category', 'legal', '2'],
    ] as const) {
      const [a, b] = [await t.db.connect(), await t.db.connect()];
      try {
        const pidOf = async (c: typeof a) =>
          (await c.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid as number;
        const [pidA, pidB] = [await pidOf(a), await pidOf(b)];
        const change = `UPDATE resource SET category = '${category}' WHERE id = $1`;
        await a.query('BEGIN');
        await b.query('BEGIN');
        if (first === 'handout') {
          await a.query(insertHandout, handoutArgs);
          const second = b.query(change, [resourceId]);
          await waiting(pidB);
          await a.query('COMMIT');
          await second;
          await b.query('COMMIT');
        } else {
          await b.query(change, [resourceId]);
          const second = a.query(insertHandout, handoutArgs);
          await waiting(pidA);
          await b.query('COMMIT');
          await second;
          await a.query('COMMIT');
        }
      } finally {
        a.release();
        b.release();
      }
      const rows = await expectExact();
      expect([first, month(rows, '2023-09-01', w.teamA.id)]).toMatchObject([
        first,
        { handouts: n, [`category_${category}`]: n },
      ]);
    }
  });

  it("gives the records' handout figures for periods of whole months, part months and single days", async () => {
    // 2024 only: handouts either side of month ends, in two teams and several categories and statuses.
    // Each step is taken some days after the handout (its last step, and days to it, also cross month ends).
    const at: [string, Resource, string | null, string][] = [
      ['2024-01-31', food, null, ''],
      ['2024-02-01', housing, 'connected', '2024-02-01'],
      ['2024-02-15', food, 'not_connected', '2024-03-04'],
      ['2024-02-29', housing, 'declined', '2024-03-01'],
      ['2024-03-01', food, 'connected', '2024-03-11'],
      ['2024-03-31', housing, null, ''],
      ['2024-04-01', food, 'contacted', '2024-04-02'],
      ['2024-01-10', housing, 'no_capacity', '2024-01-31'],
      ['2024-01-12', food, 'connected', '2024-02-14'],
    ];
    for (const [i, [day, resource, status, on]] of at.entries()) {
      const [token, person] = i % 3 === 2 ? [w.workerB.token, pB] : [w.workerA.token, pA[0]];
      const h = await give(token, person, resource, day);
      if (status) expect((await step(token, h, status, on)).status).toBe(200);
    }
    await expectExact();

    const raw = async (from: string, to: string, teamId: string | null) => {
      const { rows } = await t.db.query(
        `SELECT r.category, h.outcome FROM handout h JOIN resource r ON r.id = h.resource_id
          WHERE h.given_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR h.team_id = $3)`,
        [from, to, teamId],
      );
      const byCategory = Object.fromEntries(RESOURCE_CATEGORIES.map((c) => [c, 0]));
      const byOutcome = Object.fromEntries(HANDOUT_OUTCOMES.map((o) => [o, 0]));
      for (const r of rows) {
        byCategory[r.category]++;
        byOutcome[r.outcome]++;
      }
      const decided = CLOSED_HANDOUT_OUTCOMES.reduce((n, o) => n + byOutcome[o], 0);
      const { rows: closed } = await t.db.query(
        `SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY outcome_on - given_on))::numeric, 1)::float8 AS m
           FROM handout
          WHERE outcome = ANY($4::text[]) AND outcome_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR team_id = $3)`,
        [from, to, teamId, CLOSED_HANDOUT_OUTCOMES],
      );
      return {
        total: rows.length,
        byCategory,
        byOutcome,
        connectionRate: decided ? Math.round((byOutcome.connected / decided) * 100) / 100 : null,
        medianDaysToOutcome: closed[0].m as number | null,
      };
    };
    const report = async (from: string, to: string, teamId: string | null) => {
      const { total, byCategory, byOutcome, connectionRate, medianDaysToOutcome } = (
        await activityOf(t, w.admin.token, from, to, teamId)
      ).handouts;
      return { total, byCategory, byOutcome, connectionRate, medianDaysToOutcome };
    };
    for (const [from, to, n] of [
      ['2024-01-31', '2024-03-01', 5], // a whole month and a day either side
      ['2024-02-01', '2024-02-29', 3], // one whole month
      ['2024-02-02', '2024-02-28', 1], // inside a month, no whole one
      ['2024-01-01', '2024-04-30', 9], // four whole months
      ['2024-01-31', '2024-01-31', 1], // one day, a month's last
      ['2024-01-15', '2024-05-15', 7], // whole months with part months either side
      ['2024-03-02', '2024-03-30', 0], // a month's middle, nothing given (two referrals closed)
      ['2023-12-01', '2024-12-31', 9], // a year around them, the earlier years' handouts left out
    ] as const) {
      for (const teamId of [null, w.teamA.id, w.teamB.id]) {
        const [got, want] = [await report(from, to, teamId), await raw(from, to, teamId)];
        expect([from, to, teamId, got]).toEqual([from, to, teamId, want]);
        if (teamId === null) expect([from, to, got.total]).toEqual([from, to, n]);
      }
    }
  });
});
