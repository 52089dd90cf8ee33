import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The outcomes report (SPEC §9) counts, for each instrument, the people whose
 * latest live measurement on or before `to` falls in the period and is not
 * their baseline. It read every live measurement ever taken up to `to`,
 * grouped by person: at ten times the size, a second. This migration keeps
 * that answer where a period can sum it.
 *
 * Each live measurement carries its place in the person's course of that
 * instrument (ordered by `taken_on`, `created_at`, `id`, voided ones left out):
 * - `baseline_score`: the person's baseline score, on every live measurement
 *   but the baseline itself (null on the baseline and on voided ones), so a
 *   measurement with it is one the report can count;
 * - `next_taken_on`: the day of the person's next live measurement of the
 *   instrument (null on the latest and on voided ones).
 * A measurement is the person's latest on `to` and falls in the period exactly
 * when `from <= taken_on <= to` and `next_taken_on` is null or after `to`.
 *
 * `team_month_outcomes` has a row per month of `taken_on`, month of
 * `next_taken_on` ('infinity' for none), team and instrument: the countable
 * measurements there, the sums of their baseline and latest scores, how many
 * moved 5 points or more the instrument's good way (up for BARC-10, down for
 * PHQ-9 and GAD-7) and the other way, and the sums of the participants' record
 * keys of each count (SPEC §14, in units of 2^-52 modulo 2^52). For a period,
 * its whole months with a next month after the month of `to` come from here;
 * the other measurements (the days outside whole months, and those whose next
 * measure falls after `to` but in its month) from `measurement` through two
 * partial indexes.
 *
 * Statement triggers on `measurement` keep both in the writing transaction: a
 * write takes an advisory lock per person and instrument written, takes the
 * course's measurements out of their months, works the course out again and
 * puts them back (a person has a handful of measurements of an instrument).
 * An update that changes none of the watched columns returns at once, as do
 * the triggers' own writes of the course columns (flagged by the setting
 * `peerpath.course_writes` while they run). Counts change by deltas, applied
 * in key order.
 *
 * `rebuild_report_rollups()` is renamed `rebuild_summary_rollups()`; a new
 * `rebuild_report_rollups()` calls it and then works out every course and
 * these months again.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */

/** 2^52. */
const M = '4503599627370496';
/** A signed sum of key units, modulo 2^52, in [0, 2^52). */
const modM = (sum: string) => `mod(mod(coalesce(${sum}, 0), ${M}) + ${M}, ${M})::int8`;
/** SPEC §9 as of this migration: the instruments where a higher score is better, and a meaningful change. */
const HIGHER = `('barc10')`;
const CHANGE = 5;

/** The columns a write can change a course by. */
const WATCHED = ['team_id', 'participant_id', 'instrument', 'taken_on', 'created_at', 'score'];

const COUNTS = ['n', 'baseline', 'latest', 'improved', 'worsened'];
const KEYS = ['key_n', 'key_improved', 'key_worsened'];

/** SQL: the measurements of `rows` (alias x) that the report can count, as signed deltas of their month's cells. */
function deltas(rows: string, sign: 1 | -1): string {
  const better = `CASE WHEN x.instrument IN ${HIGHER} THEN x.score - x.baseline_score
                       ELSE x.baseline_score - x.score END`;
  const key = `(p.record_key * ${M}::float8)::int8`;
  return `
    SELECT date_trunc('month', x.taken_on::timestamp)::date AS month,
           coalesce(date_trunc('month', x.next_taken_on::timestamp)::date, 'infinity'::date) AS next_month,
           x.team_id, x.instrument,
           ${sign}::int8 AS n,
           ${sign} * x.baseline_score::int8 AS baseline,
           ${sign} * x.score::int8 AS latest,
           CASE WHEN ${better} >= ${CHANGE} THEN ${sign} ELSE 0 END::int8 AS improved,
           CASE WHEN ${better} <= -${CHANGE} THEN ${sign} ELSE 0 END::int8 AS worsened,
           ${sign} * ${key} AS key_n,
           CASE WHEN ${better} >= ${CHANGE} THEN ${sign} * ${key} ELSE 0 END AS key_improved,
           CASE WHEN ${better} <= -${CHANGE} THEN ${sign} * ${key} ELSE 0 END AS key_worsened
      FROM ${rows} x JOIN participant p ON p.id = x.participant_id
     WHERE x.baseline_score IS NOT NULL`;
}

