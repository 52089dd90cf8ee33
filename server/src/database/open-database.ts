import type { AppConfig, ResolvedConfig } from '../config/config';
import { embeddedJwtSecret, embeddedUrlIfRunning, startEmbeddedPostgres } from './embedded';

export interface OpenDatabase {
  /** The configuration with the database URL and the JWT secret filled in. */
  config: ResolvedConfig;
  /** True when the embedded PostgreSQL was started here (and `stop()` stops it). */
  started: boolean;
  stop(): Promise<void>;
}

/**
 * The database PeerPath uses: DATABASE_URL when set (an external PostgreSQL),
 * else the embedded one under DATA_DIR, started here. With `reuseRunning`
 * (the command-line tools) an embedded PostgreSQL the app already runs is used
 * as it is. The JWT secret is JWT_SECRET, else the embedded installation's own.
 */
export async function openDatabase(
  config: AppConfig,
  opts: { reuseRunning?: boolean; log?: (line: string) => void } = {},
): Promise<OpenDatabase> {
  const resolved = async (databaseUrl: string): Promise<ResolvedConfig> => ({
    ...config,
    databaseUrl,
    jwtSecret: config.jwtSecret ?? (await embeddedJwtSecret(config.dataDir)),
  });
  if (config.databaseUrl) {
    return {
      config: await resolved(config.databaseUrl),
      started: false,
      stop: async () => undefined,
    };
  }
  if (opts.reuseRunning) {
    const running = await embeddedUrlIfRunning(config.dataDir, config.embeddedPort);
    if (running)
      return { config: await resolved(running), started: false, stop: async () => undefined };
  }
  opts.log?.(`Starting the embedded PostgreSQL in ${config.dataDir} …`);
  const db = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
  return { config: await resolved(db.url), started: true, stop: () => db.stop() };
}
