import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Pool } from 'pg';
import { hashPassword } from '../../src/auth/passwords';

/** The built server, as deployed (`pnpm build` first). */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
export const PASSWORD = 'correct-horse-battery-staple-42';

export interface BuiltServer {
  process: ChildProcess;
  base: string;
  /** Everything it printed so far. */
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Adds an admin who signs in with PASSWORD to the database at `url`. */
export async function addAdmin(url: string, email: string): Promise<void> {
  const db = new Pool({ connectionString: url, max: 1 });
  try {
    await db.query(
      `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Admin', 'admin', $2)`,
      [email, await hashPassword(PASSWORD)],
    );
  } finally {
    await db.end();
  }
}

/** Starts `dist/main.js` on the database at `url` and a free port; resolves once /api/health is ok. */
export async function startBuiltServer(url: string, logLevel: string): Promise<BuiltServer> {
  if (!existsSync(MAIN)) throw new Error(`Build the server first (pnpm build): ${MAIN} is missing`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      JWT_SECRET: 's'.repeat(40),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { process: child, base, output: () => output };
}
