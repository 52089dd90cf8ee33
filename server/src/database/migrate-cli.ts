import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { prepareDatabase } from './prepare';

/**
 * Runs the migrations (and creates the first admin when ADMIN_EMAIL is set)
 * on DATABASE_URL, then exits: the cluster's migration Job. The app does the
 * same on start, under the same advisory lock, so either order is safe.
 */
async function main() {
  const config = loadConfig();
  if (!config.databaseUrl || !config.jwtSecret) {
    throw new ConfigError('The migration job needs DATABASE_URL and JWT_SECRET');
  }
  await prepareDatabase(
    { ...config, databaseUrl: config.databaseUrl, jwtSecret: config.jwtSecret, demoData: false },
    (line) => process.stdout.write(`${line}\n`),
  );
  process.stdout.write('Database is up to date.\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
