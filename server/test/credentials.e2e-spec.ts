import { addDays, todayIn } from '@peerpath/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo';
import {
  createDemoTestApp,
  createTestApp,
  login,
  seedWorld,
  type TestApp,
  type World,
} from './harness';

/**
 * SPEC §11 credentials: an admin records a worker's credential and its last
 * valid day; the caseload row carries it; the agenda warns 90, 60 and 30 days
 * ahead (the worker's own, and every team member's on a supervisor's agenda),
 * never another team's.
 */
describe('credentials', () => {
  let t: TestApp;
  let w: World;
  const D = '2026-03-20';

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  const stored = async (id: string) =>
    (
      await t.db.query(
        `SELECT credential, to_char(credential_expires_on, 'YYYY-MM-DD') AS "expiresOn"
           FROM app_user WHERE id = $1`,
        [id],
      )
    ).rows[0];

  const setCredential = (id: string, credential: string | null, expiresOn: string | null) =>
    t.db.query(`UPDATE app_user SET credential = $2, credential_expires_on = $3 WHERE id = $1`, [
      id,
      credential,
      expiresOn,
    ]);

  const credentialItems = async (token: string, extra = '') => {
    const res = await t.request('GET', `/api/agenda?date=${D}${extra}`, { token });
    expect(res.status).toBe(200);
    return (res.body.items as { kind: string }[]).filter((i) => i.kind === 'credential_expiring');
  };

  it('an admin sets, changes and removes a credential; the response and the row agree', async () => {
    const set = await t.request('PATCH', `/api/users/${w.workerA.id}`, {
      token: w.admin.token,
      body: { credential: '  Certified Peer Specialist ', credentialExpiresOn: '2026-05-01' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      credential: 'Certified Peer Specialist',
      credentialExpiresOn: '2026-05-01',
    });
    expect(await stored(w.workerA.id)).toEqual({
      credential: 'Certified Peer Specialist',
      expiresOn: '2026-05-01',
    });

    const list = await t.request('GET', `/api/users?teamId=${w.teamA.id}`, {
      token: w.supA.token,
    });
    expect(list.body.items.find((u: { id: string }) => u.id === w.workerA.id)).toMatchObject({
      credential: 'Certified Peer Specialist',
      credentialExpiresOn: '2026-05-01',
    });

    // Removing the credential removes its expiry.
    const removed = await t.request('PATCH', `/api/users/${w.workerA.id}`, {
      token: w.admin.token,
      body: { credential: null },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ credential: null, credentialExpiresOn: null });
    expect(await stored(w.workerA.id)).toEqual({ credential: null, expiresOn: null });
  });

  it('refuses an expiry without a credential, and a bad date, naming the field and changing nothing', async () => {
    await setCredential(w.workerA2.id, null, null);
    const noCredential = await t.request('PATCH', `/api/users/${w.workerA2.id}`, {
      token: w.admin.token,
      body: { credentialExpiresOn: '2026-05-01' },
    });
    expect(noCredential.status).toBe(400);
    expect(noCredential.body.errors).toHaveProperty('credentialExpiresOn');
    const badDate = await t.request('PATCH', `/api/users/${w.workerA2.id}`, {
      token: w.admin.token,
      body: { credential: 'CPS', credentialExpiresOn: '2026-02-30' },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toHaveProperty('credentialExpiresOn');
    const tooLong = await t.request('PATCH', `/api/users/${w.workerA2.id}`, {
      token: w.admin.token,
      body: { credential: 'x'.repeat(121) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toHaveProperty('credential');
    expect(await stored(w.workerA2.id)).toEqual({ credential: null, expiresOn: null });

    const created = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: {
        email: 'new.worker@test.example',
        displayName: 'New Worker',
        role: 'worker',
        teamId: w.teamA.id,
        password: 'a-long-and-unusual-passphrase-77',
        credentialExpiresOn: '2027-01-01',
      },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toHaveProperty('credentialExpiresOn');
    const { rows } = await t.db.query(
      `SELECT 1 FROM app_user WHERE email = 'new.worker@test.example'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('a worker cannot set their own credential', async () => {
    const res = await t.request('PATCH', `/api/users/${w.workerA.id}`, {
      token: w.workerA.token,
      body: { credential: 'Self-awarded' },
    });
    expect(res.status).toBe(403);
    expect((await stored(w.workerA.id)).credential).toBeNull();
  });

  it('the caseload row carries the expiry; the totals do not', async () => {
    await setCredential(w.workerA.id, 'Certified Peer Specialist', '2026-05-01');
    await setCredential(w.workerA2.id, null, null);
    const res = await t.request('GET', `/api/reports/caseload?asOf=${D}`, { token: w.supA.token });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body.workers.map((r: { workerId: string }) => [r.workerId, r]),
    );
    expect(byId[w.workerA.id].credentialExpiresOn).toBe('2026-05-01');
    expect(byId[w.workerA2.id].credentialExpiresOn).toBeNull();
    expect(res.body.totals).not.toHaveProperty('credentialExpiresOn');
  });

  it('warns on the agenda at 90, 60 and 30 days ahead and once ended; not before 90 days', async () => {
    const cases: [string | null, string | null][] = [
      ['2026-06-19', null], // 91 days ahead: no warning yet
      ['2026-06-18', '2026-03-20'], // 90 days: due today
      ['2026-05-01', '2026-03-02'], // 42 days: the 60-day mark has passed
      ['2026-04-10', '2026-03-11'], // 21 days: the 30-day mark
      ['2026-03-20', '2026-02-18'], // the last valid day
      ['2026-03-01', '2026-03-01'], // ended: due on the day it ended
    ];
    for (const [expiresOn, dueOn] of cases) {
      await setCredential(w.workerA.id, 'Certified Peer Specialist', expiresOn);
      const items = await credentialItems(w.workerA.token);
      if (dueOn === null) {
        expect(items).toEqual([]);
      } else {
        expect(items).toEqual([
          expect.objectContaining({
            kind: 'credential_expiring',
            dueOn,
            participantId: null,
            participantName: null,
            recordId: w.workerA.id,
            title: expect.stringMatching(/^Your Certified Peer Specialist (ends|ended) on /),
          }),
        ]);
      }
    }
    const ended = await credentialItems(w.workerA.token);
    expect(ended[0]).toMatchObject({
      title: expect.stringMatching(/ended on 1 Mar 2026: renew it$/),
    });
  });

  it('a supervisor sees the team’s credentials on their agenda; no one sees another team’s', async () => {
    await setCredential(w.workerA.id, 'Certified Peer Specialist', '2026-04-10');
    await setCredential(w.workerA2.id, null, null);
    await setCredential(w.workerB.id, 'Certified Peer Specialist', '2026-04-10');
    const sup = await credentialItems(w.supA.token);
    expect(sup).toEqual([
      expect.objectContaining({
        recordId: w.workerA.id,
        title: expect.stringMatching(/^Wes Worker: Certified Peer Specialist ends on 10 Apr 2026/),
      }),
    ]);
    // A colleague does not see it; the other team's supervisor sees only their own team's.
    expect(await credentialItems(w.workerA2.token)).toEqual([]);
    const supB = await credentialItems(w.supB.token);
    expect(supB.map((i) => (i as unknown as { recordId: string }).recordId)).toEqual([
      w.workerB.id,
    ]);
    // A deactivated worker's credential is no longer anyone's to renew.
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [w.workerB.id]);
    expect(await credentialItems(w.supB.token)).toEqual([]);
  });
});

describe('demo data: credentials', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('Jordan Blake’s certification ends in six weeks: on their agenda and their supervisor’s, and on the caseload', async () => {
    const jordan = await login(t, 'jordan.blake@northside.example', DEMO_PASSWORD);
    const maya = await login(t, 'maya.okafor@northside.example', DEMO_PASSWORD);
    const priya = await login(t, 'priya.natarajan@riverside.example', DEMO_PASSWORD);
    const own = await t.request('GET', '/api/agenda', { token: jordan });
    expect(own.status).toBe(200);
    const mine = own.body.items.filter((i: { kind: string }) => i.kind === 'credential_expiring');
    expect(mine).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Your Certified Peer Specialist ends on .* \(42 days\)/),
      }),
    ]);
    const sup = await t.request('GET', '/api/agenda', { token: maya });
    const team = sup.body.items.filter((i: { kind: string }) => i.kind === 'credential_expiring');
    expect(team.map((i: { title: string }) => i.title.split(':')[0])).toEqual(['Jordan Blake']);
    const other = await t.request('GET', '/api/agenda', { token: priya });
    expect(
      other.body.items.filter((i: { kind: string }) => i.kind === 'credential_expiring'),
    ).toEqual([]);

    const caseload = await t.request('GET', '/api/reports/caseload', { token: maya });
    const row = caseload.body.workers.find(
      (r: { displayName: string }) => r.displayName === 'Jordan Blake',
    );
    expect(row.credentialExpiresOn).toBe(addDays(todayIn(t.config.orgTimezone), 42));
  });
});
