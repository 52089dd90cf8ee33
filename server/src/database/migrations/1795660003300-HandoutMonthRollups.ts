import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A month roll-up of handouts, so that the activity summary's handout figures
 * for a year of the whole organisation read a row per team and month instead
 * of every handout given in the year (at ten times today's size: 4,800 rows
 * instead of about 670,000).
 *
 * `team_month_handouts` has one row per team and month of `given_on` (`month`,
 * its first day): the handouts given (`handouts`), and how many of them are of
 * each resource category (`category_<c>`, by the resource's category now) and
 * at each referral status (`outcome_<o>`, the handout's status now), each
 * beside the sum of their record keys (`key_…`, SPEC §14) kept as the session
 * roll-ups keep theirs (migration RollupKeyUnits): in units of 2^-52, modulo
 * 2^52. The summary needs only these margins (by category, by status, in
 * total), never the two together, so a month is one row whatever the mix.
 *
 * `team_month_referral_days` counts the closed referrals (a handout at a
 * closed status, SPEC §12) by team, month of their last step (`outcome_on`)
 * and the whole days from `given_on` to it (`days`): the number closed in a
 * period and their median days are read from it, a few dozen rows a team and
 * month instead of every referral closed.
 *
 * Statement triggers keep both exact in the writing transaction:
 * - on `handout` (insert, update, delete, truncate): the changed handouts come
 *   out of their old month, team, category, status and days to their last
 *   step and go into the new; an update that changes none of those, nor the
 *   resource, writes nothing;
 * - on `resource` (update): a resource whose category changed moves its
 *   handouts from the old category to the new.
 * Counts change by deltas (`INSERT … ON CONFLICT DO UPDATE`), which add up in
 * any order, applied in (month, team) order. A handout's category is its
 * resource's: the handout trigger share-locks the resources first, so a
 * concurrent change of a category either committed before (and is read) or
 * waits for the handout's transaction (and then moves it).
 *
 * `rebuild_report_rollups()` (bulk loads, the roll-up tests) is renamed
 * `rebuild_activity_rollups()`; a new `rebuild_report_rollups()` calls it and
 * then recomputes both from the handouts.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */

/** The vocabulary as of this migration (SPEC §2, §12). */
const CATEGORIES = [
  'crisis',
  'mental_health_treatment',
  'substance_use_treatment',
  'housing',
  'food',
  'employment',
  'benefits',
  'legal',
  'peer_support_group',
  'education',
  'transportation',
  'other',
];
const OUTCOMES = [
  'pending',
  'contacted',
  'scheduled',
  'connected',
  'not_connected',
  'declined',
  'no_capacity',
  'not_eligible',
];

/** The statuses that close a referral (SPEC §12), as of this migration. */
const CLOSED = ['connected', 'not_connected', 'declined', 'no_capacity', 'not_eligible'];

/** Each count column and the SQL condition on a delta row `d` that counts in it. */
const CELLS: [column: string, where: string][] = [
  ['handouts', 'true'],
  ...CATEGORIES.map((c): [string, string] => [`category_${c}`, `d.category = '${c}'`]),
  ...OUTCOMES.map((o): [string, string] => [`outcome_${o}`, `d.outcome = '${o}'`]),
];
const COLUMNS = CELLS.flatMap(([c]) => [c, `key_${c}`]);

/** 2^52. */
const M = '4503599627370496';
/** A signed sum of key units, modulo 2^52, in [0, 2^52). */
const modM = (sum: string) => `mod(mod(coalesce(${sum}, 0), ${M}) + ${M}, ${M})::int8`;

/**
 * Adds the delta rows of `src` — (month, team_id, category, outcome, units, s):
 * s handouts (+1 or −1) of that month, team, category and status, with key
 * units `units` each — to their months.
 */
const addToMonths = (src: string) => `
  INSERT INTO team_month_handouts AS m (month, team_id, ${COLUMNS.join(', ')})
  SELECT d.month, d.team_id,
         ${CELLS.map(
           ([c, where]) =>
             `coalesce(sum(d.s) FILTER (WHERE ${where}), 0) AS ${c}, ` +
             `${modM(`sum(d.s * d.units) FILTER (WHERE ${where})`)} AS key_${c}`,
         ).join(',\n         ')}
    FROM (${src}) d
   GROUP BY d.month, d.team_id
   ORDER BY d.month, d.team_id
  ON CONFLICT (month, team_id) DO UPDATE SET
    ${CELLS.map(
      ([c]) =>
        `${c} = m.${c} + excluded.${c}, key_${c} = ${modM(`m.key_${c} + excluded.key_${c}`)}`,
    ).join(',\n    ')}`;

/** The handouts of `rows` (a handout table or transition table) as deltas of `sign`, in their resource's category now. */
const deltas = (rows: string, sign: 1 | -1, where = 'true') => `
  SELECT date_trunc('month', h.given_on::timestamp)::date AS month, h.team_id, r.category, h.outcome,
         (h.record_key * ${M}::float8)::int8 AS units, ${sign} AS s
    FROM ${rows} h JOIN resource r ON r.id = h.resource_id
   WHERE ${where}`;

/** The closed referrals of `rows` as deltas of `sign` on their team, month of last step and days to it. */
const closedDeltas = (rows: string, sign: 1 | -1, where = 'true') => `
  SELECT date_trunc('month', h.outcome_on::timestamp)::date AS month, h.team_id,
         h.outcome_on - h.given_on AS days, ${sign} AS s
    FROM ${rows} h
   WHERE h.outcome IN (${CLOSED.map((o) => `'${o}'`).join(', ')}) AND h.outcome_on IS NOT NULL
     AND ${where}`;

/** Adds the delta rows of `src` — (month, team_id, days, s) — to `team_month_referral_days`. */
const addToReferralDays = (src: string) => `
  INSERT INTO team_month_referral_days AS r (month, team_id, days, closed)
  SELECT d.month, d.team_id, d.days, sum(d.s)
    FROM (${src}) d
   GROUP BY d.month, d.team_id, d.days
  HAVING sum(d.s) <> 0
   ORDER BY d.month, d.team_id, d.days
  ON CONFLICT (month, team_id, days) DO UPDATE SET closed = r.closed + excluded.closed`;

/** In the handout update trigger: the rows whose month, team, resource, status, last step or key changed. */
const CHANGED = (alias: string) => `${alias}.id IN (
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.given_on, o.team_id, o.resource_id, o.outcome, o.outcome_on, o.record_key)
           IS DISTINCT FROM (n.given_on, n.team_id, n.resource_id, n.outcome, n.outcome_on, n.record_key))`;

/** Share-locks the resources of the handouts of `rows` in one order. */
const LOCK_RESOURCES = (rows: string) => `
  PERFORM 1 FROM resource r WHERE r.id IN (SELECT resource_id FROM ${rows}) ORDER BY r.id FOR SHARE`;

const FUNCTIONS: [name: string, body: string][] = [
  [
    'rollup_handout_insert',
    `${LOCK_RESOURCES('new_rows')};
     ${addToMonths(deltas('new_rows', 1))};
     ${addToReferralDays(closedDeltas('new_rows', 1))}`,
  ],
  [
    'rollup_handout_delete',
    `${LOCK_RESOURCES('old_rows')};
     ${addToMonths(deltas('old_rows', -1))};
     ${addToReferralDays(closedDeltas('old_rows', -1))}`,
  ],
  [
    'rollup_handout_update',
    `IF NOT EXISTS (SELECT 1 FROM new_rows x WHERE ${CHANGED('x')}) THEN
       RETURN NULL;
     END IF;
     PERFORM 1 FROM resource r
       WHERE r.id IN (SELECT resource_id FROM new_rows UNION SELECT resource_id FROM old_rows)
       ORDER BY r.id FOR SHARE;
     ${addToMonths(
       `${deltas('new_rows', 1, CHANGED('h'))} UNION ALL ${deltas('old_rows', -1, CHANGED('h'))}`,
     )};
     ${addToReferralDays(
       `${closedDeltas('new_rows', 1, CHANGED('h'))} UNION ALL ${closedDeltas('old_rows', -1, CHANGED('h'))}`,
     )}`,
  ],
  ['rollup_handout_truncate', 'TRUNCATE team_month_handouts, team_month_referral_days'],
  [
    'rollup_handout_resource_update',
    `IF NOT EXISTS (
       SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.category <> n.category
     ) THEN
       RETURN NULL;
     END IF;
     ${addToMonths(`
       SELECT date_trunc('month', h.given_on::timestamp)::date AS month, h.team_id, c.category, h.outcome,
              (h.record_key * ${M}::float8)::int8 AS units, c.s
         FROM (SELECT n.id, n.category, 1 AS s FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE o.category <> n.category
               UNION ALL
               SELECT o.id, o.category, -1 AS s FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE o.category <> n.category) c
         JOIN handout h ON h.resource_id = c.id`)}`,
  ],
];

const NEW = 'REFERENCING NEW TABLE AS new_rows';
const OLD = 'REFERENCING OLD TABLE AS old_rows';
const BOTH = 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows';
const TRIGGERS: [table: string, name: string, op: string, refs: string][] = [
  ['handout', 'rollup_handout_insert', 'INSERT', NEW],
  ['handout', 'rollup_handout_delete', 'DELETE', OLD],
  ['handout', 'rollup_handout_update', 'UPDATE', BOTH],
  ['handout', 'rollup_handout_truncate', 'TRUNCATE', ''],
  ['resource', 'rollup_handout_resource_update', 'UPDATE', BOTH],
];

/** The handout months from the records (the caller holds the locks), in key order. */
const REBUILD_HANDOUTS = `
  DELETE FROM team_month_handouts;
  ${addToMonths(deltas('handout', 1))};
  DELETE FROM team_month_referral_days;
  ${addToReferralDays(closedDeltas('handout', 1))}`;

export class HandoutMonthRollups1795660003300 implements MigrationInterface {
  name = 'HandoutMonthRollups1795660003300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_month_handouts (
        month date NOT NULL,
        team_id uuid NOT NULL,
        ${COLUMNS.map((c) => `${c} int8 NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (month, team_id)
      )`);
    await q.query(
      `CREATE INDEX team_month_handouts_team_idx ON team_month_handouts (team_id, month)`,
    );
    await q.query(`
      CREATE TABLE team_month_referral_days (
        month date NOT NULL,
        team_id uuid NOT NULL,
        days int NOT NULL,
        closed int8 NOT NULL DEFAULT 0,
        PRIMARY KEY (month, team_id, days)
      )`);
    await q.query(
      `CREATE INDEX team_month_referral_days_team_idx ON team_month_referral_days (team_id, month) INCLUDE (days, closed)`,
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

    await q.query(`ALTER FUNCTION rebuild_report_rollups() RENAME TO rebuild_activity_rollups`);
    await q.query(`
      CREATE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_activity_rollups();
        LOCK TABLE handout, resource IN SHARE MODE;
        ${REBUILD_HANDOUTS};
      END $$`);
    await q.query(`
      DO $$
      BEGIN
        LOCK TABLE handout, resource IN SHARE MODE;
        ${REBUILD_HANDOUTS};
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rebuild_report_rollups()`);
    await q.query(`ALTER FUNCTION rebuild_activity_rollups() RENAME TO rebuild_report_rollups`);
    for (const [table, name] of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${name} ON ${table}`);
    }
    for (const [name] of [...FUNCTIONS].reverse()) {
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query(`DROP TABLE team_month_referral_days`);
    await q.query(`DROP TABLE team_month_handouts`);
  }
}
