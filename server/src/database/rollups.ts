import type { ClientBase } from 'pg';
import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  TIME_ENTRY_KINDS,
} from '@peerpath/shared';

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
  // The month roll-ups (migration MonthRollups).
  { table: 'team_day_activity', name: 'rollup_month_days_insert' },
  { table: 'team_day_activity', name: 'rollup_month_days_delete' },
  { table: 'team_day_activity', name: 'rollup_month_days_update' },
  { table: 'team_day_activity', name: 'rollup_month_days_truncate' },
  // The handout months (migration HandoutMonthRollups).
  { table: 'handout', name: 'rollup_handout_insert' },
  { table: 'handout', name: 'rollup_handout_delete' },
  { table: 'handout', name: 'rollup_handout_update' },
  { table: 'handout', name: 'rollup_handout_truncate' },
  { table: 'resource', name: 'rollup_handout_resource_update' },
  // The other records' months (migration RecordMonthRollups).
  ...['participant', 'advocacy_action', 'decision_note', 'time_entry'].flatMap((table) =>
    ['insert', 'delete', 'update', 'truncate'].map((op) => ({
      table,
      name: `rollup_records_${table}_${op}`,
    })),
  ),
  // The outcome measures' courses and months (migration OutcomeMonthRollups).
  ...['insert', 'delete', 'update', 'truncate'].map((op) => ({
    table: 'measurement',
    name: `rollup_outcomes_${op}`,
  })),
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

/**
 * Recomputes every roll-up from the records (`rebuild_report_rollups()`, in the
 * caller's transaction): the team days and each person's contact days, then the
 * team months, then the handout months, then the other records' months.
 */
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

/**
 * SQL: the `participant_id` of every row of `participant_contact` with a day
 * between `from` and `to` (inclusive SQL date expressions) that also meets
 * `where` (on the alias `pc`): the same rows as `attendedBetween`. The row's
 * own columns are only its first and last day, person and team, so they are
 * read from `participant_contact_period_idx` alone (migration
 * ContactPeriodIndex, an index-only scan) with the table's statistics; only a
 * row whose first day is before the period and last day after it has its days
 * read, by its key. A person met by two teams appears once a team. `columns`
 * may name the row's `record_key` too (migration ContactRecordKey), which the
 * index carries.
 */
export const contactsBetween = (
  from: string,
  to: string,
  where = 'true',
  columns = 'pc.participant_id',
): string => `
    SELECT ${columns} FROM participant_contact pc
     WHERE ${where} AND pc.last_day >= ${from} AND pc.first_day <= ${to}
       AND (pc.first_day >= ${from} OR pc.last_day <= ${to}
            OR EXISTS (SELECT 1 FROM participant_contact pd
                        WHERE pd.participant_id = pc.participant_id AND pd.team_id = pc.team_id
                          AND pd.days && daterange(${from}, ${to}, '[]')))`;

/** SQL: the first day of the first whole month in the period from `from`. */
const firstWholeMonth = (from: string) =>
  `(date_trunc('month', (${from} - 1)::timestamp) + interval '1 month')::date`;
/** SQL: the day after the last whole month in the period to `to`. */
const afterWholeMonths = (to: string) => `date_trunc('month', (${to} + 1)::timestamp)::date`;

/**
 * A period `from`–`to` (inclusive SQL date expressions) as the whole months it
 * covers and the days outside them, for reading the month roll-ups (migration
 * MonthRollups) where they hold the period and the day roll-ups or the records
 * at its ends. `months(col)`: the month column `col` (a month's first day) is a
 * whole month of the period; `before(col)` / `after(col)`: the date column
 * `col` is a day of the period before its first whole month / after its last
 * (with no whole month, every day of the period is in exactly one of the two).
 * Each is one range, so each reads one stretch of an index.
 */
