import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/config';
import { openDatabase, type OpenDatabase } from '../../src/database/open-database';

/**
 * The database the app would use (DATABASE_URL, else the embedded PostgreSQL
 * under DATA_DIR: the running one, or started here and stopped by `stop()`).
 * The tools never create a first admin or demo data: they write their own
 * organisation.
 */
export async function openTargetDatabase(log: (line: string) => void): Promise<OpenDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_DATA: 'false' };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  // The seeder and the benchmark sign nothing with it; the server they start gets its own.
  if (!env.JWT_SECRET) env.JWT_SECRET = randomBytes(32).toString('base64url');
  return openDatabase(loadConfig(env), { reuseRunning: true, log });
}

/** A connection string without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
