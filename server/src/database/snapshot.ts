import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** The part of pg's pool this file reads: whether a connection is free without waiting. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/** What PostgreSQL's `pg_export_snapshot()` returns, e.g. `00000003-0000001B-1`. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

/**
 * Read-only work on two connections that see one snapshot: a REPEATABLE READ
 * transaction exports its snapshot (`pg_export_snapshot()`) and a second one
 * takes it (`SET TRANSACTION SNAPSHOT`), so statements sent to either see the
 * same database, as if they ran in one transaction, while the two run at once
 * on two cores. `setup` (e.g. `SET TRANSACTION READ ONLY`) runs in both.
 *
 * A second connection is taken only when the pool has one free and no request
 * is waiting for one: a request never holds a connection while it waits for
 * another, so requests cannot wait on each other. Otherwise (or when the pool
 * is not pg's, as in the benchmark's statement capture), and with
 * `connections` 1, the work runs in one transaction, both managers being the
 * same: taking the second connection and the snapshot costs four round trips
 * more, worth it only when the statements are long.
 */
export async function inOneSnapshot<T>(
  db: Pick<DataSource, 'transaction'> & Partial<Pick<DataSource, 'createQueryRunner' | 'driver'>>,
  setup: readonly string[],
  work: (first: EntityManager, second: EntityManager) => Promise<T>,
  connections: 1 | 2 = 2,
): Promise<T> {
  if (connections === 1 || !db.createQueryRunner || !spareConnection(db)) {
    return oneTransaction(db, setup, work);
  }
  const first = db.createQueryRunner();
  let second: QueryRunner | undefined;
  try {
    await first.connect();
    await first.startTransaction('REPEATABLE READ');
    for (const statement of setup) await first.query(statement);
    const exported: { id: string }[] = await first.query('SELECT pg_export_snapshot() AS id');
    const id = exported[0]?.id;
    if (!id || !SNAPSHOT_ID.test(id)) throw new Error(`Unexpected snapshot id: ${String(id)}`);
    if (spareConnection(db)) {
      second = db.createQueryRunner();
      await second.connect();
      await second.startTransaction('REPEATABLE READ');
      // First in its transaction, as PostgreSQL requires.
      await second.query(`SET TRANSACTION SNAPSHOT '${id}'`);
      for (const statement of setup) await second.query(statement);
    }
    const result = await work(first.manager, (second ?? first).manager);
    if (second) await second.commitTransaction();
    await first.commitTransaction();
    return result;
  } catch (err) {
    for (const runner of [second, first]) {
      if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    }
    throw err;
  } finally {
    await second?.release();
    await first.release();
  }
}

/**
 * The values of two pieces of work sent to the two connections, once both have
 * settled; the first failure is thrown only then, so no statement is still
 * running on either connection when its transaction is rolled back.
 */
export async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

function oneTransaction<T>(
  db: Pick<DataSource, 'transaction'>,
  setup: readonly string[],
  work: (first: EntityManager, second: EntityManager) => Promise<T>,
): Promise<T> {
  return db.transaction('REPEATABLE READ', async (m) => {
    for (const statement of setup) await m.query(statement);
    return work(m, m);
  });
}

/** Whether pg's pool can hand out a connection at once, with nobody waiting for one. */
function spareConnection(db: Partial<Pick<DataSource, 'driver'>>): boolean {
  const pool = (db.driver as { master?: PoolCounts } | undefined)?.master;
  if (!pool || typeof pool.idleCount !== 'number') return false;
  if (pool.waitingCount > 0) return false;
  return pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10);
}
