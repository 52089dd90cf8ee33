import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Roll-ups for the activity summary and last-contact dates, kept exact by
 * triggers in the same transaction as every write (never stale).
 *
 * An organisation's year is ~330k sessions and ~900k attended rows; counting
 * them for each report took 1–2 s whatever the index. The report reads instead:
 *
 * - `team_day_activity`: one row per team and org-local day with the session
 *   count, minutes, a count per session type and per setting, and the
 *   attended rows of group sessions and their minutes — ~15k rows a year for
 *   40 teams, summed in a few milliseconds;
 * - `participant_contact`: per (session team, participant) the set of org-local
 *   days with an `attended` row, as a datemultirange. `participantsServed` is
 *   the count of participants whose days overlap the period, and a
 *   participant's last contact is its latest day (`last_day`, kept beside them
 *   so a list of participants does not read every multirange).
 *
 * The org-local day needs ORG_TIMEZONE inside the database: `report_setting`
 * holds it (the app sets it at start with `set_report_timezone`, which rebuilds
 * the roll-ups when it changes). `rebuild_report_rollups()` recomputes both
 * from the records (after a bulk load, or a TRUNCATE).
 *
 * How the triggers stay exact under concurrent writers:
 * - counts change by deltas (`INSERT … ON CONFLICT DO UPDATE SET n = n + delta`),
 *   which add up whatever the order;
 * - an attendance change first takes a share lock on its sessions, so a
 *   concurrent change of a session's day, team, type or duration is either
 *   seen (it committed first) or sees this attendance;
 * - `participant_contact` is changed under a per-participant advisory lock:
 *   an insertion adds its days, a removal recomputes that participant's days
 *   in a statement that starts after the lock, so it sees every committed change;
 * - a deleted session takes its own figures out in a BEFORE DELETE row trigger
 *   (its attendance is still there); the cascade then removes the attendance,
 *   whose trigger no longer finds the session and only recomputes the days.
 *
 * This file is self-contained and frozen (scripts/check-migrations.mjs): the
 * helpers below only build this migration's SQL. Runtime code names the
 * triggers in database/rollups.ts; a later change comes as a new migration.
 */

/** The vocabulary as of this migration (SPEC §2); a later change of it comes with its own migration. */
const TYPES = [
  'support_group',
  'one_to_one_mentoring',
  'condition_specific_group',
  'family_support_group',
  'online_forum',
  'educational_group',
];
const GROUP_TYPES = TYPES.filter((t) => t !== 'one_to_one_mentoring');
const SETTINGS = [
  'community_center',
  'hospital',
  'clinic',
  'online',
  'phone',
  'home_visit',
  'other',
];
const LOCK_CLASS = 7_350_043;

const COUNT_COLUMNS = [
  'sessions',
  'minutes',
  ...TYPES.map((t) => `type_${t}`),
  ...SETTINGS.map((s) => `setting_${s}`),
  'group_attended',
  'attended_minutes',
];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * Adds the contributions in `src` — rows of (team_id, day, type, setting,
 * duration, s, a): s sessions (+1, −1 or 0) and a attended rows (signed) — to
 * team_day_activity.
 */
function applyDeltas(src: string, ordered = false): string {
  const sums = [
    'sum(d.s)',
    'sum(d.s * d.duration)',
    ...TYPES.map((t) => `coalesce(sum(d.s) FILTER (WHERE d.type = '${t}'), 0)`),
    ...SETTINGS.map((s) => `coalesce(sum(d.s) FILTER (WHERE d.setting = '${s}'), 0)`),
    `coalesce(sum(d.a) FILTER (WHERE d.type IN (${list(GROUP_TYPES)})), 0)`,
    'sum(d.a * d.duration)',
  ];
  return `
    INSERT INTO team_day_activity AS r (team_id, day, ${COUNT_COLUMNS.join(', ')})
    SELECT d.team_id, d.day, ${sums.join(', ')}
      FROM (${src}) d
     GROUP BY d.team_id, d.day${ordered ? '\n     ORDER BY d.day, d.team_id' : ''}
    ON CONFLICT (day, team_id) DO UPDATE SET
      ${COUNT_COLUMNS.map((c) => `${c} = r.${c} + excluded.${c}`).join(',\n      ')}`;
}

/**
 * Serialises roll-up changes per team (`teams`: uuid[]), in one order. Taken
 * after the rows being written are locked (a session's row lock comes first in
 * every path), so two writers of one team never wait on each other in a cycle.
 */
