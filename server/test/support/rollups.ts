import type { ActivitySummary } from '@peerpath/shared';
import type { TestApp } from '../harness';

type Row = Record<string, unknown>;

/**
 * A month roll-up checked both ways: each of `mismatches` (a statement giving
 * every stored row that differs from the records, either way) gives nothing,
 * and the rows of `read` as the triggers left them equal those a rebuild
 * (`rebuild_report_rollups()`, rolled back) writes. Rows `keep` turns down
 * (rows that net to nothing, which a rebuild does not write) are left out.
 */
export async function expectMonthsExact(
  t: TestApp,
  mismatches: string[],
  read: string,
  keep: (r: Row) => boolean = () => true,
): Promise<Row[]> {
  for (const sql of mismatches) expect((await t.db.query(sql)).rows).toEqual([]);
  const c = await t.db.connect();
  try {
    const incremental = (await c.query(read)).rows.filter(keep);
    await c.query('BEGIN');
    await c.query('SELECT rebuild_report_rollups()');
    const rebuilt = (await c.query(read)).rows.filter(keep);
    await c.query('ROLLBACK');
    expect(incremental).toEqual(rebuilt);
    return incremental;
  } finally {
    c.release();
  }
}

/** The row of team `teamId` and month `month` (its first day). */
export const monthRow = (rows: Row[], month: string, teamId: string) =>
  rows.find((r) => r.month === month && r.team_id === teamId);

/**
 * SQL: the rows of `stored` that `records` does not give and the other way
 * round, each marked with its side; both give the same columns in one order.
 */
export const differences = (records: string, stored: string) => `
  WITH k AS (${records}), s AS (${stored})
  SELECT 'stored' AS side, * FROM (SELECT * FROM s EXCEPT SELECT * FROM k) x
  UNION ALL
  SELECT 'records' AS side, * FROM (SELECT * FROM k EXCEPT SELECT * FROM s) y`;

/** The activity summary of `from`–`to`, of the organisation (`teamId` null) or one team, as `token` reads it. */
export async function activityOf(
  t: TestApp,
  token: string,
  from: string,
  to: string,
  teamId: string | null,
): Promise<ActivitySummary> {
  const res = await t.request<ActivitySummary>(
    'GET',
    `/api/reports/activity?from=${from}&to=${to}${teamId ? `&teamId=${teamId}` : ''}`,
    { token },
  );
  expect(res.status).toBe(200);
  return res.body;
}
