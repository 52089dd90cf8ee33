import type { Client } from 'pg';
import { ROLLUP_TRIGGERS } from './migrations/1795650000000-ReportRollups';

/**
 * Turns the report roll-up triggers off or on, in the caller's transaction.
 * A bulk load (the scale seed, a restore) turns them off, loads, turns them
 * on again and calls `rebuild_report_rollups()` once, instead of keeping the
 * roll-ups up to date statement by statement.
 */
export async function setRollupTriggers(db: Client, enabled: boolean): Promise<void> {
  for (const t of ROLLUP_TRIGGERS) {
    await db.query(`ALTER TABLE ${t.table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t.name}`);
  }
}
