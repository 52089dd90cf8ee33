import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { ParticipantsService } from '../src/participants/participants.service';
import { REFRESH_COOKIE } from '../src/auth/auth.controller';
import { TEST_PASSWORD, createTestApp, type Reply, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';

/** What an error body must never carry: a stack frame, SQL, driver or framework internals. */
const INTERNALS =
  /QueryFailedError|TypeORM|node_modules|\bat \S+ \(|\.[jt]s:\d+|\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bpg_|duplicate key|violates|constraint|stack|secret_column/i;

/** The headers every answer carries, API or web client (helmet, as configured in app.factory.ts). */
function securityHeaderProblems(what: string, res: Reply): string[] {
  const h = res.headers;
  const csp = String(h['content-security-policy'] ?? '');
  const permissions = String(h['permissions-policy'] ?? '');
  const denied = (feature: string) => new RegExp(`(^|, )${feature}=\\(\\)(,|$)`).test(permissions);
  const expected: [string, boolean][] = [
    ["CSP default-src 'self'", csp.includes("default-src 'self'")],
    ["CSP script-src 'self' only", /script-src 'self'(;|$)/.test(csp)],
    ["CSP frame-ancestors 'none'", csp.includes("frame-ancestors 'none'")],
    ["CSP object-src 'none'", csp.includes("object-src 'none'")],
    ['nosniff', h['x-content-type-options'] === 'nosniff'],
    ['HSTS', /max-age=\d{7,}/.test(String(h['strict-transport-security']))],
    ['X-Frame-Options', h['x-frame-options'] === 'SAMEORIGIN' || h['x-frame-options'] === 'DENY'],
    ['Referrer-Policy no-referrer', h['referrer-policy'] === 'no-referrer'],
    ['COOP same-origin', h['cross-origin-opener-policy'] === 'same-origin'],
    ['CORP same-origin', h['cross-origin-resource-policy'] === 'same-origin'],
    ['no X-Powered-By', h['x-powered-by'] === undefined],
    ...(['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics'] as const).map(
      (f): [string, boolean] => [`Permissions-Policy ${f}=()`, denied(f)],
    ),
  ];
  return expected
    .filter(([, ok]) => !ok)
    .map(([name]) => `${what}: ${name} missing (${res.status})`);
}

describe('headers and transport', () => {
  let t: TestApp;
  let org: Organisation;
  let client: string;

  beforeAll(async () => {
    // A built web client, as `pnpm build` leaves it.
    client = await mkdtemp(join(tmpdir(), 'peerpath-client-'));
    await mkdir(join(client, 'assets'));
    await writeFile(join(client, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(client, 'assets', 'app.js'), 'console.log("PeerPath");');
    t = await createTestApp({ clientDist: client });
    org = await seedOrganisation(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(client, { recursive: true, force: true });
  });

  /** One request of each kind of answer the API gives, with what it must be. */
  async function apiAnswers(): Promise<[string, number, Reply][]> {
    const a = org.a;
    const token = a.worker.token;
    const out: [string, number, Reply][] = [];
    const add = async (what: string, status: number, res: Promise<Reply>) =>
      out.push([what, status, await res]);
    await add('health', 200, t.request('GET', '/api/health'));
    await add(
      'a participant',
      200,
      t.request('GET', `/api/participants/${a.participant.id}`, { token }),
    );
    await add('HEAD of a list', 200, t.request('HEAD', '/api/participants', { token }));
    await add(
      'a create',
      201,
      t.request('POST', '/api/participants', {
        token,
        body: { firstName: 'Noor', lastName: 'Haddad' },
      }),
    );
    await add(
      'a delete',
      204,
      (async () => {
        const s = await t.request('POST', '/api/sessions', {
          token,
          body: {
            type: 'one_to_one_mentoring',
            setting: 'phone',
            startsAt: '2026-03-09T15:00:00Z',
            durationMinutes: 20,
            attendance: [{ participantId: a.participant.id, status: 'attended' }],
          },
        });
        return t.request('DELETE', `/api/sessions/${s.body.id}?reason=Logged%20twice`, { token });
      })(),
    );
    await add('the API docs', 200, t.request('GET', '/api/docs-json'));
    await add(
      'invalid fields',
      400,
      t.request('POST', '/api/participants', { token, body: { firstName: 42 } }),
    );
    await add(
      'bad JSON',
      400,
      t.request('POST', '/api/participants', {
        token,
        payload: '{"firstName": "Noor",',
        headers: { 'content-type': 'application/json' },
      }),
    );
    await add('no token', 401, t.request('GET', '/api/participants'));
    await add('a forged token', 401, t.request('GET', '/api/participants', { token: `${token}x` }));
    await add('a worker at the audit trail', 403, t.request('GET', '/api/audit', { token }));
    await add(
      'another team’s participant',
      404,
      t.request('GET', `/api/participants/${org.b.participant.id}`, { token }),
    );
    await add('an unknown API route', 404, t.request('GET', '/api/nothing-here', { token }));
    await add('a bad id', 400, t.request('GET', '/api/participants/not-a-uuid', { token }));
    await add(
      'a stale version',
      409,
      (async () => {
        const v = await versionOf(t, 'participant', a.relative.id);
        await t.request('PATCH', `/api/participants/${a.relative.id}`, {
          token,
          body: { version: v, pronouns: 'she/her' },
        });
        return t.request('PATCH', `/api/participants/${a.relative.id}`, {
          token,
          body: { version: v, pronouns: 'they/them' },
        });
      })(),
    );
    await add(
      'a body over 1 MB',
      413,
      t.request('POST', '/api/participants', {
        token,
        payload: JSON.stringify({ firstName: 'x'.repeat(1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    await add(
      'XML',
      415,
      t.request('POST', '/api/participants', {
        token,
        payload: '<participant/>',
        headers: { 'content-type': 'application/xml' },
      }),
    );
    await add(
      'too many failed sign-ins',
      429,
      (async () => {
        const body = { email: 'someone.else@test.example', password: 'not-the-password' };
        for (let i = 0; i < 10; i++) await t.request('POST', '/api/auth/login', { body });
        return t.request('POST', '/api/auth/login', { body });
      })(),
    );
    await add(
      'a failure inside the server',
      500,
      (async () => {
        // A database error carrying SQL and a stack, as a bug would raise it.
        const spy = jest.spyOn(ParticipantsService.prototype, 'get').mockRejectedValue(
          new QueryFailedError(
            'SELECT secret_column FROM participant WHERE id = $1',
            [a.participant.id],
            Object.assign(new Error('column "secret_column" does not exist'), {
              code: '42703',
            }),
          ),
        );
        try {
          return await t.request('GET', `/api/participants/${a.participant.id}`, {
            token,
            injectedFault: true,
          });
        } finally {
          spy.mockRestore();
        }
      })(),
    );
    await add(
      'a unique-key clash the service did not foresee',
      409,
      (async () => {
        // SPEC §4: a unique-key clash is 409, never 500, and names no constraint.
        const spy = jest.spyOn(ParticipantsService.prototype, 'get').mockRejectedValue(
          new QueryFailedError(
            'INSERT INTO participant (id) VALUES ($1)',
            [a.participant.id],
            Object.assign(new Error('duplicate key value violates unique constraint "pk"'), {
              code: '23505',
              constraint: 'pk',
            }),
          ),
        );
        try {
          return await t.request('GET', `/api/participants/${a.participant.id}`, {
            token,
            injectedFault: true,
          });
        } finally {
          spy.mockRestore();
        }
      })(),
    );
    await add(
      'a value the database refuses',
      400,
      (async () => {
        const spy = jest.spyOn(ParticipantsService.prototype, 'get').mockRejectedValue(
          new QueryFailedError(
            'SELECT secret_column FROM participant WHERE id = $1::uuid',
            ['x'],
            Object.assign(new Error('invalid input syntax for type uuid: "x"'), {
              code: '22P02',
            }),
          ),
        );
        try {
          return await t.request('GET', `/api/participants/${a.participant.id}`, { token });
        } finally {
          spy.mockRestore();
        }
      })(),
    );
    return out;
  }

  it('answers every kind of API request with no-store, security headers and a clean error body', async () => {
    const problems: string[] = [];
    const answers = await apiAnswers();
    for (const [what, status, res] of answers) {
      if (res.status !== status) {
        problems.push(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 120)}`);
        continue;
      }
      if (res.headers['cache-control'] !== 'no-store') {
        problems.push(`${what}: Cache-Control ${String(res.headers['cache-control'])}`);
      }
      problems.push(...securityHeaderProblems(what, res));
      if (status >= 400) {
        const keys = Object.keys(res.body ?? {}).sort();
        if (
          res.body?.statusCode !== status ||
          typeof res.body?.message !== 'string' ||
          !keys.every((k) => ['errors', 'message', 'statusCode'].includes(k))
        ) {
          problems.push(`${what}: not the one error shape: ${res.text.slice(0, 160)}`);
        }
        if (INTERNALS.test(res.text)) problems.push(`${what}: reveals internals: ${res.text}`);
        if (!String(res.headers['content-type']).startsWith('application/json')) {
          problems.push(`${what}: error as ${String(res.headers['content-type'])}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every kind of answer the issue names was produced.
    expect([...new Set(answers.map(([, s]) => s))].sort()).toEqual([
      200, 201, 204, 400, 401, 403, 404, 409, 413, 415, 429, 500,
    ]);
  });

  it('sends the security headers on the web client’s pages and files too', async () => {
    const problems: string[] = [];
    for (const [url, type] of [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/assets/app.js', 'javascript'],
      ['/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11', 'text/html'], // a deep link
      ['/reports/activity?from=2026-03-01', 'text/html'],
    ] as const) {
      const res = await t.request('GET', url);
      if (res.status !== 200) problems.push(`${url}: ${res.status}`);
      if (!String(res.headers['content-type']).includes(type)) {
        problems.push(`${url}: ${String(res.headers['content-type'])}`);
      }
      problems.push(...securityHeaderProblems(url, res));
    }
    expect(problems).toEqual([]);
  });

  it('sets the refresh cookie HttpOnly, Secure, SameSite=Strict, only for /api/auth', async () => {
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: org.a.worker.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${REFRESH_COOKIE}=[A-Za-z0-9_-]{40,};`));
    const attributes = cookie
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/auth']),
    );
    // The token is not in the body, and never readable by scripts.
    expect(login.text).not.toContain(cookie.split(';')[0].split('=')[1]);
    // A refresh rotates it with the same attributes.
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookies: { [REFRESH_COOKIE]: cookie.split(';')[0].split('=')[1] },
    });
    expect(refreshed.status).toBe(200);
    const rotated = String(refreshed.headers['set-cookie']);
    expect(rotated.split(';')[0]).not.toBe(cookie.split(';')[0]);
    expect(rotated.toLowerCase()).toMatch(/httponly/);
    expect(rotated.toLowerCase()).toMatch(/secure/);
    expect(rotated.toLowerCase()).toMatch(/samesite=strict/);
  });

  it('keeps CORS closed by default: no origin is allowed, preflight or not', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:5173', 'null']) {
      const preflight = await t.request('OPTIONS', '/api/participants', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBeGreaterThanOrEqual(400);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
      const simple = await t.request('GET', '/api/participants', {
        token: org.a.worker.token,
        headers: { origin },
      });
      expect(simple.status).toBe(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('allows exactly the origins CORS_ORIGINS names, when set', async () => {
    const open = await createTestApp({ corsOrigins: ['https://peerpath.example.org'] });
    try {
      const ask = (origin: string) =>
        open.request('OPTIONS', '/api/participants', {
          headers: { origin, 'access-control-request-method': 'GET' },
        });
      const allowed = await ask('https://peerpath.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://peerpath.example.org');
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      for (const origin of [
        'https://evil.example',
        'https://peerpath.example.org.evil.example',
        'http://peerpath.example.org',
      ]) {
        const refused = await ask(origin);
        expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      }
    } finally {
      await open.close();
    }
  });
});
