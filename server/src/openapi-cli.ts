import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { createOpenApiDocument } from './common/openapi';
import type { ResolvedConfig } from './config/config';

/**
 * Writes the OpenAPI document (the one served at /api/docs-json) to a file,
 * without a database: the app is built in preview mode, which reads the
 * controllers' routes and decorators but starts no provider.
 *
 *   node dist/openapi-cli.js [openapi.json]
 */
async function main() {
  const out = resolve(process.argv[2] ?? 'openapi.json');
  const config: ResolvedConfig = {
    databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
    jwtSecret: 'unused',
    embedded: false,
    dataDir: '/nonexistent',
    embeddedPort: 0,
    port: 0,
    host: '127.0.0.1',
    demoData: false,
    orgTimezone: 'UTC',
    orgLocale: 'en-GB',
    orgName: 'PeerPath',
    suppressionThreshold: 11,
    noteLateHours: 48,
    logLevel: 'silent',
    corsOrigins: [],
    dbPoolSize: 1,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix('api');
  const doc = createOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write(`OpenAPI document written to ${out}\n`);
  await app.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
