import { once } from 'node:events';
import { createTestDatabase } from './harness';
import { startServer } from '../tools/start-server';
import { addAdmin, PASSWORD } from './support/admin';

/** Starts the built server at `level`, signs in, searches the participant list, stops it: its output. */
async function run(url: string, level: string): Promise<string> {
  const { process: server, baseUrl: base, output } = await startServer(url, { logLevel: level });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@logging.example', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const list = await fetch(`${base}/api/participants?search=Quennell`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(list.status).toBe(200);
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  return output();
}

describe('request logs (the built server)', () => {
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase();
    await addAdmin(url, 'admin@logging.example');
  });

  it('at info, logs each request by route, without its query, token or password', async () => {
    const output = await run(url, 'info');
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { req?: { method: string; url: string } });
    const requests = lines.filter((l) => l.req).map((l) => `${l.req!.method} ${l.req!.url}`);
    expect(requests).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/participants']),
    );
    expect(output).not.toContain('Quennell');
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toMatch(/Bearer|eyJ/);
  }, 60000);

  it('at warn, writes no line for a request that went well', async () => {
    const output = await run(url, 'warn');
    expect(output).not.toContain('/api/participants');
    expect(output).not.toContain('/api/auth/login');
  }, 60000);
});
