import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  pid: number;
  /** The last lines the server printed (for a failure message). */
  output(): string;
  stop(): Promise<void>;
}

/** The server package's folder (`server/`), from this file's source or its compiled copy. */
export function serverRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === '@peerpath/server') {
      return dir;
    }
  }
  throw new Error(`No @peerpath/server package above ${__dirname}`);
}

/** The built server, `server/dist/main.js`. */
export const BUILT_SERVER = join(serverRoot(), 'dist', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts the built server (`dist/main.js`, or the script `entry`) as a child
 * process on a free port, against `databaseUrl`, and waits until /api/health
 * answers `ok`. It logs at `warn` unless `logLevel` says otherwise. Used by the
 * benchmark, the load check and the specs that run the built server.
 */
export async function startServer(
  databaseUrl: string,
  opts: { logLevel?: string; entry?: string } = {},
): Promise<RunningServer> {
  const main = opts.entry ?? BUILT_SERVER;
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: opts.logLevel ?? 'warn',
    DEMO_DATA: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    baseUrl,
    process: child,
    pid: child.pid!,
    output: () => lines.join('\n'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(killer);
    },
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The server exited (code ${child.exitCode}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`The server did not answer /api/health within 90 s:\n${server.output()}`);
}
