import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A month roll-up of the activity summary's other records, so that a year of
 * the whole organisation reads a row per team and month rather than every
 * record of the year: participants enrolled and discharged, advocacy actions
 * opened (in total, by category, by level) and completed, decision notes, and
 * time entries (their number and minutes, in total and by kind).
 *
 * `team_month_records` has one row per team and month. Each count column
 * `<cell>` counts the records whose day (`enrolled_on`, `discharged_on`,
 * `opened_on`, `completed_on`, `discussed_on`, `worked_on`) falls in that
 * month, beside the sum of their record keys `key_<cell>` (SPEC §14, in units
 * of 2^-52 modulo 2^52, as migration RollupKeyUnits keeps them) and, for time
 * entries, their minutes `minutes_<cell>`. A record with no such day (not
 * discharged, not completed) counts in none of that day's cells.
 *
 * Statement triggers on each table keep it exact in the writing transaction:
 * the changed records come out of their old months and go into their new ones;
 * an update that changes no day, team, category, level, kind, minutes or key
 * writes nothing. Counts change by deltas (`INSERT … ON CONFLICT DO UPDATE`),
 * which add up in any order, applied in (month, team) order.
 *
 * `rebuild_report_rollups()` is renamed `rebuild_session_handout_rollups()`; a
 * new `rebuild_report_rollups()` calls it and then recomputes these months.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */

/** The vocabulary as of this migration (SPEC §2). */
const ADVOCACY_CATEGORIES = [
  'healthcare_navigation',
  'housing',
  'benefits',
  'legal',
  'employment',
  'education',
  'discrimination',
  'policy',
  'other',
];
const ADVOCACY_LEVELS = ['individual', 'systemic'];
const TIME_ENTRY_KINDS = [
  'outreach',
  'travel',
  'documentation',
  'training',
  'supervision',
  'community_event',
  'admin',
];

/** A cell: its column and the condition on a record `x` that counts in it; `minutes`: also sums `x.minutes`. */
interface Cell {
  column: string;
  where: string;
  minutes?: boolean;
}
/** The records of `table` counted by the month of `day`, in `cells`. */
interface Source {
  table: string;
  day: string;
  cells: Cell[];
}

const SOURCES: Source[] = [
  { table: 'participant', day: 'enrolled_on', cells: [{ column: 'enrolled', where: 'true' }] },
  { table: 'participant', day: 'discharged_on', cells: [{ column: 'discharged', where: 'true' }] },
  {
    table: 'advocacy_action',
    day: 'opened_on',
    cells: [
      { column: 'advocacy_opened', where: 'true' },
      ...ADVOCACY_CATEGORIES.map((c) => ({
        column: `advocacy_category_${c}`,
        where: `x.category = '${c}'`,
      })),
      ...ADVOCACY_LEVELS.map((l) => ({ column: `advocacy_level_${l}`, where: `x.level = '${l}'` })),
    ],
  },
  {
    table: 'advocacy_action',
    day: 'completed_on',
    cells: [{ column: 'advocacy_completed', where: 'true' }],
  },
  {
    table: 'decision_note',
    day: 'discussed_on',
    cells: [{ column: 'decision_notes', where: 'true' }],
  },
  {
    table: 'time_entry',
    day: 'worked_on',
    cells: [
      { column: 'time_entries', where: 'true', minutes: true },
      ...TIME_ENTRY_KINDS.map((k) => ({
        column: `time_${k}`,
        where: `x.kind = '${k}'`,
        minutes: true,
      })),
    ],
  },
];

/** The columns a change of the record could move between months or cells. */
const WATCHED: Record<string, string[]> = {
  participant: ['team_id', 'enrolled_on', 'discharged_on', 'record_key'],
  advocacy_action: ['team_id', 'opened_on', 'completed_on', 'category', 'level', 'record_key'],
  decision_note: ['team_id', 'discussed_on', 'record_key'],
  time_entry: ['team_id', 'worked_on', 'kind', 'minutes', 'record_key'],
};
const TABLES = Object.keys(WATCHED);

const columnsOf = (cells: Cell[]) =>
  cells.flatMap((c) => [
    c.column,
    `key_${c.column}`,
    ...(c.minutes ? [`minutes_${c.column}`] : []),
  ]);
const cellsOf = (table: string) => SOURCES.filter((s) => s.table === table).flatMap((s) => s.cells);

/** 2^52. */
const M = '4503599627370496';
/** A signed sum of key units, modulo 2^52, in [0, 2^52). */
const modM = (sum: string) => `mod(mod(coalesce(${sum}, 0), ${M}) + ${M}, ${M})::int8`;

/**
 * The records of `rows` (the table or a transition table of `table`) as
 * signed deltas (`sign`) of every cell of the table's sources: a row a record
 * and day, with 0 in the cells it does not count in.
 */
function deltas(table: string, rows: string, sign: 1 | -1, where = 'true'): string {
  const all = cellsOf(table);
  return SOURCES.filter((s) => s.table === table)
    .map((s) => {
      const values = all.flatMap((c) => {
        const mine = s.cells.includes(c);
        const when = (v: string) => (mine ? `CASE WHEN ${c.where} THEN ${v} ELSE 0 END` : '0');
        return [
          `${when(`${sign}`)} AS ${c.column}`,
          `${when(`${sign} * (x.record_key * ${M}::float8)::int8`)} AS key_${c.column}`,
          ...(c.minutes ? [`${when(`${sign} * x.minutes`)} AS minutes_${c.column}`] : []),
        ];
      });
      return `
    SELECT date_trunc('month', x.${s.day}::timestamp)::date AS month, x.team_id, ${values.join(', ')}
      FROM ${rows} x
     WHERE x.${s.day} IS NOT NULL AND ${where}`;
    })
    .join('\n    UNION ALL');
}