const LOCK_TEAMS = (teams: string) => `
  PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(${teams}) x ORDER BY 1) l`;

/**
 * Recomputes the participant_contact rows of the participants in `ids` for the
 * teams in `teams` (both uuid[]), leaving out the session `skip` (uuid or NULL);
 * called under LOCK_TEAMS, in a statement that sees every committed change.
 */
const RECOMPUTE_DAYS = (ids: string, teams: string, skip = 'NULL::uuid') => `
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(${ids}) AND s.team_id = ANY(${teams})
             AND a.status = 'attended' AND s.id IS DISTINCT FROM ${skip}) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(${ids}) AND pc.team_id = ANY(${teams}) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM ${skip})`;

/** Share-locks the sessions of the attendance rows in `rows` (a transition table), then their teams. */
const LOCK_SESSIONS_AND_TEAMS = (rows: string) => `
  PERFORM 1 FROM support_session s
    WHERE s.id IN (${rows})
    ORDER BY s.id FOR SHARE;
  SELECT array_agg(DISTINCT s.team_id) INTO teams FROM support_session s WHERE s.id IN (${rows});
  IF teams IS NULL THEN
    RETURN NULL; -- their sessions are being deleted, which took the figures out already
  END IF;
  ${LOCK_TEAMS('teams')}`;

const TZ = `tz text := (SELECT org_timezone FROM report_setting);`;

/**
 * `rebuild_report_rollups()`: recomputes both roll-ups from the records. With
 * `ordered`, rows are written in the order of the roll-ups' keys (day, team;
 * participant), as a database that grew day by day holds them.
 */
function rebuildRollupsSql(ordered: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE ${TZ}
      BEGIN
        -- Writers wait while the roll-ups are recomputed.
        LOCK TABLE support_session, attendance IN SHARE MODE;
        DELETE FROM team_day_activity;
        DELETE FROM participant_contact;
        ${applyDeltas(
          `
          SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
                 s.duration_minutes AS duration, 1 AS s, coalesce(n.attended, 0) AS a
            FROM support_session s
            LEFT JOIN (SELECT session_id, count(*)::int AS attended FROM attendance
                        WHERE status = 'attended' GROUP BY session_id) n ON n.session_id = s.id`,
          ordered,
        )};
        INSERT INTO participant_contact (team_id, participant_id, days, last_day)
        SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
          FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
                  FROM attendance a JOIN support_session s ON s.id = a.session_id
                 WHERE a.status = 'attended') x
         GROUP BY x.team_id, x.participant_id${ordered ? '\n         ORDER BY x.participant_id, x.team_id' : ''};
      END $$`;
}

/** The attended rows of a transition table `rows`, as deltas of `sign` (+1 or −1) on their sessions' days. */
const ATTENDED_DELTAS = (rows: string, sign: 1 | -1) => `
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, ${sign} AS a
    FROM ${rows} r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended'`;

/** In an UPDATE trigger on support_session: the sessions whose figures changed, old and new. */
const CHANGED_SESSIONS = `
  SELECT o.id, o.team_id AS old_team, o.starts_at AS old_starts, o.type AS old_type,
         o.setting AS old_setting, o.duration_minutes AS old_duration,
         n.team_id AS new_team, n.starts_at AS new_starts, n.type AS new_type,
         n.setting AS new_setting, n.duration_minutes AS new_duration
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE (o.team_id, o.starts_at, o.type, o.setting, o.duration_minutes)
         IS DISTINCT FROM (n.team_id, n.starts_at, n.type, n.setting, n.duration_minutes)`;

