import 'reflect-metadata';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for PeerPath: the schema changes only through migrations. */
export function dataSourceOptions(
  url: string,
  opts: { poolSize?: number; timeZone?: string } = {},
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
      // Dates and periods are counted in ORG_TIMEZONE: `'2026-05-01'::date::timestamptz` is that zone's midnight.
      options: `-c TimeZone=${opts.timeZone ?? 'UTC'}`,
      connectionTimeoutMillis: 3000,
      // Statements that hang (a lost database) fail instead of holding a request forever.
      query_timeout: 30000,
    },
  };
}
