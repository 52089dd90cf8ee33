import {
  createTestApp,
  login,
  seedWorld,
  tableChecksum,
  type TestApp,
  type World,
} from './harness';

describe('users and teams', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('lets an admin create a team and a user who can then sign in', async () => {
    const team = await t.request('POST', '/api/teams', {
      token: w.admin.token,
      body: { name: 'Eastgate Peer Network' },
    });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'Eastgate Peer Network' });
    const user = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: {
        email: 'Morgan.Lee@Eastgate.example',
        displayName: 'Morgan Lee',
        role: 'worker',
        teamId: team.body.id,
        password: 'a-long-and-personal-phrase',
      },
    });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({
      email: 'morgan.lee@eastgate.example',
      role: 'worker',
      teamId: team.body.id,
      active: true,
    });
    expect(user.text).not.toMatch(/password/i);
    const { rows } = await t.db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [
      user.body.id,
    ]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const token = await login(t, 'morgan.lee@eastgate.example', 'a-long-and-personal-phrase');
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(me.body).toMatchObject({ email: 'morgan.lee@eastgate.example', role: 'worker' });
    const audit = await t.db.query(
      `SELECT 1 FROM audit_event WHERE action = 'create' AND entity_id = $1`,
      [user.body.id],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('refuses short, common and duplicate credentials with field errors, writing nothing', async () => {
    const before = await tableChecksum(t, 'app_user');
    const base = { displayName: 'Pat Doe', role: 'worker', teamId: w.teamA.id };
    const cases = [
      [{ ...base, email: 'pat@test.example', password: 'short-pw' }, 'password'],
      [{ ...base, email: 'pat@test.example', password: 'qazwsxedcrfv' }, 'password'],
      [{ ...base, email: 'pat@test.example', password: 'x'.repeat(129) }, 'password'],
      [
        { ...base, email: w.workerA.email.toUpperCase(), password: 'a-long-and-personal-phrase' },
        'email',
      ],
      [
        {
          ...base,
          email: 'pat@test.example',
          teamId: null,
          password: 'a-long-and-personal-phrase',
        },
        'teamId',
      ],
      [
        {
          ...base,
          email: 'pat@test.example',
          role: 'owner',
          password: 'a-long-and-personal-phrase',
        },
        'role',
      ],
      [
        {
          ...base,
          email: 'pat@test.example',
          password: 'a-long-and-personal-phrase',
          isAdmin: true,
        },
        'isAdmin',
      ],
    ] as const;
    for (const [body, field] of cases) {
      const res = await t.request('POST', '/api/users', { token: w.admin.token, body });
      expect([400, 409]).toContain(res.status);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expect(await tableChecksum(t, 'app_user')).toBe(before);
  });

  it('keeps users and teams writes for admins; supervisors list only their team', async () => {
    for (const who of [w.supA, w.workerA]) {
      const res = await t.request('POST', '/api/teams', {
        token: who.token,
        body: { name: 'Sneaky team' },
      });
      expect(res.status).toBe(403);
      const u = await t.request('POST', '/api/users', {
        token: who.token,
        body: {
          email: 'x@test.example',
          displayName: 'X',
          role: 'admin',
          password: 'a-long-and-personal-phrase',
        },
      });
      expect(u.status).toBe(403);
      const p = await t.request('PATCH', `/api/users/${who.id}`, {
        token: who.token,
        body: { role: 'admin' },
      });
      expect(p.status).toBe(403);
    }
    const { rows } = await t.db.query(`SELECT role FROM app_user WHERE id IN ($1, $2)`, [
      w.supA.id,
      w.workerA.id,
    ]);
    expect(rows.map((r) => r.role).sort()).toEqual(['supervisor', 'worker']);

    const mine = await t.request('GET', '/api/users', { token: w.supA.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((u: { teamId: string }) => u.teamId === w.teamA.id)).toBe(true);
    expect(
      (await t.request('GET', `/api/users?teamId=${w.teamB.id}`, { token: w.supA.token })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/users', { token: w.workerA.token })).status).toBe(403);

    const all = await t.request('GET', '/api/users?pageSize=100', { token: w.admin.token });
    expect(all.body.total).toBeGreaterThanOrEqual(6);
    const teams = await t.request('GET', '/api/teams', { token: w.workerB.token });
    expect(teams.body.items.map((x: { id: string }) => x.id)).toEqual([w.teamB.id]);
  });

  it('pages lists and refuses bad paging', async () => {
    const res = await t.request('GET', '/api/users?page=1&pageSize=2', { token: w.admin.token });
    expect(res.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(res.body.items).toHaveLength(2);
    for (const q of [
      'pageSize=101',
      'page=0',
      'page=abc',
      'pageSize=-1',
      'role=boss',
      'teamId=nope',
    ]) {
      const bad = await t.request('GET', `/api/users?${q}`, { token: w.admin.token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toBeDefined();
    }
  });

  it('an admin cannot deactivate themself', async () => {
    const res = await t.request('PATCH', `/api/users/${w.admin.id}`, {
      token: w.admin.token,
      body: { active: false },
    });
    expect(res.status).toBe(403);
    expect((await t.request('GET', '/api/auth/me', { token: w.admin.token })).status).toBe(200);
  });

  it('404s an unknown user and 400s a malformed id', async () => {
    expect(
      (
        await t.request('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', {
          token: w.admin.token,
          body: { displayName: 'X' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.request('PATCH', '/api/users/not-a-uuid', {
          token: w.admin.token,
          body: { displayName: 'X' },
        })
      ).status,
    ).toBe(400);
  });
});
