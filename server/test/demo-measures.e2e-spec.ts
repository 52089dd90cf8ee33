import { DEMO_PASSWORD } from '../src/database/seed/demo';
import { createDemoTestApp, login, type TestApp } from './harness';

describe('demo data: outcome measures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('measures most participants, with most improving, some flat and a few worse', async () => {
    const { rows } = await t.db.query(`
      SELECT (SELECT count(DISTINCT participant_id) FROM measurement)::float8
               / (SELECT count(*) FROM participant) AS measured,
             count(*) FILTER (WHERE better >= 5)::int AS improved,
             count(*) FILTER (WHERE abs(better) < 5)::int AS flat,
             count(*) FILTER (WHERE better <= -5)::int AS worse
        FROM (SELECT CASE WHEN instrument = 'barc10' THEN l - b ELSE b - l END AS better
                FROM (SELECT instrument,
                             (array_agg(score ORDER BY taken_on))[1] AS b,
                             (array_agg(score ORDER BY taken_on DESC))[1] AS l
                        FROM measurement GROUP BY participant_id, instrument
                      HAVING count(*) > 1) x) y`);
    const r = rows[0];
    expect(r.measured).toBeGreaterThan(0.5); // most people (recently enrolled ones are not due yet)
    expect(r.improved).toBeGreaterThan(r.flat);
    expect(r.flat).toBeGreaterThan(0);
    expect(r.worse).toBeGreaterThan(0);
    expect(r.worse).toBeLessThan(r.improved / 2);
  });

  it('has one open safety alert, on Alex Rivera’s caseload, and one resolved in writing', async () => {
    const token = await login(t, 'alex.rivera@northside.example', DEMO_PASSWORD);
    const open = await t.request('GET', '/api/alerts?status=open', { token });
    expect(open.status).toBe(200);
    expect(open.body.total).toBe(1);
    const { rows } = await t.db.query(`SELECT u.display_name FROM app_user u WHERE u.id = $1`, [
      open.body.items[0].primaryWorkerId,
    ]);
    expect(rows[0].display_name).toBe('Alex Rivera');
    const all = await t.db.query(
      `SELECT count(*) FILTER (WHERE resolved_at IS NULL)::int AS open, count(resolution)::int AS resolved FROM safety_alert`,
    );
    expect(all.rows[0]).toEqual({ open: 1, resolved: 1 });
    // Every stored score and band is what the server would compute.
    const wrong = await t.db.query(
      `SELECT m.instrument, m.score, m.answers FROM measurement m
        WHERE m.score <> (SELECT sum(a) FROM unnest(m.answers) a)`,
    );
    expect(wrong.rows).toEqual([]);
  });
});
