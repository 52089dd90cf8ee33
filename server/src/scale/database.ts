import { randomBytes } from 'node:crypto';
import { loadConfig, type ResolvedConfig } from '../config/config';
import { embeddedJwtSecret, startEmbeddedPostgres } from '../database/embedded';

export interface TargetDatabase {
  config: ResolvedConfig;
  /** True when the embedded PostgreSQL was started for this run. */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the app would use: DATABASE_URL, else the embedded PostgreSQL
 * under DATA_DIR, started here and stopped by `stop()`. The scale tools never
 * create a first admin or demo data: they write their own organisation.
 */
export async function openTargetDatabase(log: (line: string) => void): Promise<TargetDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_DATA: 'false' };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  // The seeder and the benchmark sign nothing with it; the server they start gets its own.
  if (!env.JWT_SECRET) env.JWT_SECRET = randomBytes(32).toString('base64url');
  const config = loadConfig(env);
  if (config.databaseUrl) {
    return {
      config: { ...config, databaseUrl: config.databaseUrl, jwtSecret: config.jwtSecret! },
      embedded: false,
      stop: async () => undefined,
    };
  }
  log(`Starting the embedded PostgreSQL in ${config.dataDir} (port ${config.embeddedPort}) …`);
  const db = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
  return {
    config: {
      ...config,
      demoData: false,
      databaseUrl: db.url,
      jwtSecret: await embeddedJwtSecret(config.dataDir),
    },
    embedded: true,
    stop: () => db.stop(),
  };
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