export function periodByMonths(from: string, to: string) {
  const first = firstWholeMonth(from);
  const after = afterWholeMonths(to);
  const before = (col: string) => `(${col} BETWEEN ${from} AND least(${first} - 1, ${to}))`;
  const afterMonths = (col: string) => `(${col} BETWEEN greatest(${first}, ${after}) AND ${to})`;
  const months = (col: string) => `(${col} >= ${first} AND ${col} < ${after})`;
  return {
    months,
    before,
    after: afterMonths,
    /**
     * A derived table of the columns `cols` of the rows `x` of `table` whose
     * date column `day` is a day of the period outside its whole months and
     * that meet `where`: the two stretches read as two index range scans (an
     * OR of the two was planned as one filtered scan of the whole index).
     */
    edgeRows: (table: string, cols: string, day: string, where = 'true') => `(
      SELECT ${cols} FROM ${table} x WHERE ${before(`x.${day}`)} AND ${where}
      UNION ALL
      SELECT ${cols} FROM ${table} x WHERE ${afterMonths(`x.${day}`)} AND ${where})`,
    /**
     * One row (or with `by`, one row per value of that column): the sums of
     * the columns `cols` of the month roll-up `table` (alias `m`) over the
     * period's whole months, of the rows that meet `where`.
     */
    monthSums: (table: string, cols: readonly string[], where = 'true', by?: string) => `
    SELECT ${by ? `m.${by}, ` : ''}${cols.map((c) => `sum(m.${c}) AS ${c}`).join(', ')}
      FROM ${table} m
     WHERE ${months('m.month')} AND ${where}${
       by
         ? `
     GROUP BY m.${by}`
         : ''
     }`,
  };
}

/**
 * The count columns of the day and month roll-ups (`team_day_activity`,
 * `team_month_activity`), and the key sums kept beside them (in units of
 * 2^-52, modulo 2^52).
 */
export const ROLLUP_COUNT_COLUMNS: readonly string[] = [
  'sessions',
  'minutes',
  ...SESSION_TYPES.map((t) => `type_${t}`),
  ...SESSION_SETTINGS.map((x) => `setting_${x}`),
  'group_attended',
  'attended_minutes',
  'attended',
];
export const ROLLUP_KEY_COLUMNS: readonly string[] = [
  'key_sessions',
  ...SESSION_TYPES.map((t) => `key_type_${t}`),
  ...SESSION_SETTINGS.map((x) => `key_setting_${x}`),
  'key_group_attended',
  'key_attended',
];

/** A count column of a month roll-up, and the breakdown (`a`, `b` or the total) and key it counts in. */
export interface RollupCell {
  column: string;
  grouping: 'a' | 'b' | 'total';
  key: string | null;
}

/**
 * The cells of `team_month_handouts` (migration HandoutMonthRollups), a row per
 * team and month of `given_on`: each count column with the breakdown and key it
 * stands for (`grouping` as the activity summary's handouts rows: `a` a resource
 * category, `b` a referral status); each has its key sum in `key_<column>`.
 */
export const HANDOUT_ROLLUP_CELLS: readonly RollupCell[] = [
  { column: 'handouts', grouping: 'total', key: null },
  ...RESOURCE_CATEGORIES.map((c) => ({ column: `category_${c}`, grouping: 'a' as const, key: c })),
  ...HANDOUT_OUTCOMES.map((o) => ({ column: `outcome_${o}`, grouping: 'b' as const, key: o })),
];

/**
 * The advocacy cells of `team_month_records` (migration RecordMonthRollups),
 * actions opened by month of `opened_on`, as the activity summary's advocacy
 * rows (`a` a category, `b` a level); each has its key sum in `key_<column>`.
 */
export const ADVOCACY_ROLLUP_CELLS: readonly RollupCell[] = [
  { column: 'advocacy_opened', grouping: 'total', key: null },
  ...ADVOCACY_CATEGORIES.map((c) => ({
    column: `advocacy_category_${c}`,
    grouping: 'a' as const,
    key: c,
  })),
  ...ADVOCACY_LEVELS.map((l) => ({
    column: `advocacy_level_${l}`,
    grouping: 'b' as const,
    key: l,
  })),
];

/**
 * The time-entry cells of `team_month_records`, entries by month of
 * `worked_on`, in total (`key` null) and by kind; each has its key sum in
 * `key_<column>` and its minutes in `minutes_<column>`.
 */
export const TIME_ROLLUP_CELLS: readonly { column: string; key: string | null }[] = [
  { column: 'time_entries', key: null },
  ...TIME_ENTRY_KINDS.map((k) => ({ column: `time_${k}`, key: k })),
];
