import { randomUUID } from 'node:crypto';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/** SPEC §3: a user's `teamId` names a team, and is null only (and always) for admins. */
describe('users: the team of a user', () => {
  let t: TestApp;
  let w: World;
  const noTeam = randomUUID();

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  const newUser = (role: string, teamId: string | null) => ({
    email: `${role}.${randomUUID().slice(0, 8)}@rules.example`,
    displayName: `New ${role}`,
    role,
    teamId,
    password: 'a-long-and-personal-phrase',
  });

  it.each([
    ['an admin with a teamId of no team', 'admin', noTeam, /teamId/],
    ['an admin with a real team', 'admin', 'teamA', /null for admins/],
    ['a worker with a teamId of no team', 'worker', noTeam, /does not name a team/],
  ])('refuses to create %s with 400 naming teamId, storing nothing', async (_, role, team, msg) => {
    const before = await tableChecksum(t, 'app_user');
    const teamId = team === 'teamA' ? w.teamA.id : team;
    const res = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: newUser(role, teamId),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['teamId']);
    expect(res.body.errors.teamId.join(' ')).toMatch(msg);
    expect(await tableChecksum(t, 'app_user')).toBe(before);
  });

  it('creates an admin with no team', async () => {
    const res = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: newUser('admin', null),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'admin', teamId: null });
  });

  it.each([
    ['an admin', () => w.admin.id, noTeam],
    ['a worker', () => w.workerA2.id, noTeam],
    ['an admin, to a real team', () => w.admin.id, 'teamA'],
  ])('refuses to give %s a teamId that is not allowed, changing nothing', async (_, id, team) => {
    const before = await tableChecksum(t, 'app_user');
    const res = await t.request('PATCH', `/api/users/${id()}`, {
      token: w.admin.token,
      body: { teamId: team === 'teamA' ? w.teamA.id : team },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['teamId']);
    expect(await tableChecksum(t, 'app_user')).toBe(before);
  });

  it('takes the team away from a user who becomes an admin', async () => {
    const created = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: newUser('supervisor', w.teamB.id),
    });
    expect(created.status).toBe(201);
    const res = await t.request('PATCH', `/api/users/${created.body.id}`, {
      token: w.admin.token,
      body: { role: 'admin' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'admin', teamId: null });
    const { rows } = await t.db.query(`SELECT role, team_id FROM app_user WHERE id = $1`, [
      created.body.id,
    ]);
    expect(rows[0]).toEqual({ role: 'admin', team_id: null });
  });
});
