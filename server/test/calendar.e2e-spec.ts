import { createHash } from 'node:crypto';
import { addDays, todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

/**
 * SPEC §11's calendar feed: a secret address per user, public (no sign-in),
 * the next 14 days of the agenda as counts by kind with no names or personal
 * details; issuing a new address ends the old one.
 */
describe('calendar feed', () => {
  let t: TestApp;
  let w: World;
  const FIRST = 'Zephyrine';
  const LAST = 'Quartermaine';
  let participantId: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    const today = todayIn('UTC');
    const one = async (sql: string, values: unknown[]) =>
      (await t.db.query(`${sql} RETURNING id`, values)).rows[0].id as string;
    participantId = await one(
      `INSERT INTO participant (team_id, first_name, last_name, status, primary_worker_id, phone, enrolled_on)
       VALUES ($1, $2, $3, 'active', $4, '555-0199', '2026-01-05')`,
      [w.teamA.id, FIRST, LAST, w.workerA.id],
    );
    const resource = await one(
      `INSERT INTO resource (name, category) VALUES ('Riverside Food Pantry', 'food')`,
      [],
    );
    const handout = (followUpOn: string) =>
      one(
        `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, outcome, follow_up_on)
         VALUES ($1, $2, $3, $4, $5, 'printed', 'pending', $6)`,
        [w.teamA.id, participantId, resource, w.workerA.id, addDays(today, -20), followUpOn],
      );
    // Two overdue (shown today), one in three days, one beyond the two weeks.
    await handout(addDays(today, -2));
    await handout(today);
    await handout(addDays(today, 3));
    await handout(addDays(today, 20));
    await one(
      `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, status, opened_on, due_on, worker_id)
       VALUES ($1, $2, 'individual', 'housing', $3, 'open', $4, $5, $6)`,
      [
        w.teamA.id,
        participantId,
        `Housing appeal for ${FIRST}`,
        addDays(today, -10),
        addDays(today, 3),
        w.workerA.id,
      ],
    );
  });
  afterAll(() => t.close());

  const issue = async (token: string) => {
    const res = await t.request('POST', '/api/users/me/calendar-token', { token });
    expect(res.status).toBe(200);
    const url = res.body.url as string;
    expect(url).toMatch(/^https?:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return { url, path: new URL(url).pathname };
  };

  it('issues a secret address, keeps only its hash, and audits it', async () => {
    const { path } = await issue(w.workerA.token);
    const token = path.slice('/api/calendar/'.length, -'.ics'.length);
    const { rows } = await t.db.query(`SELECT calendar_token_hash FROM app_user WHERE id = $1`, [
      w.workerA.id,
    ]);
    expect(rows[0].calendar_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const { rows: all } = await t.db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE calendar_token_hash = $1`,
      [token],
    );
    expect(all[0].n).toBe(0);
    const audit = await t.db.query(
      `SELECT action, entity_type, entity_id, details FROM audit_event
        WHERE actor_id = $1 AND details->'fields' ? 'calendarToken' ORDER BY seq`,
      [w.workerA.id],
    );
    expect(audit.rows.at(-1)).toEqual({
      action: 'update',
      entity_type: 'user',
      entity_id: w.workerA.id,
      details: { fields: ['calendarToken'] },
    });
    // The user's own record never shows it.
    const me = await t.request('GET', '/api/auth/me', { token: w.workerA.token });
    expect(me.text).not.toMatch(/calendar/i);
  });

  it('serves the next 14 days as counts, without sign-in, and no names or details', async () => {
    const { path } = await issue(w.workerA.token);
    const res = await t.request('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const today = todayIn('UTC');
    const day = (d: string) => d.replace(/-/g, '');
    const events = ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) => ({
        on: /DTSTART;VALUE=DATE:(\d{8})/.exec(e)![1],
        summary: /SUMMARY:(.*)\r\n/.exec(e)![1],
      }));
    expect(events).toEqual([
      { on: day(today), summary: '2 follow-ups due' },
      // The person's first outcome measure is due too (SPEC §9).
      { on: day(today), summary: '1 outcome measure due' },
      { on: day(addDays(today, 3)), summary: '1 follow-up due' },
      { on: day(addDays(today, 3)), summary: '1 advocacy action due' },
    ]);
    for (const secret of [FIRST, LAST, participantId, '555-0199', 'Housing appeal', 'Pantry']) {
      expect(ics).not.toContain(secret);
    }
    expect(ics).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a new address ends the old one; an unknown or malformed one is 404', async () => {
    const first = await issue(w.workerA2.token);
    expect((await t.request('GET', first.path)).status).toBe(200);
    const second = await issue(w.workerA2.token);
    expect(second.path).not.toBe(first.path);
    expect((await t.request('GET', first.path)).status).toBe(404);
    expect((await t.request('GET', second.path)).status).toBe(200);
    for (const bad of [
      `/api/calendar/${'A'.repeat(43)}.ics`,
      '/api/calendar/nope.ics',
      `/api/calendar/${second.path.slice(14, -4)}`.replace(/.$/, '_') + '.ics',
    ]) {
      expect([bad, (await t.request('GET', bad)).status]).toEqual([bad, 404]);
    }
    // A deactivated user's feed stops at once.
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [w.workerA2.id]);
    expect((await t.request('GET', second.path)).status).toBe(404);
    // Admins have no day of their own to show.
    const admin = await t.request('POST', '/api/users/me/calendar-token', {
      token: w.admin.token,
    });
    expect(admin.status).toBe(403);
    expect((await t.request('POST', '/api/users/me/calendar-token')).status).toBe(401);
  });

  it('shows each recurring group the user facilitates on the days it meets, by its name', async () => {
    const today = todayIn('UTC');
    const tomorrow = addDays(today, 1);
    const weekday = new Date(`${tomorrow}T12:00:00Z`)
      .toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })
      .toLowerCase();
    await t.db.query(
      `INSERT INTO recurring_group (team_id, name, type, setting, weekday, start_time, duration_minutes, facilitator_ids)
       VALUES ($1, 'Evening Recovery Circle', 'support_group', 'community_center', $2, '18:00', 90, ARRAY[$3::uuid])`,
      [w.teamA.id, weekday, w.workerA.id],
    );
    const { path } = await issue(w.workerA.token);
    const ics = (await t.request('GET', path)).text;
    const days = ics
      .split('BEGIN:VEVENT')
      .slice(1)
      .filter((e) => e.includes('SUMMARY:Evening Recovery Circle\r\n'))
      .map((e) => /DTSTART;VALUE=DATE:(\d{8})/.exec(e)![1]);
    const day = (d: string) => d.replace(/-/g, '');
    expect(days).toEqual([day(tomorrow), day(addDays(tomorrow, 7))]);
  });
});
