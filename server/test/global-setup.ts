import { Client } from 'pg';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded';
import { prepareDatabase } from '../src/database/prepare';
import { randomBytes } from 'node:crypto';
import { templateDb, withDatabase } from './db-url';

declare global {
  var __EMBEDDED_PG__: EmbeddedDatabase | undefined;
}

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

/**
 * One PostgreSQL for the run: DATABASE_URL when set, else an embedded one.
 * A template database is migrated once; each spec file copies it (fast) so
 * files never see each other's rows.
 */
export default async function globalSetup() {
  let base = process.env.DATABASE_URL;
  if (!base) {
    const dir = await mkdtemp(join(__dirname, '..', '.test-data-'));
    const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
    globalThis.__EMBEDDED_PG__ = pg;
    base = pg.url;
    process.env.PEERPATH_TEST_EMBEDDED_DIR = dir;
  }
  process.env.PEERPATH_TEST_DB = base;
  process.env.PEERPATH_TEST_RUN = randomBytes(4).toString('hex');
  const TEMPLATE_DB = templateDb();
  const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  await prepareDatabase({
    databaseUrl: withDatabase(base, TEMPLATE_DB),
    jwtSecret: 'x'.repeat(32),
    embedded: false,
    dataDir: '/nonexistent',
    embeddedPort: 0,
    port: 0,
    host: '127.0.0.1',
    demoData: false,
    orgTimezone: 'UTC',
    orgName: 'PeerPath Test Network',
    orgLocale: 'en-GB',
    suppressionThreshold: 11,
    noteLateHours: 48,
    logLevel: 'silent',
    corsOrigins: [],
    dbPoolSize: 4,
  });
}
