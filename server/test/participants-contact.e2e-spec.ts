import type { Page, ParticipantListItem } from '@peerpath/shared';
import { createParticipant, createSession } from './factories/daily-loop';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

/**
 * GET /api/participants?noContactSince=D&sort=name|lastContact (SPEC §4): the list
 * behind "no contact in 30 days" on the caseload and reports pages.
 */
describe('participants: noContactSince and sort', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  const list = async (query: string, token = w.workerA.token) => {
    const res = await t.request<Page<ParticipantListItem>>('GET', `/api/participants?${query}`, {
      token,
    });
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return res.body;
  };
  const names = (page: Page<ParticipantListItem>) => page.items.map((p) => p.lastName);

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    for (const lastName of ['Never', 'Old', 'Recent', 'Absent', 'Deleted']) {
      ids[lastName] = (await createParticipant(t, w.workerA, { firstName: 'Sam', lastName })).id;
    }
    ids.Other = (await createParticipant(t, w.workerB, { firstName: 'Sam', lastName: 'Other' })).id;
    const at = (day: string) => `${day}T17:00:00Z`;
    await createSession(t, w.workerA, [ids.Old], { startsAt: at('2026-01-10') });
    await createSession(t, w.workerA, [ids.Recent], { startsAt: at('2026-03-20') });
    // Absent: attended long ago, then was marked absent after D (not a contact).
    await createSession(t, w.workerA, [ids.Absent], { startsAt: at('2026-01-05') });
    const missed = await createSession(t, w.workerA, [ids.Absent], { startsAt: at('2026-03-22') });
    await t.request('PATCH', `/api/sessions/${missed.id}`, {
      token: w.workerA.token,
      body: {
        version: missed.version,
        attendance: [{ participantId: ids.Absent, status: 'absent' }],
      },
    });
    // Deleted: their only session after D was deleted (it counts nowhere).
    await createSession(t, w.workerA, [ids.Deleted], { startsAt: at('2026-01-12') });
    const gone = await createSession(t, w.workerA, [ids.Deleted], { startsAt: at('2026-03-25') });
    expect(
      (
        await t.request('DELETE', `/api/sessions/${gone.id}?reason=Logged%20by%20mistake`, {
          token: w.workerA.token,
        })
      ).status,
    ).toBeLessThan(300);
    await createSession(t, w.workerB, [ids.Other], { startsAt: at('2026-01-02') });
  });
  afterAll(() => t.close());

  it('lists only the people with no attended row on or after D', async () => {
    const page = await list('noContactSince=2026-03-01');
    expect(names(page).sort()).toEqual(['Absent', 'Deleted', 'Never', 'Old']);
    expect(page.total).toBe(4);
    // A contact on D itself counts.
    expect(names(await list('noContactSince=2026-03-20'))).not.toContain('Recent');
    expect(names(await list('noContactSince=2026-03-21'))).toContain('Recent');
    // An earlier D leaves fewer people (and is not served from the page cached for another D).
    expect(names(await list('noContactSince=2026-01-08')).sort()).toEqual(['Absent', 'Never']);
    expect(names(await list('noContactSince=2026-03-01')).sort()).toEqual([
      'Absent',
      'Deleted',
      'Never',
      'Old',
    ]);
    // Other filters still apply, and another team's people never appear.
    expect(names(await list('noContactSince=2026-03-01&search=ne'))).toEqual(['Never']);
    expect(names(await list('noContactSince=2026-03-01', w.workerB.token))).toEqual(['Other']);
    const all = await list(`noContactSince=2026-03-01&teamId=${w.teamA.id}`, w.admin.token);
    expect(all.total).toBe(4);
    // Each list read is audited with its filters.
    const { rows } = await t.db.query(
      `SELECT details FROM audit_event WHERE actor_id = $1 AND action = 'read'
        AND entity_type = 'participant' ORDER BY seq DESC LIMIT 1`,
      [w.admin.id],
    );
    expect(rows[0].details.filters).toEqual({ noContactSince: '2026-03-01', teamId: w.teamA.id });
  });

  it('sorts by last contact: never contacted first, then the oldest last contact', async () => {
    const byName = await list('');
    expect(names(byName)).toEqual(['Absent', 'Deleted', 'Never', 'Old', 'Recent']);
    const byContact = await list('sort=lastContact');
    expect(names(byContact)).toEqual(['Never', 'Absent', 'Old', 'Deleted', 'Recent']);
    expect(byContact.items.map((p) => p.lastContactOn)).toEqual([
      null,
      '2026-01-05',
      '2026-01-10',
      '2026-01-12',
      '2026-03-20',
    ]);
    expect(names(await list('sort=name'))).toEqual(names(byName));
    // Pages follow the same order.
    expect(names(await list('sort=lastContact&pageSize=2&page=2'))).toEqual(['Old', 'Deleted']);
    expect(names(await list('sort=lastContact&noContactSince=2026-03-01'))).toEqual([
      'Never',
      'Absent',
      'Old',
      'Deleted',
    ]);
    // Across the organisation (an admin naming no team) the order is the same, every team's
    // people in it.
    const org = await list('sort=lastContact&search=Sam', w.admin.token);
    expect(names(org)).toEqual(['Never', 'Other', 'Absent', 'Old', 'Deleted', 'Recent']);
    expect(org.items.map((p) => p.lastContactOn)).toEqual([
      null,
      '2026-01-02',
      '2026-01-05',
      '2026-01-10',
      '2026-01-12',
      '2026-03-20',
    ]);
    const orgPage = await list('sort=lastContact&search=Sam&pageSize=2&page=2', w.admin.token);
    expect({ names: names(orgPage), total: orgPage.total }).toEqual({
      names: ['Absent', 'Old'],
      total: 6,
    });
  });

  it('keeps cached pages apart by D and by sort, and drops them when a contact is logged', async () => {
    expect(names(await list('noContactSince=2026-03-01&sort=lastContact'))[0]).toBe('Never');
    await createSession(t, w.workerA, [ids.Never], { startsAt: '2026-03-28T17:00:00Z' });
    const after = await list('noContactSince=2026-03-01&sort=lastContact');
    expect(names(after)).not.toContain('Never');
    expect(after.total).toBe(3);
    const sorted = await list('sort=lastContact');
    expect(names(sorted)).toEqual(['Absent', 'Old', 'Deleted', 'Recent', 'Never']);
  });

  it('refuses a bad date or sort with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['noContactSince=2026-02-30', 'noContactSince'],
      ['noContactSince=yesterday', 'noContactSince'],
      ['noContactSince=1800-01-01', 'noContactSince'],
      ['sort=age', 'sort'],
      ['sort=lastcontact', 'sort'],
    ]) {
      const res = await t.request('GET', `/api/participants?${query}`, { token: w.workerA.token });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });
});
