import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

const names = new Map<string, string>();

/**
 * Runs a read through a named prepared statement on a connection of the app's pool: each
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
  let name = names.get(sql);
  if (!name) {
    name = `pp_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  // A query runner lends the pool's connection with TypeORM's handler for connection errors
  // attached (a connection the database drops is then logged and discarded, not thrown).
  const runner = db.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const result = await client.query({ name, text: sql, values: params });
    return result.rows as T[];
  } catch (err) {
    throw err instanceof QueryFailedError ? err : new QueryFailedError(sql, params, err as Error);
  } finally {
    await runner.release();
  }
}
