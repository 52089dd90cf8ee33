import { createHmac } from 'node:crypto';
import { JWT_AUDIENCE, JWT_ISSUER } from '../src/auth/jwt.strategy';
import {
  createTestApp,
  login,
  seedTeam,
  seedUser,
  TEST_PASSWORD,
  type Reply,
  type TestApp,
} from './harness';

function b64(obj: object) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
function sign(header: object, payload: object, secret: string) {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('authentication', () => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp();
    teamId = (await seedTeam(t)).id;
  });
  afterAll(() => t.close());

  it('signs in with the right password and returns the user without secrets', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: u.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: u.id,
      email: u.email,
      role: 'worker',
      teamId,
      active: true,
    });
    expect(res.text).not.toContain('password');
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    const header = JSON.parse(
      Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString(),
    );
    expect(header.alg).toBe('HS256');
    expect(String(res.headers['set-cookie'])).toMatch(
      /pp_refresh=.+HttpOnly; Secure; SameSite=Strict/,
    );
    const me = await t.request('GET', '/api/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(u.id);
    const { rows } = await t.db.query(
      `SELECT action, actor_id FROM audit_event WHERE actor_id = $1 AND action = 'login'`,
      [u.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong password and an unknown email with the same 401 message, and audits both', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: 'not-the-password-at-all' },
    });
    const unknown = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@test.example', password: 'whatever-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body).not.toHaveProperty('accessToken');
    const { rows } = await t.db.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'login_failed' ORDER BY seq`,
    );
    expect(rows.some((r) => r.actor_id === u.id && r.details.reason === 'bad_credentials')).toBe(
      true,
    );
    expect(rows.some((r) => r.actor_id === null)).toBe(true);
  });

  it('returns 400 naming the field for a malformed login body', async () => {
    const res = await t.request('POST', '/api/auth/login', { body: { email: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('needs a token everywhere but health and login', async () => {
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/users')).status).toBe(401);
    expect((await t.request('GET', '/api/audit')).status).toBe(401);
    expect((await t.request('GET', '/api/health')).status).toBe(200);
  });

  it('refuses alg none, a wrong signature, an expired, a not-yet-valid and a wrong-audience token', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const good = u.token;
    const payload = JSON.parse(Buffer.from(good.split('.')[1], 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const secret = t.config.jwtSecret;
    const tokens = {
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`,
      wrongSignature: sign(
        { alg: 'HS256', typ: 'JWT' },
        payload,
        'another-secret-another-secret-xx',
      ),
      tampered: `${good.split('.')[0]}.${b64({ ...payload, role: 'admin' })}.${good.split('.')[2]}`,
      expired: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...payload, iat: now - 7200, exp: now - 3600 },
        secret,
      ),
      notYetValid: sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, nbf: now + 3600 }, secret),
      wrongAudience: sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...payload, aud: 'someone-else' },
        secret,
      ),
      wrongIssuer: sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, iss: 'someone-else' }, secret),
      hs512: (() => {
        const head = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(payload)}`;
        return `${head}.${createHmac('sha512', secret).update(head).digest('base64url')}`;
      })(),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await t.request('GET', '/api/auth/me', { token });
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.text).not.toContain(u.email);
    }
    // A correctly signed token of our own making is accepted: the checks above are not vacuous.
    const ok = sign(
      { alg: 'HS256', typ: 'JWT' },
      { ...payload, iss: JWT_ISSUER, aud: JWT_AUDIENCE },
      secret,
    );
    expect((await t.request('GET', '/api/auth/me', { token: ok })).status).toBe(200);
  });

  it('refuses a token it accepted a moment ago once its expiry passes', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const payload = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString());
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = sign({ alg: 'HS256', typ: 'JWT' }, { ...payload, exp }, t.config.jwtSecret);
    // Accepted twice: verified, then remembered as verified.
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    const res = await t.request('GET', '/api/auth/me', { token });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(u.email);
  });

  it('cuts off a deactivated user at once and refuses their next login', async () => {
    const admin = await seedUser(t, { role: 'admin' });
    const u = await seedUser(t, { role: 'worker', teamId });
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(200);
    const off = await t.request('PATCH', `/api/users/${u.id}`, {
      token: admin.token,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await t.request('GET', '/api/auth/me', { token: u.token })).status).toBe(401);
    const again = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    expect(again.status).toBe(401);
  });

  it('refreshes from the cookie, rotates it, and logout ends both tokens', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    const cookie = /pp_refresh=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookies: { pp_refresh: cookie },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(u.id);
    const rotated = /pp_refresh=([^;]+)/.exec(String(refreshed.headers['set-cookie']))![1];
    expect(rotated).not.toBe(cookie);
    // (The old refresh token presented again ends the session: see "refresh-token reuse" below.)
    const access = refreshed.body.accessToken;
    expect((await t.request('GET', '/api/auth/me', { token: access })).status).toBe(200);
    const out = await t.request('POST', '/api/auth/logout', {
      token: access,
      cookies: { pp_refresh: rotated },
    });
    expect(out.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: access })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: rotated } })).status,
    ).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: cookie } })).status,
    ).toBe(401);
  });

  it('ends a refresh session after 30 idle minutes and after 12 hours', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const cookieOf = async () => {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: u.email, password: TEST_PASSWORD },
      });
      return /pp_refresh=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
    };
    const idle = await cookieOf();
    await t.db.query(
      `UPDATE auth_session SET last_used_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL AND last_used_at > now() - interval '1 minute'`,
      [u.id],
    );
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: idle } })).status,
    ).toBe(401);
    const old = await cookieOf();
    await t.db.query(
      `UPDATE auth_session SET created_at = now() - interval '12 hours 1 minute' WHERE user_id = $1 AND last_used_at > now() - interval '1 minute'`,
      [u.id],
    );
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: old } })).status,
    ).toBe(401);
    const fresh = await cookieOf();
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: fresh } })).status,
    ).toBe(200);
  });

  it('throttles an account after 10 failures from one address, even with the right password', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    for (let i = 0; i < 10; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: u.email, password: `wrong-password-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body).not.toHaveProperty('accessToken');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'login_failed' AND actor_id = $1 AND details->>'reason' = 'throttled'`,
      [u.id],
    );
    expect(rows[0].n).toBe(1);
    // Another client address is not blocked by this address's failures.
    const elsewhere = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
      remoteAddress: '192.0.2.7',
    });
    expect(elsewhere.status).toBe(200);
    // When the window has passed, the right password works again.
    await t.db.query(
      `UPDATE login_failure SET at = at - interval '16 minutes' WHERE email_key = $1`,
      [u.email],
    );
    expect((await login(t, u.email)).length).toBeGreaterThan(20);
  });

  it('throttles an account after 100 failures in an hour from any address', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    await t.db.query(
      `INSERT INTO login_failure (email_key, ip, at) SELECT $1, '10.0.' || (g / 250) || '.' || (g % 250), now() - interval '30 minutes' FROM generate_series(1, 100) g`,
      [u.email],
    );
    const res = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(429);
    await t.db.query(
      `UPDATE login_failure SET at = at - interval '31 minutes' WHERE email_key = $1`,
      [u.email],
    );
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: u.email, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
  });
});

describe('login throttling under a burst (SPEC §4)', () => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp();
    teamId = (await seedTeam(t)).id;
  });
  afterAll(() => t.close());

  const loginFrom = (email: string, password: string, remoteAddress: string) =>
    t.request('POST', '/api/auth/login', { body: { email, password }, remoteAddress });

  async function failureRows(email: string): Promise<number> {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM login_failure WHERE email_key = $1`,
      [email],
    );
    return rows[0].n;
  }

  async function failedLoginAudits(userId: string, reason: string): Promise<number> {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'login_failed' AND actor_id = $1 AND details->>'reason' = $2`,
      [userId, reason],
    );
    return rows[0].n;
  }

  async function signInSessions(userId: string): Promise<number> {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM auth_session WHERE user_id = $1`,
      [userId],
    );
    return rows[0].n;
  }

  /**
   * Sends the wrong passwords at once, then the right one as soon as the database shows
   * `places` checks in progress for the account: the right password arrives while the wrong
   * ones are being checked, whatever order the burst's requests happen to be served in.
   */
  async function burst(
    email: string,
    wrong: (i: number) => Promise<Reply>,
    right: () => Promise<Reply>,
    places: number,
  ): Promise<Reply[]> {
    const wrongReplies = Array.from({ length: 19 }, (_, i) => wrong(i));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM login_failure WHERE email_key = $1 AND pending`,
        [email],
      );
      if (rows[0].n >= places || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return Promise.all([...wrongReplies, right()]);
  }

  it('checks at most 10 passwords of 20 simultaneous attempts from one address; the right one, sent last, does not sign in', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const sessionsBefore = await signInSessions(u.id);
    const replies = await burst(
      u.email,
      (i) => loginFrom(u.email, `wrong-password-${i}`, '198.51.100.20'),
      () => loginFrom(u.email, TEST_PASSWORD, '198.51.100.20'),
      10,
    );
    const statuses = replies.map((r) => r.status);

    expect(statuses.filter((s) => s === 200)).toEqual([]);
    expect(replies[19].status).toBe(429);
    for (const r of replies) {
      expect(r.body).not.toHaveProperty('accessToken');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
    const checked = statuses.filter((s) => s === 401).length;
    const throttled = statuses.filter((s) => s === 429).length;
    expect(checked + throttled).toBe(20);
    expect(checked).toBeLessThanOrEqual(10);
    // Every password checked left one failure and one audit event; every refused attempt was audited.
    expect(await failureRows(u.email)).toBe(checked);
    expect(await failedLoginAudits(u.id, 'bad_credentials')).toBe(checked);
    expect(await failedLoginAudits(u.id, 'throttled')).toBe(throttled);
    expect(await signInSessions(u.id)).toBe(sessionsBefore);
  });

  it('checks at most 100 passwords an hour for one account, from any number of addresses at once', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const sessionsBefore = await signInSessions(u.id);
    // 95 failures from other addresses in the last hour.
    await t.db.query(
      `INSERT INTO login_failure (email_key, ip, at)
       SELECT $1, '10.1.' || (g / 250) || '.' || (g % 250), now() - interval '20 minutes'
         FROM generate_series(1, 95) g`,
      [u.email],
    );
    // 20 at once, each from its own address (so no address reaches its own limit of 10).
    const replies = await burst(
      u.email,
      (i) => loginFrom(u.email, `wrong-password-${i}`, `203.0.113.${i + 1}`),
      () => loginFrom(u.email, TEST_PASSWORD, '203.0.113.20'),
      5,
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    expect(replies[19].status).toBe(429);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + statuses.filter((s) => s === 429).length).toBe(20);
    expect(await failureRows(u.email)).toBe(95 + checked);
    expect(await failedLoginAudits(u.id, 'throttled')).toBe(20 - checked);
    expect(await signInSessions(u.id)).toBe(sessionsBefore);

    // An hour later the account opens again, from any address.
    await t.db.query(
      `UPDATE login_failure SET at = at - interval '61 minutes' WHERE email_key = $1`,
      [u.email],
    );
    expect((await loginFrom(u.email, TEST_PASSWORD, '203.0.113.99')).status).toBe(200);
  });

  it('never throttles normal use: 12 simultaneous right sign-ins from one address all succeed', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => loginFrom(u.email, TEST_PASSWORD, '198.51.100.30')),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(await failureRows(u.email)).toBe(0);
  });
});

describe('refresh-token reuse (SPEC §4)', () => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp();
    teamId = (await seedTeam(t)).id;
  });
  afterAll(() => t.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    /pp_refresh=([^;]+)/.exec(String(res.headers['set-cookie']))![1];

  it('ends the whole sign-in session when a rotated refresh token is presented again', async () => {
    const u = await seedUser(t, { role: 'worker', teamId });
    const signedIn = await t.request('POST', '/api/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const first = cookieOf(signedIn);
    const firstAccess = signedIn.body.accessToken as string;
    // The same person on another device: a sign-in session of its own.
    const elsewhere = await login(t, u.email);

    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookies: { pp_refresh: first },
    });
    expect(refreshed.status).toBe(200);
    const second = cookieOf(refreshed);
    const secondAccess = refreshed.body.accessToken as string;
    expect((await t.request('GET', '/api/auth/me', { token: secondAccess })).status).toBe(200);

    // Someone presents the rotated (first) token again: it was copied.
    const replay = await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: first } });
    expect(replay.status).toBe(401);
    expect(replay.body).not.toHaveProperty('accessToken');
    expect(replay.headers['set-cookie'] ?? '').not.toMatch(/pp_refresh=[^;]+;/);

    // Every token of that sign-in session stops working...
    expect((await t.request('GET', '/api/auth/me', { token: firstAccess })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: secondAccess })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { cookies: { pp_refresh: second } })).status,
    ).toBe(401);
    // ...and only that one: the other device stays signed in.
    expect((await t.request('GET', '/api/auth/me', { token: elsewhere })).status).toBe(200);

    const { rows } = await t.db.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS ended,
              count(*) FILTER (WHERE revoked_at IS NULL)::int AS open
         FROM auth_session WHERE user_id = $1`,
      [u.id],
    );
    // seedUser's own sign-in and the other device stay open.
    expect(rows[0]).toEqual({ ended: 1, open: 2 });
    const audit = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'login_failed' AND actor_id = $1 AND details->>'reason' = 'refresh_token_reused'`,
      [u.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});
