import { randomUUID } from 'node:crypto';
import { createTestApp, type Reply, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';

const N = 100;

function tally(replies: Reply[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/**
 * SPEC §4 under contention, at 100 requests in flight at once (a pool of 10
 * database connections, so they really queue and interleave): optimistic
 * concurrency lets exactly one writer of a version win, and a create retried
 * with the same client id is stored once.
 */
describe('concurrency', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await createTestApp({ dbPoolSize: 10 });
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  /** Sends N PATCHes of one record, all naming the same version, each with its own value. */
  async function race(
    url: string,
    version: number,
    change: (i: number) => Record<string, unknown>,
  ) {
    const tokens = [org.a.worker.token, org.a.supervisor.token, org.admin.token];
    const replies = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        t.request('PATCH', url, { token: tokens[i % 3], body: { version, ...change(i) } }),
      ),
    );
    const winners = replies.map((r, i) => ({ r, i })).filter(({ r }) => r.status === 200);
    return { replies, winners };
  }

  it('lets exactly one of 100 PATCHes of a participant with one version win; the rest get 409', async () => {
    const id = org.a.participant.id;
    const version = await versionOf(t, 'participant', id);
    const { replies, winners } = await race(`/api/participants/${id}`, version, (i) => ({
      preferredName: `Contender ${i}`,
      phone: `555-01${String(i).padStart(2, '0')}`,
    }));
    expect(tally(replies)).toEqual({ 200: 1, 409: N - 1 });
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body).toEqual({
        statusCode: 409,
        message: expect.any(String),
        errors: { version: expect.any(Array) },
      });
    }
    const [{ i }] = winners;
    const { rows } = await t.db.query(
      `SELECT preferred_name, phone, version FROM participant WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        preferred_name: `Contender ${i}`,
        phone: `555-01${String(i).padStart(2, '0')}`,
        version: version + 1,
      },
    ]);
    expect(winners[0].r.body).toMatchObject({
      preferredName: `Contender ${i}`,
      version: version + 1,
    });
    const { rows: audit } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'update' AND entity_id = $1`,
      [id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('lets exactly one of 100 PATCHes of a session with one version win; the stored session is the winner’s', async () => {
    const id = org.a.session.id;
    const version = await versionOf(t, 'support_session', id);
    const { replies, winners } = await race(`/api/sessions/${id}`, version, (i) => ({
      durationMinutes: i + 1,
      title: `Contender ${i}`,
    }));
    expect(tally(replies)).toEqual({ 200: 1, 409: N - 1 });
    const [{ i }] = winners;
    const { rows } = await t.db.query(
      `SELECT duration_minutes, title, version FROM support_session WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([
      { duration_minutes: i + 1, title: `Contender ${i}`, version: version + 1 },
    ]);
  });

  it('lets exactly one of 100 PATCHes of an advocacy action with one version win', async () => {
    const id = org.a.advocacy.id;
    const version = await versionOf(t, 'advocacy_action', id);
    const { replies, winners } = await race(`/api/advocacy-actions/${id}`, version, (i) => ({
      outcome: `Contender ${i}`,
    }));
    expect(tally(replies)).toEqual({ 200: 1, 409: N - 1 });
    const { rows } = await t.db.query(
      `SELECT outcome, version FROM advocacy_action WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ outcome: `Contender ${winners[0].i}`, version: version + 1 }]);
  });

  /** N identical creates with one client id, sent at once. */
  async function burst(url: string, body: Record<string, unknown>) {
    const replies = await Promise.all(
      Array.from({ length: N }, () => t.request('POST', url, { token: org.a.worker.token, body })),
    );
    return replies;
  }

  it('stores one participant for 100 identical creates with one client id', async () => {
    const id = randomUUID();
    const replies = await burst('/api/participants', {
      id,
      firstName: 'Ottoline',
      lastName: 'Retry-Storm',
      focusAreas: ['anxiety'],
    });
    expect(tally(replies)).toEqual({ 201: 1, 200: N - 1 });
    // Every reply is the one stored record.
    const first = replies.find((r) => r.status === 201)!.body;
    for (const r of replies) expect(r.body).toEqual(first);
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM participant WHERE id = $1) AS rows,
              (SELECT count(*)::int FROM participant WHERE last_name = 'Retry-Storm') AS by_name,
              (SELECT count(*)::int FROM audit_event WHERE action = 'create' AND entity_id = $1) AS created`,
      [id],
    );
    expect(rows[0]).toEqual({ rows: 1, by_name: 1, created: 1 });
  });

  it('stores one session and its attendance once for 100 identical creates with one client id', async () => {
    const id = randomUUID();
    const replies = await burst('/api/sessions', {
      id,
      type: 'support_group',
      setting: 'community_center',
      startsAt: '2026-03-26T23:30:00Z',
      durationMinutes: 75,
      activities: ['social_skills'],
      attendance: [
        { participantId: org.a.participant.id, status: 'attended' },
        { participantId: org.a.relative.id, status: 'excused', note: 'Childcare fell through' },
      ],
    });
    expect(tally(replies)).toEqual({ 201: 1, 200: N - 1 });
    const first = replies.find((r) => r.status === 201)!.body;
    for (const r of replies) expect(r.body).toEqual(first);
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM support_session WHERE id = $1) AS sessions,
              (SELECT count(*)::int FROM attendance WHERE session_id = $1) AS attendance,
              (SELECT count(*)::int FROM audit_event WHERE action = 'create' AND entity_id = $1) AS created`,
      [id],
    );
    // One `create` event per attendee (sessions audit each participant they touch).
    expect(rows[0]).toEqual({ sessions: 1, attendance: 2, created: 2 });
  });
});
