import {
  SESSION_SETTINGS,
  SESSION_TYPES,
  formatOf,
  type Participant,
  type Session,
} from '@peerpath/shared';
import { createApp } from '../src/app.factory';
import { ROLLUP_COUNT_COLUMNS, ROLLUP_KEY_COLUMNS } from '../src/database/rollups';
import { ReportsService } from '../src/reports/reports.service';
import { createParticipant, createSession } from './factories/daily-loop';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

/*
 * The report roll-ups (migration ReportRollups) are kept by triggers. After any
 * series of writes — through the API, straight SQL, in parallel, or a change of
 * ORG_TIMEZONE — they must equal a rebuild from the records, row for row.
 */

const TZ = 'America/New_York';

interface Rollups {
  days: Record<string, unknown>[];
  months: Record<string, unknown>[];
  contact: { participant_id: string; team_id: string; days: string }[];
}

/** The roll-ups as stored (rows that net to nothing left out: a rebuild does not write them). */
async function readRollups(q: (sql: string) => Promise<{ rows: any[] }>): Promise<Rollups> {
  const days = await q(
    `SELECT * FROM team_day_activity
      WHERE sessions <> 0 OR minutes <> 0 OR group_attended <> 0 OR attended_minutes <> 0
         OR attended <> 0
      ORDER BY day, team_id`,
  );
  const months = await q(
    `SELECT * FROM team_month_activity
      WHERE sessions <> 0 OR minutes <> 0 OR group_attended <> 0 OR attended_minutes <> 0
         OR attended <> 0
      ORDER BY month, team_id`,
  );
  const contact = await q(
    `SELECT participant_id, team_id, days::text FROM participant_contact
      WHERE NOT isempty(days) ORDER BY participant_id, team_id`,
  );
  return { days: days.rows, months: months.rows, contact: contact.rows };
}

const GROUP_TYPES = SESSION_TYPES.filter((x) => formatOf(x) === 'group');
/** 2^52: keys are kept in whole units of 2^-52, each day's sum modulo 2^52 (migration RollupKeyUnits). */
const M = '4503599627370496';
const units = (k: string) => `(${k} * ${M}::float8)::int8`;
const modM = (sum: string) => `mod(coalesce(${sum}, 0), ${M})::int8`;
const keySums = (k: string, where = 'true') => modM(`sum(${units(k)}) FILTER (WHERE ${where})`);
const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * The record key sums of every team and org-local day, straight from the
 * records (migration RollupCellKeys): its live sessions' keys in total, by type
 * and by setting, and its attended rows (their number, their keys, those of
 * group sessions). A stored row that differs from them, either way, is returned.
 */
const KEY_MISMATCHES = `
  WITH s AS (
    SELECT s.id, s.team_id, (s.starts_at AT TIME ZONE (SELECT org_timezone FROM report_setting))::date AS day,
           s.type, s.setting, s.record_key
      FROM support_session s WHERE s.voided_at IS NULL
  ), k AS (
    SELECT s.team_id, s.day,
           ${keySums('s.record_key')} AS key_sessions,
           ${SESSION_TYPES.map((x) => `${keySums('s.record_key', `s.type = '${x}'`)} AS key_type_${x}`).join(', ')},
           ${SESSION_SETTINGS.map((x) => `${keySums('s.record_key', `s.setting = '${x}'`)} AS key_setting_${x}`).join(', ')},
           coalesce(sum(a.n), 0)::int AS attended, ${modM('sum(a.k)')} AS key_attended,
           ${modM(`sum(a.k) FILTER (WHERE s.type IN (${quoted(GROUP_TYPES)}))`)} AS key_group_attended
      FROM s LEFT JOIN (SELECT session_id, count(*) AS n, sum(${units('record_key')}) AS k FROM attendance
                         WHERE status = 'attended' GROUP BY session_id) a ON a.session_id = s.id
     GROUP BY s.team_id, s.day
  ), r AS (
    SELECT team_id, day, key_sessions,
           ${SESSION_TYPES.map((x) => `key_type_${x}`).join(', ')},
           ${SESSION_SETTINGS.map((x) => `key_setting_${x}`).join(', ')},
           attended, key_attended, key_group_attended
      FROM team_day_activity WHERE sessions <> 0
  )
  SELECT * FROM (SELECT * FROM k EXCEPT SELECT * FROM r) x
  UNION ALL
  SELECT * FROM (SELECT * FROM r EXCEPT SELECT * FROM k) y`;

