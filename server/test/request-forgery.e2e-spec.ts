import { REFRESH_COOKIE } from '../src/auth/auth.controller';
import {
  createTestApp,
  login,
  seedTeam,
  seedUser,
  tableChecksum,
  TEST_PASSWORD,
  type Reply,
  type TestApp,
} from './harness';

const cookieOf = (res: Reply) =>
  new RegExp(`${REFRESH_COOKIE}=([^;]+)`).exec(String(res.headers['set-cookie']))?.[1];

/** SPEC §4: bodies are JSON only; cookie-borne requests from a foreign page are refused. */
describe('request forgery: JSON bodies only, cookie-borne requests from the app’s own origin', () => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp({ corsOrigins: ['https://peerpath.example.org'] });
    teamId = (await seedTeam(t)).id;
  });
  afterAll(() => t.close());

  async function signInSessions(): Promise<string> {
    return tableChecksum(t, 'auth_session');
  }

  describe('bodies that are not JSON → 415, nothing changes', () => {
    it('refuses a form-encoded, text/plain, multipart or untyped sign-in with the right password', async () => {
      const u = await seedUser(t, { role: 'worker', teamId });
      const before = await signInSessions();
      const form = `email=${encodeURIComponent(u.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`;
      const json = JSON.stringify({ email: u.email, password: TEST_PASSWORD });
      const boundary = '----peerpath';
      const multipart =
        `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n${u.email}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="password"\r\n\r\n${TEST_PASSWORD}\r\n` +
        `--${boundary}--\r\n`;
      const attempts: [string, Record<string, string>, string][] = [
        ['form', { 'content-type': 'application/x-www-form-urlencoded' }, form],
        ['text/plain', { 'content-type': 'text/plain' }, json],
        ['text/plain JSON', { 'content-type': 'text/plain;charset=UTF-8' }, json],
        ['multipart', { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart],
        ['no content type', {}, json],
        ['json in disguise', { 'content-type': 'application/jsonp' }, json],
      ];
      for (const [what, headers, payload] of attempts) {
        const res = await t.request('POST', '/api/auth/login', { headers, payload });
        expect({ what, status: res.status }).toEqual({ what, status: 415 });
        expect(res.body).toEqual({
          statusCode: 415,
          message: expect.stringContaining('application/json'),
        });
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.text).not.toContain(u.email);
      }
      expect(await signInSessions()).toBe(before);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1 AND action IN ('login', 'login_failed')`,
        [u.id],
      );
      expect(rows[0].n).toBe(1); // seedUser's own sign-in only
      // The same sign-in as JSON (with a charset) works.
      const ok = await t.request('POST', '/api/auth/login', {
        headers: { 'content-type': 'application/json; charset=utf-8' },
        payload: JSON.stringify({ email: u.email, password: TEST_PASSWORD }),
      });
      expect(ok.status).toBe(200);
    });

    it('refuses a body that is not JSON on every route, signed in or not', async () => {
      const u = await seedUser(t, { role: 'supervisor', teamId });
      const before = await tableChecksum(t, 'participant');
      const form = 'firstName=Noor&lastName=Haddad';
      for (const [method, url] of [
        ['POST', '/api/participants'],
        ['PATCH', '/api/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11'],
        ['POST', '/api/auth/refresh'],
        ['POST', '/api/auth/logout'],
        ['POST', '/api/nothing-here'],
        ['POST', '/'],
      ]) {
        for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
          const res = await t.request(method, url, {
            token: u.token,
            headers: { 'content-type': type },
            payload: form,
          });
          expect({ method, url, type, status: res.status }).toEqual({
            method,
            url,
            type,
            status: 415,
          });
        }
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);
      // A request with no body needs no content type.
      const empty = await t.request('POST', '/api/auth/logout', { token: u.token });
      expect(empty.status).toBe(204);
    });
  });

  describe('cookie-borne requests with a foreign Origin → 403, nothing changes', () => {
    async function signIn() {
      const u = await seedUser(t, { role: 'worker', teamId });
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: u.email, password: TEST_PASSWORD },
      });
      return { u, cookie: cookieOf(res)!, access: res.body.accessToken as string };
    }

    const foreign = [
      'https://evil.example',
      'null',
      'http://localhost.evil.example',
      'http://localhost:8080',
    ];

    it('refuses a refresh from a foreign page and leaves the refresh token as it was', async () => {
      const { cookie } = await signIn();
      for (const origin of foreign) {
        const before = await signInSessions();
        const res = await t.request('POST', '/api/auth/refresh', {
          cookies: { [REFRESH_COOKIE]: cookie },
          headers: { origin },
        });
        expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
        expect(res.body).not.toHaveProperty('accessToken');
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(await signInSessions()).toBe(before);
      }
      // The app's own page (same host) and a configured CORS origin may refresh.
      const own = await t.request('POST', '/api/auth/refresh', {
        cookies: { [REFRESH_COOKIE]: cookie },
        headers: { origin: 'http://localhost:80' },
      });
      expect(own.status).toBe(200);
      const allowed = await t.request('POST', '/api/auth/refresh', {
        cookies: { [REFRESH_COOKIE]: cookieOf(own)! },
        headers: { origin: 'https://peerpath.example.org' },
      });
      expect(allowed.status).toBe(200);
    });

    it('refuses a sign-out from a foreign page: the session goes on', async () => {
      const { u, cookie, access } = await signIn();
      const before = await signInSessions();
      const res = await t.request('POST', '/api/auth/logout', {
        cookies: { [REFRESH_COOKIE]: cookie },
        headers: { origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expect(await signInSessions()).toBe(before);
      expect((await t.request('GET', '/api/auth/me', { token: access })).status).toBe(200);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM auth_session WHERE user_id = $1 AND revoked_at IS NOT NULL`,
        [u.id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('refuses a sign-in from a foreign page, and authenticates nothing by the cookie alone', async () => {
      const u = await seedUser(t, { role: 'worker', teamId });
      const before = await signInSessions();
      const res = await t.request('POST', '/api/auth/login', {
        body: { email: u.email, password: TEST_PASSWORD },
        headers: { origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await signInSessions()).toBe(before);
      // The refresh cookie is no credential for anything but a refresh.
      const { cookie } = await signIn();
      for (const origin of [undefined, 'https://evil.example']) {
        const me = await t.request('GET', '/api/auth/me', {
          cookies: { [REFRESH_COOKIE]: cookie },
          headers: origin ? { origin } : {},
        });
        expect(me.status).toBeGreaterThanOrEqual(401);
        expect(me.status).toBeLessThanOrEqual(403);
        expect(me.text).not.toContain(u.email);
      }
      // A client that sends no Origin (a server, a script) signs in as before.
      expect((await login(t, u.email)).length).toBeGreaterThan(20);
    });
  });
});