/** Adds the delta rows of `src` (from `deltas(table, …)`) to their months. */
function addToMonths(table: string, src: string): string {
  const cells = cellsOf(table);
  const cols = columnsOf(cells);
  const sums = cells.flatMap((c) => [
    `sum(d.${c.column})`,
    modM(`sum(d.key_${c.column})`),
    ...(c.minutes ? [`sum(d.minutes_${c.column})`] : []),
  ]);
  const sets = cells.flatMap((c) => [
    `${c.column} = m.${c.column} + excluded.${c.column}`,
    `key_${c.column} = ${modM(`m.key_${c.column} + excluded.key_${c.column}`)}`,
    ...(c.minutes
      ? [`minutes_${c.column} = m.minutes_${c.column} + excluded.minutes_${c.column}`]
      : []),
  ]);
  return `
  INSERT INTO team_month_records AS m (month, team_id, ${cols.join(', ')})
  SELECT d.month, d.team_id, ${sums.join(', ')}
    FROM (${src}) d
   GROUP BY d.month, d.team_id
   ORDER BY d.month, d.team_id
  ON CONFLICT (month, team_id) DO UPDATE SET
    ${sets.join(',\n    ')}`;
}

/** In an update trigger on `table`: the record `alias` is one whose watched columns changed. */
const changed = (table: string, alias: string) => `${alias}.id IN (
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (${WATCHED[table].map((c) => `o.${c}`).join(', ')})
           IS DISTINCT FROM (${WATCHED[table].map((c) => `n.${c}`).join(', ')}))`;

const FUNCTIONS: [name: string, body: string][] = TABLES.flatMap((table) => [
  [`rollup_records_${table}_insert`, addToMonths(table, deltas(table, 'new_rows', 1))],
  [`rollup_records_${table}_delete`, addToMonths(table, deltas(table, 'old_rows', -1))],
  [
    `rollup_records_${table}_update`,
    `IF NOT EXISTS (SELECT 1 FROM new_rows y WHERE ${changed(table, 'y')}) THEN
       RETURN NULL;
     END IF;
     ${addToMonths(
       table,
       `${deltas(table, 'new_rows', 1, changed(table, 'x'))}
    UNION ALL ${deltas(table, 'old_rows', -1, changed(table, 'x'))}`,
     )}`,
  ],
]);

const TRIGGERS: [table: string, name: string, op: string, refs: string][] = TABLES.flatMap(
  (table): [string, string, string, string][] => [
    [table, `rollup_records_${table}_insert`, 'INSERT', 'REFERENCING NEW TABLE AS new_rows'],
    [table, `rollup_records_${table}_delete`, 'DELETE', 'REFERENCING OLD TABLE AS old_rows'],
    [
      table,
      `rollup_records_${table}_update`,
      'UPDATE',
      'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
    ],
  ],
);

/** These months from the records (the caller holds the locks), each table's cells in turn. */
const REBUILD = [
  'DELETE FROM team_month_records',
  ...TABLES.map((table) => addToMonths(table, deltas(table, table, 1))),
].join(';\n');

export class RecordMonthRollups1795660003400 implements MigrationInterface {
  name = 'RecordMonthRollups1795660003400';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_month_records (
        month date NOT NULL,
        team_id uuid NOT NULL,
        ${columnsOf(SOURCES.flatMap((s) => s.cells))
          .map((c) => `${c} int8 NOT NULL DEFAULT 0`)
          .join(',\n        ')},
        PRIMARY KEY (month, team_id)
      )`);
    await q.query(
      `CREATE INDEX team_month_records_team_idx ON team_month_records (team_id, month)`,
    );

    for (const [name, body] of FUNCTIONS) {
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${body};
          RETURN NULL;
        END $$`);
    }
    for (const [table, name, op, refs] of TRIGGERS) {
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${op} ON ${table} ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    // A TRUNCATE of any of the tables empties the months; they are rebuilt from what is left.
    await q.query(`
      CREATE FUNCTION rollup_records_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${REBUILD};
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await q.query(
        `CREATE TRIGGER rollup_records_${table}_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION rollup_records_truncate()`,
      );
    }

    await q.query(
      `ALTER FUNCTION rebuild_report_rollups() RENAME TO rebuild_session_handout_rollups`,
    );
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_session_handout_rollups();
        LOCK TABLE ${TABLES.join(', ')} IN SHARE MODE;
        ${REBUILD};
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        LOCK TABLE ${TABLES.join(', ')} IN SHARE MODE;
        ${REBUILD};
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(
      `ALTER FUNCTION rebuild_session_handout_rollups() RENAME TO rebuild_report_rollups`,
    );
    for (const table of TABLES) {
      await q.query(`DROP TRIGGER rollup_records_${table}_truncate ON ${table}`);
    }
    await q.query(`DROP FUNCTION rollup_records_truncate()`);
    for (const [table, name] of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${name} ON ${table}`);
    }
    for (const [name] of [...FUNCTIONS].reverse()) {
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE team_month_records`);
  }
}
