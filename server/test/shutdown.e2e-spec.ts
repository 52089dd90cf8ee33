import { spawn, type ChildProcess } from 'node:child_process';
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

describe('graceful shutdown (the built server, as deployed)', () => {
  let server: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`Build the server first (pnpm build): ${MAIN} is missing`);
    const url = await createTestDatabase();
    const db = new Pool({ connectionString: url, max: 1 });
    await db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ('admin@shutdown.example', 'Admin', 'admin', $1)`,
      [await hashPassword(PASSWORD)],
    );
    await db.end();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        JWT_SECRET: 's'.repeat(40),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
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
  }, 60000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('lets requests in flight finish on SIGTERM, then exits 0', async () => {
    // Sign-ins hash a password (argon2id, tens of ms each): slow enough to be in flight.
    const inFlight = Array.from({ length: 12 }, () =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@shutdown.example', password: PASSWORD }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { accessToken?: string },
      })),
    );
    await new Promise((r) => setTimeout(r, 30));
    const exited = new Promise<number | null>((resolve) =>
      server.once('exit', (code) => resolve(code)),
    );
    server.kill('SIGTERM');
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(results.every((r) => typeof r.body.accessToken === 'string')).toBe(true);
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM');
    // Once stopped, nothing answers any more.
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  }, 60000);
});
