import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A month roll-up beside the day one, so that a year of a team's sessions is
 * 12 rows rather than 365 (a year of the whole organisation at ten times
 * today's size: 4,800 rows instead of 146,000).
 *
 * `team_month_activity` has the columns of `team_day_activity`, one row per
 * team and org-local month (`month`, its first day). Statement triggers on
 * `team_day_activity` keep it: whatever the day roll-up's triggers add to or
 * take from a day (a session written, moved, voided or deleted; attendance
 * taken or changed) is added to or taken from its month in the same statement,
 * so under the same team lock and in the same transaction. Counts are summed;
 * key sums are kept as the days keep them (migration RollupKeyUnits), in units
 * of 2^-52 modulo 2^52. Each statement's changes are applied in (month, team)
 * order.
 *
 * `rebuild_report_rollups()` (called after bulk loads, by the roll-up tests and
 * by a TRUNCATE of sessions or attendance) is renamed `rebuild_day_rollups()`;
 * a new `rebuild_report_rollups()` calls it and then recomputes the months.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */

const TYPES = [
  'support_group',
  'one_to_one_mentoring',
  'condition_specific_group',
  'family_support_group',
  'online_forum',
  'educational_group',
];
const SETTINGS = [
  'community_center',
  'hospital',
  'clinic',
  'online',
  'phone',
  'home_visit',
  'other',
];
const COUNT_COLUMNS = [
  'sessions',
  'minutes',
  ...TYPES.map((t) => `type_${t}`),
  ...SETTINGS.map((s) => `setting_${s}`),
  'group_attended',
  'attended_minutes',
  'attended',
];
const KEY_COLUMNS = [
  'key_sessions',
  ...TYPES.map((t) => `key_type_${t}`),
  ...SETTINGS.map((s) => `key_setting_${s}`),
  'key_group_attended',
  'key_attended',
];

/** 2^52. */
const M = '4503599627370496';
/** A signed sum of key units, modulo 2^52, in [0, 2^52). */
const modM = (sum: string) => `mod(mod(coalesce(${sum}, 0), ${M}) + ${M}, ${M})::int8`;
/** The first day of the month of the date `d`. */
const monthOf = (d: string) => `date_trunc('month', (${d})::timestamp)::date`;

/** Adds the signed day rows of `src` (columns day, team_id and every roll-up column) to their months. */
const addDaysToMonths = (src: string) => `
  INSERT INTO team_month_activity AS m (month, team_id, ${[...COUNT_COLUMNS, ...KEY_COLUMNS].join(', ')})
  SELECT ${monthOf('d.day')}, d.team_id,
         ${[...COUNT_COLUMNS.map((c) => `sum(d.${c})`), ...KEY_COLUMNS.map((c) => modM(`sum(d.${c})`))].join(', ')}
    FROM (${src}) d
   GROUP BY 1, 2
   ORDER BY 1, 2
  ON CONFLICT (month, team_id) DO UPDATE SET
    ${[
      ...COUNT_COLUMNS.map((c) => `${c} = m.${c} + excluded.${c}`),
      ...KEY_COLUMNS.map((c) => `${c} = ${modM(`m.${c} + excluded.${c}`)}`),
    ].join(',\n    ')}`;

/** The rows of the transition table `t`, each column signed by `sign`. */
const signedDays = (t: string, sign: 1 | -1) =>
  `SELECT day, team_id, ${[...COUNT_COLUMNS, ...KEY_COLUMNS].map((c) => `${sign} * ${c}::int8 AS ${c}`).join(', ')} FROM ${t}`;

const FUNCTIONS: [name: string, body: string][] = [
  ['rollup_month_days_insert', addDaysToMonths(signedDays('new_rows', 1))],
  ['rollup_month_days_delete', addDaysToMonths(signedDays('old_rows', -1))],
  [
    'rollup_month_days_update',
    addDaysToMonths(`${signedDays('new_rows', 1)} UNION ALL ${signedDays('old_rows', -1)}`),
  ],
  ['rollup_month_days_truncate', 'TRUNCATE team_month_activity'],
];

const NEW = 'REFERENCING NEW TABLE AS new_rows';
const OLD = 'REFERENCING OLD TABLE AS old_rows';
const BOTH = 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows';
const TRIGGERS: [table: string, name: string, op: string, fn: string, refs: string][] = [
  ['team_day_activity', 'rollup_month_days_insert', 'INSERT', 'rollup_month_days_insert', NEW],
  ['team_day_activity', 'rollup_month_days_delete', 'DELETE', 'rollup_month_days_delete', OLD],
  ['team_day_activity', 'rollup_month_days_update', 'UPDATE', 'rollup_month_days_update', BOTH],
  ['team_day_activity', 'rollup_month_days_truncate', 'TRUNCATE', 'rollup_month_days_truncate', ''],
];

/** The month roll-up from the day roll-up (the caller holds the locks). */
const REBUILD_MONTHS = `
  DELETE FROM team_month_activity;
  INSERT INTO team_month_activity (month, team_id, ${[...COUNT_COLUMNS, ...KEY_COLUMNS].join(', ')})
  SELECT ${monthOf('d.day')}, d.team_id,
         ${[...COUNT_COLUMNS.map((c) => `sum(d.${c})`), ...KEY_COLUMNS.map((c) => modM(`sum(d.${c})`))].join(', ')}
    FROM team_day_activity d
   GROUP BY 1, 2
   ORDER BY 1, 2`;

export class MonthRollups1795660003100 implements MigrationInterface {
  name = 'MonthRollups1795660003100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE team_month_activity (LIKE team_day_activity INCLUDING DEFAULTS)`);
    await q.query(`ALTER TABLE team_month_activity RENAME COLUMN day TO month`);
    await q.query(`ALTER TABLE team_month_activity ADD PRIMARY KEY (month, team_id)`);
    await q.query(
      `CREATE INDEX team_month_activity_team_idx ON team_month_activity (team_id, month)`,
    );

    for (const [name, body] of FUNCTIONS) {
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${body};
          RETURN NULL;
        END $$`);
    }
    for (const [table, name, op, fn, refs] of TRIGGERS) {
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${op} ON ${table} ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    await q.query(`ALTER FUNCTION rebuild_report_rollups() RENAME TO rebuild_day_rollups`);
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_day_rollups();
        ${REBUILD_MONTHS};
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        LOCK TABLE support_session, attendance IN SHARE MODE;
        ${REBUILD_MONTHS};
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(`ALTER FUNCTION rebuild_day_rollups() RENAME TO rebuild_report_rollups`);
    for (const [table, name] of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${name} ON ${table}`);
    }
    for (const [name] of [...FUNCTIONS].reverse()) {
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE team_month_activity`);
  }
}
