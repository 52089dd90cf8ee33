import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from './harness';

/** The built server, as deployed (`npx tsc -p tsconfig.build.json` first). */
const MAIN = join(__dirname, '..', 'dist', 'main.js');

function envWith(databaseUrl: string, secret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: secret,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  return env;
}

/** The JWT_SECRET a shipped example file holds. */
function shipped(file: string): string {
  const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
  return /JWT_SECRET\s*[=:]\s*(\S+)/.exec(text)![1];
}

describe('the server refuses a placeholder or guessable JWT_SECRET at start (SPEC §4)', () => {
  let databaseUrl: string;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
    databaseUrl = await createTestDatabase();
  });

  /**
   * Runs the built server with `secret`; resolves when it has exited and its output is all read (or
   * after 90 s, killed). `close`, not `exit`: at `exit` the pipes may still hold the message.
   */
  function run(secret: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [MAIN], {
      env: envWith(databaseUrl, secret),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    return new Promise((resolve) =>
      child.once('close', (status) => {
        clearTimeout(killer);
        resolve({ status, stdout, stderr });
      }),
    );
  }

  it('stops at once with a message saying how to make a secret', async () => {
    const secrets = [
      shipped('docker/.env.example'),
      shipped('docker/k8s/secret.template.yaml'),
      'x'.repeat(32),
    ];
    const runs = await Promise.all(secrets.map(run));
    secrets.forEach((secret, i) => {
      const r = runs[i];
      expect({ secret, status: r.status }).toEqual({ secret, status: 1 });
      expect(r.stderr).toContain('JWT_SECRET');
      expect(r.stderr).toContain('openssl rand -base64 48');
      // The secret itself is never printed.
      expect(r.stderr).not.toContain(secret);
      expect(r.stdout).not.toContain('PeerPath is running');
    });
  }, 120_000);

  it('starts with a secret made as the message says', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: envWith(databaseUrl, randomBytes(48).toString('base64')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const started = Date.now();
      while (!output.includes('PeerPath is running') && child.exitCode === null) {
        if (Date.now() - started > 45_000) throw new Error(`no start:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toContain('PeerPath is running');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
