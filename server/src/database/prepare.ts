import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import type { ResolvedConfig } from '../config/config';
import { dataSourceOptions } from './data-source';
import { seedDemo, type DemoLogin } from './seed/demo';

const MIGRATION_LOCK = 7_350_042;

/**
 * Brings a database up to date: migrations (one runner at a time across
 * replicas, under an advisory lock), the first admin, and the demo organisation.
 */
export async function prepareDatabase(
  config: ResolvedConfig,
  log: (line: string) => void = () => undefined,
): Promise<{ demoLogins: DemoLogin[] }> {
  const lock = new Client({ connectionString: config.databaseUrl });
  await lock.connect();
  const ds = new DataSource(
    dataSourceOptions(config.databaseUrl, {
      poolSize: 4,
      timeZone: config.orgTimezone,
      queryTimeout: false,
    }),
  );
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.initialize();
    const ran = await ds.runMigrations({ transaction: 'each' });
    if (ran.length) log(`Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);

    const [{ users }] = await ds.query(`SELECT count(*)::int AS users FROM app_user`);
    if (users === 0 && config.adminEmail && config.adminPassword) {
      await ds.query(
        `INSERT INTO app_user (email, display_name, role, team_id, password_hash)
         VALUES ($1, 'Administrator', 'admin', NULL, $2)`,
        [config.adminEmail.toLowerCase(), await hashPassword(config.adminPassword)],
      );
      log(`Created the first admin: ${config.adminEmail.toLowerCase()}`);
    }
    let demoLogins: DemoLogin[] = [];
    if (config.demoData) demoLogins = await seedDemo(ds, config);
    return { demoLogins };
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy();
  }
}
