import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const names = new Map<string, string>();

/**
 * Runs a read through a named prepared statement on the app's pool: each
 * connection plans it once instead of on every request (for the participant
 * list, planning cost as much as running it). Only for statements whose text
 * takes a bounded number of shapes, since each shape stays prepared on every
 * connection. Errors come back as TypeORM's, as from `DataSource.query`.
 */
export async function preparedQuery<T>(
  db: DataSource,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  let name = names.get(sql);
  if (!name) {
    name = `pp_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  try {
    const result = await pool.query({ name, text: sql, values: params });
    return result.rows as T[];
  } catch (err) {
    throw new QueryFailedError(sql, params, err as Error);
  }
}
