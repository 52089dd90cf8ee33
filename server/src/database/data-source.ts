import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for PeerPath: the schema changes only through migrations. */
/**
 * The settings every connection of the app starts with (libpq's `options`); the benchmark's
 * replayed SQL uses them too, so it is planned as the app's is.
 * Dates and periods are counted in ORG_TIMEZONE: `'2026-05-01'::date::timestamptz` is that zone's midnight.
 * jit=off: JIT compiling the report statements cost more (15–60 ms each) than it saved.
 * random_page_cost=1.1: the data is on SSD / in cache, and at the default 4 the planner
 * scanned whole tables for a team's report instead of using its (team_id, starts_at) index.
 */
export function connectionOptions(timeZone: string): string {
  return `-c TimeZone=${timeZone} -c jit=off -c random_page_cost=1.1`;
}

export function dataSourceOptions(
  url: string,
  opts: { poolSize?: number; timeZone?: string; queryTimeout?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: {
      max: opts.poolSize ?? 20,
      options: connectionOptions(opts.timeZone ?? 'UTC'),
      connectionTimeoutMillis: 3000,
      // Statements that hang (a lost database) fail instead of holding a request forever. Migrations
      // run without it: one that rewrites a large table takes as long as it takes.
      query_timeout: opts.queryTimeout === false ? undefined : 30000,
    },
  };
}
