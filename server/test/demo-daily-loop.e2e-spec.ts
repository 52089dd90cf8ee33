import { FOCUS_AREAS, SESSION_SETTINGS, SESSION_TYPES, todayIn } from '@peerpath/shared';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { seedDailyLoop } from '../src/database/seed/demo-daily-loop';
import { seedDemo, DEMO_PASSWORD } from '../src/database/seed/demo';
import { createTestApp, login, type TestApp } from './harness';

const TZ = 'Europe/London';

describe('demo data: the daily loop', () => {
  let t: TestApp;
  let seconds: number;

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    const ds = new DataSource(
      dataSourceOptions(t.config.databaseUrl, { poolSize: 2, timeZone: TZ }),
    );
    await ds.initialize();
    try {
      const started = Date.now();
      await seedDemo(ds, { ...t.config, demoData: true });
      seconds = (Date.now() - started) / 1000;
      // Running it again adds nothing.
      await seedDailyLoop(ds, t.config);
    } finally {
      await ds.destroy();
    }
  });
  afterAll(() => t.close());

  const one = async (sql: string, params: unknown[] = []) =>
    (await t.db.query(sql, params)).rows[0];

  it('seeds about sixty varied participants per team, quickly', async () => {
    expect(seconds).toBeLessThan(10);
    const { rows } = await t.db.query(
      `SELECT team_id, count(*)::int AS n,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE status = 'inactive')::int AS inactive,
              count(*) FILTER (WHERE status = 'discharged')::int AS discharged,
              count(DISTINCT primary_worker_id)::int AS workers,
              count(DISTINCT first_name || last_name)::int AS names
         FROM participant GROUP BY team_id`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.n).toBe(60);
      expect(r.names).toBe(60);
      expect(r.active).toBeGreaterThan(r.n / 2);
      expect(r.inactive).toBeGreaterThan(0);
      expect(r.discharged).toBeGreaterThan(0);
      expect(r.workers).toBeGreaterThanOrEqual(3);
    }
    const bad = await one(
      `SELECT count(*)::int AS n FROM participant p
         LEFT JOIN app_user u ON u.id = p.primary_worker_id AND u.team_id = p.team_id
        WHERE u.id IS NULL OR (p.status = 'discharged') <> (p.discharged_on IS NOT NULL)
           OR p.enrolled_on > $1::date OR p.enrolled_on < $1::date - 366 OR p.discharged_on < p.enrolled_on`,
      [todayIn(TZ)],
    );
    expect(bad.n).toBe(0);
    const areas = await one(
      `SELECT array_agg(DISTINCT a) AS a FROM participant, unnest(focus_areas) a`,
    );
    expect([...areas.a].sort()).toEqual([...FOCUS_AREAS].sort());
  });

  it('seeds six months of sessions across every model and setting, keeping the rules', async () => {
    const s = await one(
      `SELECT count(*)::int AS n, count(DISTINCT type)::int AS types, count(DISTINCT setting)::int AS settings,
              min(starts_at) AS first, max(starts_at) AS last FROM support_session`,
    );
    expect(s.n).toBeGreaterThan(300);
    expect(s.types).toBe(SESSION_TYPES.length);
    expect(s.settings).toBe(SESSION_SETTINGS.length);
    expect(s.last.getTime()).toBeLessThan(Date.now());
    expect(Date.now() - s.first.getTime()).toBeGreaterThan(170 * 86400000);
    const statuses = await one(
      `SELECT count(*) FILTER (WHERE status = 'attended')::int AS attended,
              count(*) FILTER (WHERE status = 'absent')::int AS absent,
              count(*) FILTER (WHERE status = 'excused')::int AS excused FROM attendance`,
    );
    expect(statuses.attended).toBeGreaterThan(3 * (statuses.absent + statuses.excused));
    expect(statuses.absent).toBeGreaterThan(0);
    expect(statuses.excused).toBeGreaterThan(0);
    const broken = await one(
      `SELECT
         (SELECT count(*) FROM support_session s
           WHERE (SELECT count(*) FROM attendance a WHERE a.session_id = s.id)
                 <> 1 AND s.type = 'one_to_one_mentoring')::int AS one_to_one,
         (SELECT count(*) FROM support_session s
           WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id))::int AS empty,
         (SELECT count(*) FROM attendance a JOIN support_session s ON s.id = a.session_id
            JOIN participant p ON p.id = a.participant_id
           WHERE p.team_id <> s.team_id OR s.starts_at::date < p.enrolled_on
              OR s.starts_at::date > p.discharged_on)::int AS attendees,
         (SELECT count(*) FROM support_session s JOIN app_user u ON u.id = s.facilitator_id
           WHERE u.team_id <> s.team_id)::int AS facilitators`,
    );
    expect(broken).toEqual({ one_to_one: 0, empty: 0, attendees: 0, facilitators: 0 });
  });

  it('shows a demo worker their team with recent contacts', async () => {
    const token = await login(t, 'alex.rivera@northside.example', DEMO_PASSWORD);
    const res = await t.request('GET', '/api/participants?pageSize=100', { token });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(60);
    const withContact = res.body.items.filter(
      (p: { lastContactOn: string | null }) => p.lastContactOn,
    );
    expect(withContact.length).toBeGreaterThan(40);
    const sessions = await t.request('GET', '/api/sessions?pageSize=5', { token });
    expect(sessions.body.total).toBeGreaterThan(150);
  });
});
