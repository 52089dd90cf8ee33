import { REFRESH_COOKIE } from '../src/auth/auth.controller';
import {
  TEST_PASSWORD,
  createTestApp,
  login,
  seedWorld,
  type TestApp,
  type World,
} from './harness';

const NEW_PASSWORD = 'lanterns-over-the-harbour-77';
const TEMPORARY = 'temporary-kettle-morning-31';

/**
 * SPEC §4: `POST /api/auth/password` changes one's own password (every other
 * sign-in session ends); an admin's temporary password must be changed at the
 * next sign-in, and until then every other endpoint but sign-out answers 403.
 */
describe('passwords: change, and temporary passwords set by an admin', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  const hashOf = async (id: string) =>
    (
      await t.db.query(`SELECT password_hash, must_change_password FROM app_user WHERE id = $1`, [
        id,
      ])
    ).rows[0];

  it('changes one’s own password and ends every other sign-in session', async () => {
    const email = (await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [w.workerA2.id]))
      .rows[0].email as string;
    const other = await login(t, email); // a second sign-in, e.g. on a phone
    const here = await login(t, email);
    const before = await hashOf(w.workerA2.id);

    // Refused: wrong current password, a weak or unchanged new one; nothing changes.
    for (const [body, field] of [
      [{ currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD }, 'newPassword'],
    ] as const) {
      const res = await t.request('POST', '/api/auth/password', { token: here, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.body.errors ?? res.body)).toContain(field);
    }
    expect(await hashOf(w.workerA2.id)).toEqual(before);
    expect((await t.request('GET', '/api/auth/me', { token: other })).status).toBe(200);

    const res = await t.request('POST', '/api/auth/password', {
      token: here,
      body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.status).toBe(204);
    expect((await hashOf(w.workerA2.id)).password_hash).not.toBe(before.password_hash);
    // This sign-in goes on; the other one has ended.
    expect((await t.request('GET', '/api/auth/me', { token: here })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: other })).status).toBe(401);
    // Only the new password signs in now.
    const old = await t.request('POST', '/api/auth/login', {
      body: { email, password: TEST_PASSWORD },
    });
    expect(old.status).toBe(401);
    const fresh = await t.request('POST', '/api/auth/login', {
      body: { email, password: NEW_PASSWORD },
    });
    expect(fresh.status).toBe(200);
    const me = await t.request('GET', '/api/auth/me', { token: fresh.body.accessToken });
    expect({ status: me.status, id: me.body.id }).toEqual({ status: 200, id: w.workerA2.id });
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_id, details FROM audit_event
        WHERE entity_type = 'user' AND action = 'update' AND entity_id = $1`,
      [w.workerA2.id],
    );
    expect(rows).toEqual([
      {
        actor_id: w.workerA2.id,
        action: 'update',
        entity_id: w.workerA2.id,
        details: { fields: ['password'], own: true },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
  });

  it('makes a user with a temporary password change it before anything else', async () => {
    const created = await t.request('POST', '/api/users', {
      token: w.admin.token,
      body: {
        email: 'fern.okafor@test.example',
        displayName: 'Fern Okafor',
        role: 'worker',
        teamId: w.teamA.id,
        password: TEMPORARY,
        temporaryPassword: true,
      },
    });
    expect(created.status).toBe(201);
    expect((await hashOf(created.body.id)).must_change_password).toBe(true);

    const signIn = await t.request('POST', '/api/auth/login', {
      body: { email: 'fern.okafor@test.example', password: TEMPORARY },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.mustChangePassword).toBe(true);
    const token = signIn.body.accessToken as string;
    const cookie = String(signIn.headers['set-cookie']).split(';')[0].split('=')[1];

    // Everything else is refused with 403, reads and writes alike, and writes nothing.
    const participants = (await t.db.query(`SELECT count(*)::int AS n FROM participant`)).rows[0].n;
    for (const [method, url, body] of [
      ['GET', '/api/auth/me', undefined],
      ['GET', '/api/participants', undefined],
      ['POST', '/api/participants', { firstName: 'Ivy', lastName: 'Lane' }],
      ['GET', `/api/reports/caseload`, undefined],
    ] as const) {
      const res = await t.request(method, url, { token, body });
      expect({ url, status: res.status }).toEqual({ url, status: 403 });
      expect(res.body.message).toMatch(/new password/);
    }
    expect((await t.db.query(`SELECT count(*)::int AS n FROM participant`)).rows[0].n).toBe(
      participants,
    );
    // A refreshed token says so too.
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.mustChangePassword).toBe(true);

    // The change itself is open; then everything is.
    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: TEMPORARY, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);
    expect((await hashOf(created.body.id)).must_change_password).toBe(false);
    expect((await t.request('GET', '/api/participants', { token })).status).toBe(200);
    const again = await t.request('POST', '/api/auth/login', {
      body: { email: 'fern.okafor@test.example', password: NEW_PASSWORD },
    });
    expect(again.status).toBe(200);
    expect(again.body.mustChangePassword).toBeUndefined();
  });

  it('lets an admin set a temporary password on PATCH, ending the user’s sessions', async () => {
    const session = w.workerB.token;
    const res = await t.request('PATCH', `/api/users/${w.workerB.id}`, {
      token: w.admin.token,
      body: { password: TEMPORARY, temporaryPassword: true },
    });
    expect(res.status).toBe(200);
    expect((await hashOf(w.workerB.id)).must_change_password).toBe(true);
    expect((await t.request('GET', '/api/participants', { token: session })).status).toBe(401);
    const email = (await t.db.query(`SELECT email FROM app_user WHERE id = $1`, [w.workerB.id]))
      .rows[0].email as string;
    const signIn = await t.request('POST', '/api/auth/login', {
      body: { email, password: TEMPORARY },
    });
    expect(signIn.body.mustChangePassword).toBe(true);
    // Sign-out stays open.
    const out = await t.request('POST', '/api/auth/logout', { token: signIn.body.accessToken });
    expect(out.status).toBe(204);

    // temporaryPassword needs a password; a worker cannot set one.
    const alone = await t.request('PATCH', `/api/users/${w.workerB.id}`, {
      token: w.admin.token,
      body: { temporaryPassword: true },
    });
    expect(alone.status).toBe(400);
    expect(JSON.stringify(alone.body)).toContain('temporaryPassword');
    const worker = await t.request('PATCH', `/api/users/${w.workerB.id}`, {
      token: w.workerA.token,
      body: { password: TEMPORARY, temporaryPassword: true },
    });
    expect(worker.status).toBe(403);
  });
});
