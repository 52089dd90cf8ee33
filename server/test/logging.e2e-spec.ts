import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Pool } from 'pg';
import { hashPassword } from '../src/auth/passwords';
import { createTestDatabase } from './harness';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const PASSWORD = 'correct-horse-battery-staple-42';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the built server at `level`, signs in, searches the participant list, stops it: its output. */
async function run(url: string, level: string): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      JWT_SECRET: 's'.repeat(40),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: level,
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  try {
    const deadline = Date.now() + 30000;
    for (;;) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
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
  return output;
}

describe('request logs (the built server)', () => {
  let url: string;

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`Build the server first (pnpm build): ${MAIN} is missing`);
    url = await createTestDatabase();
    const db = new Pool({ connectionString: url, max: 1 });
    await db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('admin@logging.example', 'Admin', 'admin', $1)`,
      [await hashPassword(PASSWORD)],
    );
    await db.end();
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
