import { DataSource, type EntityManager } from 'typeorm';
import { inOneSnapshot } from '../src/database/snapshot';
import { createTestApp, type TestApp } from './harness';

/*
 * inOneSnapshot (src/database/snapshot.ts): the activity summary's statements
 * run on two connections at once, and must still see one database, as one
 * transaction would.
 */
describe('two connections, one snapshot', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pid = async (m: EntityManager) =>
    ((await m.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[])[0].pid;
  const teams = async (m: EntityManager) =>
    ((await m.query('SELECT count(*)::int AS n FROM team')) as { n: number }[])[0].n;

  it('gives the second connection the first one’s snapshot: a commit in between is seen by neither', async () => {
    const seen = await inOneSnapshot(db, ['SET TRANSACTION READ ONLY'], async (first, second) => {
      const before = await teams(first);
      // Committed by a third connection after the snapshot was taken.
      await t.db.query(`INSERT INTO team (name) VALUES ('Riverside Recovery Circle')`);
      const [a, b] = await Promise.all([teams(first), teams(second)]);
      const readOnly = (await second.query('SHOW transaction_read_only')) as {
        transaction_read_only: string;
      }[];
      return {
        before,
        a,
        b,
        pids: new Set([await pid(first), await pid(second)]).size,
        readOnly: readOnly[0].transaction_read_only,
      };
    });
    expect(seen.pids).toBe(2);
    expect(seen.readOnly).toBe('on');
    expect(seen.a).toBe(seen.before);
    expect(seen.b).toBe(seen.before);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM team`);
    expect(rows[0].n).toBe(seen.before + 1);
  });

  it('uses one connection when the pool has none to spare, and never waits for a second', async () => {
    const small = new DataSource({
      ...db.options,
      extra: { ...(db.options as any).extra, max: 1 },
    } as never);
    await small.initialize();
    try {
      const seen = await inOneSnapshot(small, [], async (first, second) => ({
        same: (await pid(first)) === (await pid(second)),
        n: await teams(second),
      }));
      expect(seen.same).toBe(true);
      expect(seen.n).toBeGreaterThan(0);
    } finally {
      await small.destroy();
    }
  });

  it('rolls both back and gives the connections back when the work fails', async () => {
    const pool = (db.driver as unknown as { master: { idleCount: number; totalCount: number } })
      .master;
    await expect(
      inOneSnapshot(db, [], async (first, second) => {
        await first.query('SELECT 1');
        await second.query('SELECT no_such_column FROM team');
      }),
    ).rejects.toThrow(/no_such_column/);
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
