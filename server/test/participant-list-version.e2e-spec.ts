import type { Page, ParticipantListItem } from '@peerpath/shared';
import { createParticipant, createSession, insertParticipant } from './factories/daily-loop';
import { createTestApp, seedWorld, type SeededUser, type TestApp, type World } from './harness';

/*
 * A page of a team's participant list is sent again from memory while the
 * team's list version (participant_list_version, set by triggers) is the one
 * it was read at. These tests read a page (so it is kept), change what it shows
 * in every way there is — through the API and straight in the database — and
 * read it again: the second read must show the change.
 */

async function version(t: TestApp, teamId: string): Promise<string | null> {
  const { rows } = await t.db.query(
    `SELECT version::text FROM participant_list_version WHERE team_id = $1`,
    [teamId],
  );
  return rows[0]?.version ?? null;
}

async function listOf(t: TestApp, who: SeededUser, query = '') {
  const res = await t.request<Page<ParticipantListItem>>(
    'GET',
    `/api/participants?pageSize=100${query}`,
    { token: who.token },
  );
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res;
}

const names = (page: Page<ParticipantListItem>) => page.items.map((p) => p.lastName);

describe('participant list versions', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('sends a page again, audited each time, until a participant in it changes', async () => {
    const p = await createParticipant(t, w.workerA, {
      firstName: 'Rosa',
      lastName: 'Quillfeather',
    });
    const first = await listOf(t, w.workerA, '&search=quill');
    const before = await version(t, w.teamA.id);
    expect(before).toMatch(/^[0-9a-f-]{36}$/);
    const audited = async () =>
      Number(
        (
          await t.db.query(
            `SELECT count(*) FROM audit_event WHERE actor_id = $1 AND action = 'read' AND entity_type = 'participant'`,
            [w.workerA.id],
          )
        ).rows[0].count,
      );
    const readsBefore = await audited();
    const again = await listOf(t, w.workerA, '&search=quill');
    expect(again.text).toBe(first.text);
    expect(await audited()).toBe(readsBefore + 1);
    expect(await version(t, w.teamA.id)).toBe(before);

    const patched = await t.request('PATCH', `/api/participants/${p.id}`, {
      token: w.workerA.token,
      body: { version: p.version, preferredName: 'Ro', status: 'inactive' },
    });
    expect(patched.status).toBe(200);
    expect(await version(t, w.teamA.id)).not.toBe(before);
    const after = await listOf(t, w.workerA, '&search=quill');
    expect(after.body.items).toEqual([
      expect.objectContaining({ id: p.id, preferredName: 'Ro', status: 'inactive', version: 2 }),
    ]);
  });

  it('shows a participant written straight to the database, and one removed from it', async () => {
    await createParticipant(t, w.workerB, { firstName: 'Abel', lastName: 'Anchor' });
    const before = (await listOf(t, w.workerB)).body;
    // A page with entries, of a team with a version: it is kept.
    expect(before.total).toBeGreaterThan(0);
    expect(await version(t, w.teamB.id)).not.toBeNull();
    const id = await insertParticipant(t, w.teamB.id, { firstName: 'Ines', lastName: 'Zabaleta' });
    const withNew = (await listOf(t, w.workerB)).body;
    expect(withNew.total).toBe(before.total + 1);
    expect(names(withNew)).toContain('Zabaleta');

    await t.db.query(`DELETE FROM participant WHERE id = $1`, [id]);
    const without = (await listOf(t, w.workerB)).body;
    expect(without).toEqual(before);
  });

  it('follows the last contact as sessions are logged, changed and deleted', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Tomas', lastName: 'Uppington' });
    const search = '&search=uppington';
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBeNull();

    const s = await createSession(t, w.workerA, [p.id], { startsAt: '2026-03-02T17:00:00Z' });
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBe('2026-03-02');

    const moved = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: { version: s.version, startsAt: '2026-04-09T17:00:00Z' },
    });
    expect(moved.status).toBe(200);
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBe('2026-04-09');

    const absent = await t.request('PATCH', `/api/sessions/${s.id}`, {
      token: w.workerA.token,
      body: {
        version: moved.body.version,
        attendance: [{ participantId: p.id, status: 'absent' }],
      },
    });
    expect(absent.status).toBe(200);
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBeNull();

    const again = await createSession(t, w.workerA, [p.id], { startsAt: '2026-05-11T17:00:00Z' });
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBe('2026-05-11');
    const deleted = await t.request('DELETE', `/api/sessions/${again.id}?reason=Logged%20twice`, {
      token: w.workerA.token,
    });
    expect(deleted.status).toBe(204);
    expect((await listOf(t, w.workerA, search)).body.items[0].lastContactOn).toBeNull();
  });

  it('moves a participant from one team’s list to the other’s', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Vera', lastName: 'Wexley' });
    const search = '&search=wexley';
    expect(names((await listOf(t, w.workerA, search)).body)).toEqual(['Wexley']);
    expect(names((await listOf(t, w.workerB, search)).body)).toEqual([]);
    const [a, b] = [await version(t, w.teamA.id), await version(t, w.teamB.id)];

    const res = await t.request('PATCH', `/api/participants/${p.id}`, {
      token: w.admin.token,
      body: { version: p.version, teamId: w.teamB.id },
    });
    expect(res.status).toBe(200);
    expect(await version(t, w.teamA.id)).not.toBe(a);
    expect(await version(t, w.teamB.id)).not.toBe(b);
    expect(names((await listOf(t, w.workerA, search)).body)).toEqual([]);
    expect(names((await listOf(t, w.workerB, search)).body)).toEqual(['Wexley']);
  });

  it('never gives one team the page of another', async () => {
    await createParticipant(t, w.workerA, { firstName: 'Xia', lastName: 'Sharedname' });
    await createParticipant(t, w.workerB, { firstName: 'Yuri', lastName: 'Sharedname' });
    const a = (await listOf(t, w.workerA, '&search=sharedname')).body;
    const b = (await listOf(t, w.workerB, '&search=sharedname')).body;
    expect(a.items.map((p) => [p.firstName, p.teamId])).toEqual([['Xia', w.teamA.id]]);
    expect(b.items.map((p) => [p.firstName, p.teamId])).toEqual([['Yuri', w.teamB.id]]);
    // Admins' organisation-wide list is read every time and shows both.
    const all = (await listOf(t, w.admin, '&search=sharedname')).body;
    expect(all.items.map((p) => p.firstName).sort()).toEqual(['Xia', 'Yuri']);
  });

  it('names the team a participant is in when its last contact changes during a move', async () => {
    const p = await createParticipant(t, w.workerA, { firstName: 'Zena', lastName: 'Crossover' });
    const mover = await t.db.connect();
    const contact = await t.db.connect();
    try {
      // The move is written but not committed: it holds the advisory locks of both teams.
      await mover.query('BEGIN');
      await mover.query(`UPDATE participant SET team_id = $1 WHERE id = $2`, [w.teamB.id, p.id]);
      await contact.query('BEGIN');
      const written = contact.query(
        `INSERT INTO participant_contact (participant_id, team_id, days, last_day)
         VALUES ($1, $2, '{[2026-06-01,2026-06-02)}', '2026-06-01')`,
        [p.id, w.teamA.id],
      );
      await new Promise((r) => setTimeout(r, 200));
      await mover.query('COMMIT');
      await written;
      // Between the two commits: team B's version, with the move and without the contact.
      const between = await version(t, w.teamB.id);
      await contact.query('COMMIT');
      // The contact's statement waited for the move and then named team B, where the participant is.
      expect(await version(t, w.teamB.id)).not.toBe(between);
    } finally {
      mover.release();
      contact.release();
    }
    const item = (await listOf(t, w.workerB, '&search=crossover')).body.items[0];
    expect(item).toEqual(expect.objectContaining({ id: p.id, lastContactOn: '2026-06-01' }));
  });
});