/**
 * The month roll-up (migration MonthRollups) against the day roll-up summed by
 * month, straight in SQL: each team and month's counts, and its key sums
 * modulo 2^52. A month that differs, either way, is returned.
 */
const MONTH_MISMATCHES = `
  WITH d AS (
    SELECT date_trunc('month', day::timestamp)::date AS month, team_id,
           ${ROLLUP_COUNT_COLUMNS.map((c) => `sum(${c})::int8 AS ${c}`).join(', ')},
           ${ROLLUP_KEY_COLUMNS.map((c) => `${modM(`sum(${c})`)} AS ${c}`).join(', ')}
      FROM team_day_activity GROUP BY 1, 2
  ), m AS (
    SELECT month, team_id, ${ROLLUP_COUNT_COLUMNS.map((c) => `${c}::int8`).join(', ')}, ${ROLLUP_KEY_COLUMNS.join(', ')}
      FROM team_month_activity
  )
  SELECT * FROM (SELECT * FROM d EXCEPT SELECT * FROM m) x
  UNION ALL
  SELECT * FROM (SELECT * FROM m EXCEPT SELECT * FROM d) y`;

describe('report roll-ups', () => {
  let t: TestApp;
  let w: World;
  let p: Participant[];

  /** The roll-ups as the triggers left them, and as a rebuild computes them (rolled back). */
  async function incrementalAndRebuilt(): Promise<[Rollups, Rollups]> {
    const c = await t.db.connect();
    try {
      const incremental = await readRollups((sql) => c.query(sql));
      await c.query('BEGIN');
      await c.query('SELECT rebuild_report_rollups()');
      const rebuilt = await readRollups((sql) => c.query(sql));
      await c.query('ROLLBACK');
      return [incremental, rebuilt];
    } finally {
      c.release();
    }
  }

  async function expectExact(): Promise<Rollups> {
    const [incremental, rebuilt] = await incrementalAndRebuilt();
    expect(incremental).toEqual(rebuilt);
    expect((await t.db.query(KEY_MISMATCHES)).rows).toEqual([]);
    expect((await t.db.query(MONTH_MISMATCHES)).rows).toEqual([]);
    // Each contact row carries its participant's record key (migration ContactRecordKey).
    const { rows: keys } = await t.db.query(
      `SELECT pc.participant_id FROM participant_contact pc JOIN participant p ON p.id = pc.participant_id
        WHERE pc.record_key IS DISTINCT FROM p.record_key`,
    );
    expect(keys).toEqual([]);
    return incremental;
  }

  const patch = async (s: Session, body: Record<string, unknown>) => {
    const res = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.supA.token,
      body: { version: s.version, ...body },
    });
    expect(res.status).toBe(200);
    return res.body as Session;
  };

  const lastContact = async (participant: Participant) => {
    const res = await t.request('GET', `/api/participants?search=${participant.lastName}`, {
      token: w.workerA.token,
    });
    expect(res.status).toBe(200);
    return res.body.items[0].lastContactOn as string | null;
  };

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    w = await seedWorld(t);
    p = [];
    for (const name of ['Ames', 'Bose', 'Cruz', 'Diaz']) {
      p.push(await createParticipant(t, w.workerA, { firstName: 'Pat', lastName: name }));
    }
  });
  afterAll(() => t.close());

  it('sets the database time zone to ORG_TIMEZONE at start', async () => {
    const { rows } = await t.db.query(`SELECT org_timezone FROM report_setting`);
    expect(rows).toEqual([{ org_timezone: TZ }]);
  });

  it('counts a session by its org-local day and keeps up with every kind of change', async () => {
    // 23:30 in New York on 2 March is 04:30 UTC on 3 March: it belongs to 2 March.
    const late = await createSession(t, w.workerA, [p[0].id, p[1].id], {
      startsAt: '2026-03-03T04:30:00Z',
      durationMinutes: 60,
    });
    const one = await createSession(t, w.workerA, [p[2].id], {
      type: 'one_to_one_mentoring',
      setting: 'phone',
      startsAt: '2026-03-05T15:00:00Z',
      durationMinutes: 45,
    });
    const mixed = await createSession(t, w.workerA, [], {
      startsAt: '2026-03-09T14:00:00Z',
      attendance: [
        { participantId: p[0].id, status: 'attended' },
        { participantId: p[1].id, status: 'absent' },
        { participantId: p[3].id, status: 'excused' },
      ],
    });
    let stored = await expectExact();
    expect(stored.days.map((d) => [d.day, d.sessions, d.group_attended])).toEqual([
      ['2026-03-02', 1, 2],
      ['2026-03-05', 1, 0],
      ['2026-03-09', 1, 1],
    ]);
    expect(stored.days[0]).toMatchObject({
      type_support_group: 1,
      setting_community_center: 1,
      minutes: '60',
      attended_minutes: '120',
    });
    expect(stored.days[1]).toMatchObject({ type_one_to_one_mentoring: 1, setting_phone: 1 });
    // The key sums ride along, in units: the late session's key, and its two attended rows' keys.
    const key = async (sql: string, id: string) => String((await t.db.query(sql, [id])).rows[0].k);
    expect(stored.days[0]).toMatchObject({
      attended: 2,
      key_sessions: await key(
        `SELECT ${units('record_key')} AS k FROM support_session WHERE id = $1`,
        late.id,
      ),
      key_type_support_group: await key(
        `SELECT ${units('record_key')} AS k FROM support_session WHERE id = $1`,
        late.id,
      ),
      key_attended: await key(
        `SELECT ${modM(`sum(${units('record_key')})`)} AS k FROM attendance WHERE session_id = $1 AND status = 'attended'`,
        late.id,
      ),
      key_type_one_to_one_mentoring: '0',
    });
    expect(stored.days[1]).toMatchObject({ attended: 1, key_group_attended: '0' });
    expect(Number(stored.days[1].key_attended)).toBeGreaterThan(0);
    expect(await lastContact(p[0])).toBe('2026-03-09');
    expect(await lastContact(p[3])).toBeNull();

    // Moved to another day, type, setting and length, with a new attendance list.
    const moved = await patch(mixed, {
      startsAt: '2026-03-12T14:00:00Z',
      type: 'educational_group',
      setting: 'clinic',
      durationMinutes: 120,
      attendance: [
        { participantId: p[1].id, status: 'attended' },
        { participantId: p[3].id, status: 'attended' },
      ],
    });
    stored = await expectExact();
    expect(stored.days.map((d) => d.day)).toEqual(['2026-03-02', '2026-03-05', '2026-03-12']);
    expect(stored.days[2]).toMatchObject({
      type_educational_group: 1,
      setting_clinic: 1,
      group_attended: 2,
      attended_minutes: '240',
    });
    expect(await lastContact(p[0])).toBe('2026-03-02');
    expect(await lastContact(p[3])).toBe('2026-03-12');

    // Statuses changed and a session moved to another team, straight in SQL.
    await t.db.query(
      `UPDATE attendance SET status = 'absent' WHERE session_id = $1 AND participant_id = $2`,
      [late.id, p[1].id],
    );
    await t.db.query(`UPDATE support_session SET team_id = $1 WHERE id = $2`, [w.teamB.id, one.id]);
    stored = await expectExact();
    expect(stored.days.find((d) => d.day === '2026-03-05')?.team_id).toBe(w.teamB.id);
    expect(stored.contact).toContainEqual({
      participant_id: p[2].id,
      team_id: w.teamB.id,
      days: '{[2026-03-05,2026-03-06)}',
    });

    // Voided sessions count nowhere, and take their days with them.
    for (const s of [late, moved]) {
      const res = await t.request('DELETE', `/api/sessions/${s.id}?reason=Logged%20twice`, {
        token: w.supA.token,
      });
      expect(res.status).toBe(204);
    }
    stored = await expectExact();
    expect(stored.days.map((d) => d.day)).toEqual(['2026-03-05']);
    expect(await lastContact(p[0])).toBeNull();
    expect(await lastContact(p[3])).toBeNull();
  });

  it('stays exact under parallel writers to the same days and people', async () => {
    for (let round = 0; round < 3; round++) {
      const made = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          createSession(t, i % 2 ? w.workerA : w.workerA2, [p[i % 4].id, p[(i + 1) % 4].id], {
            startsAt: `2026-04-0${1 + (i % 3)}T1${i % 10}:00:00Z`,
            type: i % 3 ? 'support_group' : 'family_support_group',
          }),
        ),
      );
      // Every writer succeeds: no deadlock, no lost update.
      const results = await Promise.all(
        made.slice(0, 12).map(async (s, i) =>
          i % 2
            ? (
                await t.request('DELETE', `/api/sessions/${s.id}?reason=Logged%20twice`, {
                  token: w.supA.token,
                })
              ).status
            : (
                await patch(s, {
                  startsAt: '2026-04-05T12:00:00Z',
                  attendance: [{ participantId: p[(i + 2) % 4].id, status: 'attended' }],
                })
              ).version,
        ),
      );
      expect(results).toEqual(made.slice(0, 12).map((s, i) => (i % 2 ? 204 : s.version + 1)));
    }
    const stored = await expectExact();
    const april = stored.days.filter((d) => String(d.day).startsWith('2026-04'));
    expect(april.reduce((n, d) => n + Number(d.sessions), 0)).toBe(3 * (24 - 6));
  });

  it('counts participants served as the records do, whether a period holds a first, a last or only a middle day', async () => {
    const q = await createParticipant(t, w.workerA, { firstName: 'Rae', lastName: 'Middleton' });
    for (const day of ['2025-01-10', '2025-03-15', '2025-06-10']) {
      await createSession(t, w.workerA, [q.id], { startsAt: `${day}T17:00:00Z` });
    }
    const raw = async (from: string, to: string) =>
      Number(
        (
          await t.db.query(
            `SELECT count(DISTINCT a.participant_id) AS n
               FROM attendance a JOIN support_session s ON s.id = a.session_id
              WHERE a.status = 'attended'
                AND (s.starts_at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date`,
            [from, to, TZ],
          )
        ).rows[0].n,
      );
    const served = async (from: string, to: string) => {
      const res = await t.request('GET', `/api/reports/activity?from=${from}&to=${to}`, {
        token: w.admin.token,
      });
      expect(res.status).toBe(200);
      return res.body.participantsServed as number;
    };
    for (const [from, to, rae] of [
      ['2025-01-01', '2025-01-31', 1], // the first day
      ['2025-06-01', '2025-06-30', 1], // the last day
      ['2025-03-01', '2025-03-31', 1], // between the two, a middle day
      ['2025-04-01', '2025-05-31', 0], // between the two, no day
      ['2024-11-01', '2024-12-31', 0], // before the first
      ['2025-07-01', '2025-12-31', 0], // after the last
      ['2024-01-01', '2025-12-31', 1], // around all three
    ] as const) {
      expect([from, to, await served(from, to)]).toEqual([from, to, await raw(from, to)]);
      // Rae is the only participant with sessions in 2024–2025.
      expect([from, to, await raw(from, to)]).toEqual([from, to, rae]);
    }
  });

  it("keys participants served with each person's own record key, once a person, whichever teams met them", async () => {
    // June 2023 (no other test writes it): one person met by both teams, one by team A only.
    const both = await createParticipant(t, w.workerA, { firstName: 'Nia', lastName: 'Twoteams' });
    const one = await createParticipant(t, w.workerA, { firstName: 'Kai', lastName: 'Oneteam' });
    await createSession(t, w.workerA, [both.id, one.id], { startsAt: '2023-06-05T15:00:00Z' });
    const moved = await createSession(t, w.workerA, [both.id], {
      startsAt: '2023-06-20T15:00:00Z',
    });
    await t.db.query(`UPDATE support_session SET team_id = $1 WHERE id = $2`, [
      w.teamB.id,
      moved.id,
    ]);
    await expectExact();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n, ${modM(`sum(${units('record_key')})`)}::float8 / ${M}::float8 AS k
         FROM participant WHERE id = ANY($1::uuid[])`,
      [[both.id, one.id]],
    );
    // The keyed summary the funder export is computed from (SPEC §14).
    const reports = t.app.get(ReportsService) as unknown as {
      activityFor(
        caller: unknown,
        q: { from: string; to: string },
        want: { keys: boolean },
      ): Promise<{ keys: { rows: { cell: string; n: number; k: number }[] } }>;
    };
    const admin = { ...w.admin, sessionId: 'test' };
    const { keys } = await reports.activityFor(
      admin,
      { from: '2023-06-01', to: '2023-06-30' },
      {
        keys: true,
      },
    );
    expect(keys.rows.find((r) => r.cell === 'participantsServed')).toEqual({
      cell: 'participantsServed',
      n: 2,
      k: rows[0].k,
    });
    expect(rows[0].n).toBe(2);
  });

  it('reads whole months from the month roll-up and the days around them as the records say', async () => {
    // Sessions of 2024 only (no other test writes that year), on the days either side of month ends:
    // 12:00 in New York, and one at 22:30 on 29 February that is 1 March in UTC.
    const at = (day: string, time = '17:00:00Z') => `${day}T${time}`;
    const made: Session[] = [];
    for (const [day, time] of [
      ['2024-01-31'],
      ['2024-02-01'],
      ['2024-02-15'],
      ['2024-03-01', '03:30:00Z'],
      ['2024-03-01'],
      ['2024-03-31'],
      ['2024-04-01'],
    ] as const) {
      made.push(await createSession(t, w.workerA, [p[0].id], { startsAt: at(day, time) }));
    }
    // One moves across a month end, one is voided.
    await patch(made[2], { startsAt: at('2024-04-30') });
    const voided = await t.request('DELETE', `/api/sessions/${made[5].id}?reason=Logged%20twice`, {
      token: w.supA.token,
    });
    expect(voided.status).toBe(204);
    await expectExact();

    const raw = async (from: string, to: string) =>
      (
        await t.db.query(
          `SELECT count(*)::int AS sessions, coalesce(sum(s.duration_minutes), 0)::int AS minutes
             FROM support_session s
            WHERE s.voided_at IS NULL AND (s.starts_at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date`,
          [from, to, TZ],
        )
      ).rows[0] as { sessions: number; minutes: number };
    const report = async (from: string, to: string) => {
      const res = await t.request('GET', `/api/reports/activity?from=${from}&to=${to}`, {
        token: w.admin.token,
      });
      expect(res.status).toBe(200);
      return res.body as { sessions: { total: number }; serviceHours: number };
    };
    for (const [from, to, n] of [
      ['2024-01-31', '2024-03-01', 4], // a whole month and a day either side
      ['2024-02-01', '2024-02-29', 2], // one whole month
      ['2024-02-02', '2024-02-28', 0], // inside a month, no whole one
      ['2024-01-01', '2024-04-30', 6], // four whole months
      ['2024-01-31', '2024-01-31', 1], // one day, a month's last
      ['2024-03-01', '2024-03-31', 1], // a whole month holding a voided session
      ['2024-01-15', '2024-05-15', 6], // whole months with part months either side
      ['2024-04-01', '2024-04-30', 2], // the month a session moved into
    ] as const) {
      const [r, want] = [await report(from, to), await raw(from, to)];
      expect([from, to, r.sessions.total]).toEqual([from, to, want.sessions]);
      expect([from, to, r.sessions.total]).toEqual([from, to, n]);
      expect(r.serviceHours).toBe(Math.round((want.minutes / 60) * 10) / 10);
    }
  });

  it('is rebuilt when the app starts with another ORG_TIMEZONE', async () => {
    await createSession(t, w.workerA, [p[0].id], { startsAt: '2026-05-01T02:00:00Z' });
    const before = await expectExact();
    expect(before.days.map((d) => d.day)).toContain('2026-04-30'); // 22:00 in New York
    const other = await createApp({ ...t.config, orgTimezone: 'Europe/Berlin' });
    try {
      const { rows } = await t.db.query(`SELECT org_timezone FROM report_setting`);
      expect(rows).toEqual([{ org_timezone: 'Europe/Berlin' }]);
      const after = await expectExact();
      expect(after.days.map((d) => d.day)).toContain('2026-05-01'); // 04:00 in Berlin
      expect(after.days.map((d) => d.day)).not.toContain('2026-04-30');
    } finally {
      await other.close();
    }
  });
});
