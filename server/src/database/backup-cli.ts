import 'reflect-metadata';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { backupDatabase, restoreDatabase } from './backup';
import { openDatabase } from './open-database';
import { prepareDatabase } from './prepare';

/**
 * `pnpm db:backup [file]` and `pnpm db:restore <file>` for the configured
 * database: DATABASE_URL, else the embedded one (used while the app runs, or
 * started for the occasion).
 */
async function main() {
  const [command, fileArg] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore')
    throw new Error('usage: backup-cli backup|restore [file]');
  if (command === 'restore' && !fileArg) throw new Error('Name the backup file to restore');
  const database = await openDatabase(loadConfig(), { reuseRunning: true });
  const config = database.config;
  const client = new Client({ connectionString: config.databaseUrl });
  try {
    if (command === 'backup') {
      const file = resolve(
        fileArg ?? `peerpath-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.gz`,
      );
      await client.connect();
      const header = await backupDatabase(client, file);
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(`Backed up ${rows} rows of ${header.tables.length} tables to ${file}\n`);
    } else {
      // Bring an empty database to the current schema first, without demo data.
      await prepareDatabase({
        ...config,
        demoData: false,
        adminEmail: undefined,
        adminPassword: undefined,
      });
      await client.connect();
      const header = await restoreDatabase(client, resolve(fileArg));
      process.stdout.write(
        `Restored the backup of ${header.createdAt} (${header.tables.length} tables)\n`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