export class ReportRollups1795650000000 implements MigrationInterface {
  name = 'ReportRollups1795650000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_setting (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        org_timezone text NOT NULL
      )`);
    await q.query(`INSERT INTO report_setting (id, org_timezone) VALUES (true, 'UTC')`);

    await q.query(`
      CREATE TABLE team_day_activity (
        day date NOT NULL,
        team_id uuid NOT NULL,
        ${COUNT_COLUMNS.map((c) => `${c} ${c.endsWith('minutes') ? 'bigint' : 'integer'} NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (day, team_id)
      )`);
    // A team's report reads its own days; the primary key serves the whole organisation.
    await q.query(`CREATE INDEX team_day_activity_team_idx ON team_day_activity (team_id, day)`);

    await q.query(`
      CREATE TABLE participant_contact (
        participant_id uuid NOT NULL,
        team_id uuid NOT NULL,
        days datemultirange NOT NULL,
        last_day date,
        PRIMARY KEY (participant_id, team_id),
        CHECK ((last_day IS NULL) = isempty(days))
      )`);
    await q.query(`CREATE INDEX participant_contact_team_idx ON participant_contact (team_id)`);

    await q.query(rebuildRollupsSql(false));

    await q.query(`
      CREATE FUNCTION set_report_timezone(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM now() AT TIME ZONE zone; -- an unknown zone fails here
        PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, 0);
        IF (SELECT org_timezone FROM report_setting) = zone THEN
          RETURN false;
        END IF;
        UPDATE report_setting SET org_timezone = zone;
        PERFORM rebuild_report_rollups();
        RETURN true;
      END $$`);

    // Sessions inserted: their own figures (their attendance comes after them).
    await q.query(`
      CREATE FUNCTION rollup_session_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[] := (SELECT array_agg(DISTINCT n.team_id) FROM new_rows n);
      BEGIN
        ${LOCK_TEAMS('teams')};
        ${applyDeltas(`
          SELECT n.team_id, (n.starts_at AT TIME ZONE tz)::date AS day, n.type, n.setting,
                 n.duration_minutes AS duration, 1 AS s, 0 AS a
            FROM new_rows n`)};
        RETURN NULL;
      END $$`);

    // Sessions changed: out with the old figures, in with the new, their current attendance included.
    await q.query(`
      CREATE FUNCTION rollup_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        moved uuid[];
      BEGIN
        WITH c AS (${CHANGED_SESSIONS})
        SELECT array_agg(DISTINCT x) INTO teams FROM c, unnest(ARRAY[c.old_team, c.new_team]) x;
        IF teams IS NULL THEN
          RETURN NULL;
        END IF;
        ${LOCK_TEAMS('teams')};
        ${applyDeltas(`
          WITH c AS (${CHANGED_SESSIONS}), att AS (
            SELECT a.session_id, count(*)::int AS n FROM attendance a
             WHERE a.session_id IN (SELECT id FROM c) AND a.status = 'attended'
             GROUP BY a.session_id)
          SELECT c.old_team AS team_id, (c.old_starts AT TIME ZONE tz)::date AS day, c.old_type AS type,
                 c.old_setting AS setting, c.old_duration AS duration, -1 AS s, -coalesce(att.n, 0) AS a
            FROM c LEFT JOIN att ON att.session_id = c.id
          UNION ALL
          SELECT c.new_team, (c.new_starts AT TIME ZONE tz)::date, c.new_type, c.new_setting,
                 c.new_duration, 1, coalesce(att.n, 0)
            FROM c LEFT JOIN att ON att.session_id = c.id`)};
        -- A new team or day changes the attendees' days.
        WITH c AS (${CHANGED_SESSIONS})
        SELECT array_agg(DISTINCT a.participant_id) INTO moved
          FROM c JOIN attendance a ON a.session_id = c.id AND a.status = 'attended'
         WHERE c.old_team <> c.new_team
            OR (c.old_starts AT TIME ZONE tz)::date <> (c.new_starts AT TIME ZONE tz)::date;
        IF moved IS NOT NULL THEN
          ${RECOMPUTE_DAYS('moved', 'teams')};
        END IF;
        RETURN NULL;
      END $$`);

    // A session about to be deleted: out with its figures and days while its attendance is still there.
    await q.query(`
      CREATE FUNCTION rollup_session_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[] := ARRAY[OLD.team_id];
        people uuid[] := (SELECT array_agg(a.participant_id) FROM attendance a
                           WHERE a.session_id = OLD.id AND a.status = 'attended');
      BEGIN
        ${LOCK_TEAMS('teams')};
        ${applyDeltas(`
          SELECT OLD.team_id AS team_id, (OLD.starts_at AT TIME ZONE tz)::date AS day, OLD.type::text AS type,
                 OLD.setting::text AS setting, OLD.duration_minutes AS duration, -1 AS s,
                 -coalesce(cardinality(people), 0) AS a`)};
        IF people IS NOT NULL THEN
          ${RECOMPUTE_DAYS('people', 'teams', 'OLD.id')};
        END IF;
        RETURN OLD;
      END $$`);

    // Attendance inserted: attended rows count, and their days are added.
    await q.query(`
      CREATE FUNCTION rollup_attendance_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
      BEGIN
        ${LOCK_SESSIONS_AND_TEAMS(`SELECT n.session_id FROM new_rows n WHERE n.status = 'attended'`)};
        ${applyDeltas(ATTENDED_DELTAS('new_rows', 1))};
        INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
        SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
          FROM (SELECT DISTINCT s.team_id, n.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
                  FROM new_rows n JOIN support_session s ON s.id = n.session_id
                 WHERE n.status = 'attended') x
         GROUP BY x.team_id, x.participant_id
        ON CONFLICT (participant_id, team_id) DO UPDATE
          SET days = pc.days + excluded.days, last_day = greatest(pc.last_day, excluded.last_day);
        RETURN NULL;
      END $$`);

    // Attendance deleted: attended rows of sessions still there stop counting; days are recomputed.
    await q.query(`
      CREATE FUNCTION rollup_attendance_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        people uuid[];
      BEGIN
        ${LOCK_SESSIONS_AND_TEAMS(`SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'`)};
        ${applyDeltas(ATTENDED_DELTAS('old_rows', -1))};
        SELECT array_agg(DISTINCT o.participant_id) INTO people
          FROM old_rows o JOIN support_session s ON s.id = o.session_id
         WHERE o.status = 'attended';
        ${RECOMPUTE_DAYS('people', 'teams')};
        RETURN NULL;
      END $$`);

    // Attendance changed (a status, or a row moved): the old rows out, the new ones in.
    await q.query(`
      CREATE FUNCTION rollup_attendance_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        people uuid[];
      BEGIN
        ${LOCK_SESSIONS_AND_TEAMS(`SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'
                         UNION SELECT n.session_id FROM new_rows n WHERE n.status = 'attended'`)};
        ${applyDeltas(`${ATTENDED_DELTAS('old_rows', -1)} UNION ALL ${ATTENDED_DELTAS('new_rows', 1)}`)};
        SELECT array_agg(DISTINCT x.participant_id) INTO people
          FROM (SELECT o.participant_id FROM old_rows o WHERE o.status = 'attended'
                UNION SELECT n.participant_id FROM new_rows n WHERE n.status = 'attended') x;
        ${RECOMPUTE_DAYS('people', 'teams')};
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE FUNCTION rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_report_rollups();
        RETURN NULL;
      END $$`);

    for (const [table, op, fn, refs] of TRIGGERS) {
      await q.query(
        `CREATE TRIGGER ${triggerName(table, op)} AFTER ${op} ON ${table} ${refs} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    await q.query(
      `CREATE TRIGGER rollup_support_session_before_delete BEFORE DELETE ON support_session ` +
        `FOR EACH ROW EXECUTE FUNCTION rollup_session_delete()`,
    );

    await q.query(`SELECT rebuild_report_rollups()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rollup_support_session_before_delete ON support_session`);
    for (const [table, op] of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${triggerName(table, op)} ON ${table}`);
    }
    for (const fn of [
      'rollup_truncate',
      'rollup_attendance_update',
      'rollup_attendance_delete',
      'rollup_attendance_insert',
      'rollup_session_delete',
      'rollup_session_update',
      'rollup_session_insert',
      'set_report_timezone',
      'rebuild_report_rollups',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query(`DROP TABLE participant_contact`);
    await q.query(`DROP TABLE team_day_activity`);
    await q.query(`DROP TABLE report_setting`);
  }
}

const TRIGGERS: [table: string, op: string, fn: string, refs: string][] = [
  ['support_session', 'INSERT', 'rollup_session_insert', 'REFERENCING NEW TABLE AS new_rows'],
  [
    'support_session',
    'UPDATE',
    'rollup_session_update',
    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  ],
  ['support_session', 'TRUNCATE', 'rollup_truncate', ''],
  ['attendance', 'INSERT', 'rollup_attendance_insert', 'REFERENCING NEW TABLE AS new_rows'],
  ['attendance', 'DELETE', 'rollup_attendance_delete', 'REFERENCING OLD TABLE AS old_rows'],
  [
    'attendance',
    'UPDATE',
    'rollup_attendance_update',
    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  ],
  ['attendance', 'TRUNCATE', 'rollup_truncate', ''],
];

function triggerName(table: string, op: string): string {
  return `rollup_${table}_${op.toLowerCase()}`;
}
