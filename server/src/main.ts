import 'reflect-metadata';
import { createApp, shutdown } from './app.factory';
import { ConfigError, loadConfig, type ResolvedConfig } from './config/config';
import {
  embeddedJwtSecret,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded';
import { prepareDatabase } from './database/prepare';
import { DEMO_PASSWORD } from './database/seed/demo';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (config.embedded) {
    say(`Starting the embedded PostgreSQL in ${config.dataDir} …`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
  }
  const resolved: ResolvedConfig = {
    ...config,
    databaseUrl: config.databaseUrl ?? embedded!.url,
    jwtSecret: config.jwtSecret ?? (await embeddedJwtSecret(config.dataDir)),
  };
  const { demoLogins } = await prepareDatabase(resolved, say);
  const app = await createApp(resolved);
  await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: finishing open requests, then stopping …`);
    const force = setTimeout(() => process.exit(1), 15000);
    force.unref();
    try {
      // Stop taking connections and let requests in flight finish while the
      // database is still there; only then close the modules and the database.
      await shutdown(app);
      await embedded?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  const url = `http://localhost:${config.port}`;
  say(`PeerPath is running at ${url} (API docs: ${url}/api/docs)`);
  if (demoLogins.length) {
    say(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const l of demoLogins)
      say(`  ${l.role.padEnd(10)} ${l.email}${l.team ? `  (${l.team})` : ''}`);
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `PeerPath could not start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
  }
  process.exit(1);
});