/** Adds the delta rows of `src` (from `deltas`) to their months. */
function addToMonths(src: string): string {
  return `
  INSERT INTO team_month_outcomes AS o (month, next_month, team_id, instrument, ${[...COUNTS, ...KEYS].join(', ')})
  SELECT d.month, d.next_month, d.team_id, d.instrument,
         ${COUNTS.map((c) => `sum(d.${c})`).join(', ')}, ${KEYS.map((k) => modM(`sum(d.${k})`)).join(', ')}
    FROM (${src}) d
   GROUP BY d.month, d.next_month, d.team_id, d.instrument
   ORDER BY d.month, d.next_month, d.team_id, d.instrument
  ON CONFLICT (month, next_month, team_id, instrument) DO UPDATE SET
    ${[
      ...COUNTS.map((c) => `${c} = o.${c} + excluded.${c}`),
      ...KEYS.map((k) => `${k} = ${modM(`o.${k} + excluded.${k}`)}`),
    ].join(',\n    ')}`;
}

/**
 * SQL: works out again the course columns of the measurements of the people
 * and instruments `pairs` meets (a condition on the alias m), writing only
 * the rows that change.
 */
function recourse(pairs: string): string {
  return `
  PERFORM set_config('peerpath.course_writes', 'on', true);
  WITH c AS (
    SELECT m.id,
           CASE WHEN row_number() OVER w > 1 THEN first_value(m.score) OVER w END AS baseline_score,
           lead(m.taken_on) OVER w AS next_taken_on
      FROM measurement m
     WHERE m.voided_at IS NULL AND ${pairs}
    WINDOW w AS (PARTITION BY m.participant_id, m.instrument ORDER BY m.taken_on, m.created_at, m.id)
  )
  UPDATE measurement m SET baseline_score = c.baseline_score, next_taken_on = c.next_taken_on
    FROM c
   WHERE m.id = c.id
     AND (m.baseline_score, m.next_taken_on) IS DISTINCT FROM (c.baseline_score, c.next_taken_on);
  UPDATE measurement m SET baseline_score = NULL, next_taken_on = NULL
   WHERE m.voided_at IS NOT NULL AND ${pairs}
     AND (m.baseline_score IS NOT NULL OR m.next_taken_on IS NOT NULL);
  PERFORM set_config('peerpath.course_writes', 'off', true)`;
}

/** SQL: the measurement `m` is of a person and instrument among the rows of `sets` (row sources). */
const ofPairs = (sets: string[]) =>
  `(m.participant_id, m.instrument) IN (${sets
    .map((s) => `SELECT z.participant_id, z.instrument FROM ${s} z`)
    .join(' UNION ')})`;

/** SQL: one transaction at a time writes the courses of the people and instruments of `sets`. */
const lockPairs = (sets: string[]) => `
  PERFORM pg_advisory_xact_lock(k.k)
     FROM (SELECT DISTINCT hashtextextended(z.participant_id::text || ':' || z.instrument, 9) AS k
             FROM (${sets.map((s) => `SELECT y.participant_id, y.instrument FROM ${s} y`).join(' UNION ALL ')}) z
            ORDER BY 1) k`;

/**
 * A write's function body: `sets` the row sources naming the people and
 * instruments written, `before` the measurements of those people and
 * instruments as they were before the statement (a row source).
 */
function maintain(sets: string[], before: string): string {
  return `
  ${lockPairs(sets)};
  ${addToMonths(deltas(before, -1))};
  ${recourse(ofPairs(sets))};
  ${addToMonths(deltas(`(SELECT * FROM measurement m WHERE ${ofPairs(sets)})`, 1))}`;
}

/** The rows of an update whose watched columns changed, as they were (`o`) and are (`n`). */
const changedRows = (side: 'o' | 'n') => `(
    SELECT ${side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (${WATCHED.map((c) => `o.${c}`).join(', ')}, o.voided_at IS NULL)
           IS DISTINCT FROM (${WATCHED.map((c) => `n.${c}`).join(', ')}, n.voided_at IS NULL))`;

