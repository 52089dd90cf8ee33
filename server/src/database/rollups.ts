import type { ClientBase } from 'pg';

/**
 * The report roll-up triggers (created by the ReportRollups migration), by
 * table and name. Runtime code names them here and never imports a migration:
 * a migration's text is frozen once it is on main.
 */
export const ROLLUP_TRIGGERS: readonly { table: string; name: string }[] = [
  { table: 'support_session', name: 'rollup_support_session_insert' },
  { table: 'support_session', name: 'rollup_support_session_update' },
  { table: 'support_session', name: 'rollup_support_session_truncate' },
  { table: 'attendance', name: 'rollup_attendance_insert' },
  { table: 'attendance', name: 'rollup_attendance_delete' },
  { table: 'attendance', name: 'rollup_attendance_update' },
  { table: 'attendance', name: 'rollup_attendance_truncate' },
  { table: 'support_session', name: 'rollup_support_session_before_delete' },
];

/**
 * Turns the report roll-up triggers off or on, in the caller's transaction.
 * A bulk load (a restore, a generated organisation) turns them off, loads,
 * turns them on again and calls `rebuildRollups` once, instead of keeping the
 * roll-ups up to date statement by statement.
 */
export async function setRollupTriggers(db: ClientBase, enabled: boolean): Promise<void> {
  for (const t of ROLLUP_TRIGGERS) {
    await db.query(`ALTER TABLE ${t.table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t.name}`);
  }
}

/** Recomputes both roll-ups from the records (`rebuild_report_rollups()`, in the caller's transaction). */
export async function rebuildRollups(db: ClientBase): Promise<void> {
  await db.query('SELECT rebuild_report_rollups()');
}

/**
 * SQL: the row `pc` of `participant_contact` (the org-local days a person
 * attended, per team) has a day between `from` and `to` (inclusive SQL date
 * expressions). A first or last attended day inside the period settles it;
 * only a period between the two reads the days themselves (migration
 * ContactFirstDay).
 */
export const attendedBetween = (pc: string, from: string, to: string): string =>
  `(${pc}.last_day >= ${from} AND ${pc}.first_day <= ${to}
    AND (${pc}.first_day >= ${from} OR ${pc}.last_day <= ${to}
         OR ${pc}.days && daterange(${from}, ${to}, '[]')))`;
