import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { createApp, shutdown } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './database/open-database';
import { prepareDatabase } from './database/prepare';
import { DEMO_PASSWORD } from './database/seed/demo';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Starts PeerPath; `extraModules` go into the app beside its own (only the benchmark's baseline uses them). */
async function main(extraModules: Type[] = []): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { log: say });
  const resolved = database.config;
  const { demoLogins } = await prepareDatabase(resolved, say);
  const app = await createApp(resolved, extraModules);
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
      await database.stop();
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

/** Runs `main`, and says why and exits 1 when PeerPath cannot start. */
export function run(extraModules: Type[] = []): void {
  main(extraModules).catch(fail);
}

function fail(err: unknown): never {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `PeerPath could not start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
  }
  process.exit(1);
}

if (require.main === module) run();