const FUNCTIONS: [name: string, op: string, refs: string, body: string][] = [
  [
    'rollup_outcomes_insert',
    'INSERT',
    'REFERENCING NEW TABLE AS new_rows',
    maintain(
      ['new_rows'],
      `(SELECT * FROM measurement m WHERE ${ofPairs(['new_rows'])}
          AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = m.id))`,
    ),
  ],
  [
    'rollup_outcomes_delete',
    'DELETE',
    'REFERENCING OLD TABLE AS old_rows',
    maintain(
      ['old_rows'],
      `(SELECT * FROM measurement m WHERE ${ofPairs(['old_rows'])}
        UNION ALL SELECT * FROM old_rows)`,
    ),
  ],
  [
    'rollup_outcomes_update',
    'UPDATE',
    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
    // The course's own writes (flagged while they run) and updates that change no watched column
    // return at once. The check counts rather than asks EXISTS: planned for its first row, EXISTS
    // joined the two transition tables by nested loop, which an update of many rows never finishes.
    `IF current_setting('peerpath.course_writes', true) = 'on' THEN
       RETURN NULL;
     END IF;
     PERFORM 1 FROM (SELECT count(*) AS c FROM ${changedRows('n')} n) s WHERE s.c > 0;
     IF NOT FOUND THEN
       RETURN NULL;
     END IF;
     ${maintain(
       [changedRows('o'), changedRows('n')],
       `(SELECT * FROM measurement m WHERE ${ofPairs([changedRows('o'), changedRows('n')])}
           AND NOT EXISTS (SELECT 1 FROM ${changedRows('n')} n WHERE n.id = m.id)
         UNION ALL SELECT * FROM ${changedRows('o')} o)`,
     )}`,
  ],
];

/** Every course and these months from the records (the caller holds the locks). */
const REBUILD = `
  ${recourse('true')};
  DELETE FROM team_month_outcomes;
  ${addToMonths(deltas('measurement', 1))}`;

export class OutcomeMonthRollups1795660003600 implements MigrationInterface {
  name = 'OutcomeMonthRollups1795660003600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE measurement ADD COLUMN baseline_score smallint, ADD COLUMN next_taken_on date`,
    );
    await q.query(`
      CREATE TABLE team_month_outcomes (
        month date NOT NULL,
        next_month date NOT NULL,
        team_id uuid NOT NULL,
        instrument varchar(16) NOT NULL,
        ${[...COUNTS, ...KEYS].map((c) => `${c} int8 NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (month, next_month, team_id, instrument)
      )`);
    await q.query(
      `CREATE INDEX team_month_outcomes_team_idx ON team_month_outcomes (team_id, month)`,
    );

    for (const [name, , , body] of FUNCTIONS) {
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${body};
          RETURN NULL;
        END $$`);
    }
    for (const [name, op, refs] of FUNCTIONS) {
      await q.query(
        `CREATE TRIGGER ${name} AFTER ${op} ON measurement ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      );
    }
    // A TRUNCATE empties the months; they are rebuilt from what is left.
    await q.query(`
      CREATE FUNCTION rollup_outcomes_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${REBUILD};
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER rollup_outcomes_truncate AFTER TRUNCATE ON measurement FOR EACH STATEMENT EXECUTE FUNCTION rollup_outcomes_truncate()`,
    );

    await q.query(`ALTER FUNCTION rebuild_report_rollups() RENAME TO rebuild_summary_rollups`);
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_summary_rollups();
        LOCK TABLE measurement IN SHARE ROW EXCLUSIVE MODE;
        ${REBUILD};
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        LOCK TABLE measurement IN SHARE ROW EXCLUSIVE MODE;
        ${REBUILD};
      END $$`);

    // The report's reads outside the months: the countable measurements by day taken, and by the next one's day.
    const cols = 'team_id, instrument, participant_id, score, baseline_score';
    await q.query(
      `CREATE INDEX measurement_course_taken_idx ON measurement (taken_on)
         INCLUDE (${cols}, next_taken_on) WHERE baseline_score IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX measurement_course_next_idx ON measurement (next_taken_on)
         INCLUDE (${cols}, taken_on) WHERE baseline_score IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(`ALTER FUNCTION rebuild_summary_rollups() RENAME TO rebuild_report_rollups`);
    await q.query(`DROP TRIGGER rollup_outcomes_truncate ON measurement`);
    await q.query(`DROP FUNCTION rollup_outcomes_truncate()`);
    for (const [name] of [...FUNCTIONS].reverse()) {
      await q.query(`DROP TRIGGER ${name} ON measurement`);
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE team_month_outcomes`);
    await q.query(`DROP INDEX measurement_course_next_idx`);
    await q.query(`DROP INDEX measurement_course_taken_idx`);
    await q.query(`ALTER TABLE measurement DROP COLUMN next_taken_on, DROP COLUMN baseline_score`);
  }
}
