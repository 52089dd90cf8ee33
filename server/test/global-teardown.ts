import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { runPrefix, withDatabase } from './db-url';

export default async function globalTeardown() {
  const base = process.env.PEERPATH_TEST_DB;
  if (base && !globalThis.__EMBEDDED_PG__) {
    // On a shared server, leave nothing behind.
    const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
    await admin.connect();
    try {
      const dbs: { datname: string }[] = (
        await admin.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
          `${runPrefix()}_`,
        ])
      ).rows;
      for (const { datname } of dbs)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await globalThis.__EMBEDDED_PG__?.stop();
  const dir = process.env.PEERPATH_TEST_EMBEDDED_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
