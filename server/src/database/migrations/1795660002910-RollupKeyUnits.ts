import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The roll-ups' record key sums (migration RollupCellKeys) as whole units of
 * 2^-52. A record key is a double precision drawn by random(), a multiple of
 * 2^-52, so key × 2^52 is an exact integer; `team_day_activity` kept each day's
 * sum of keys as numeric, and a funder export summed those numerics over every
 * team and day of its period (a year for the whole organisation: 17 numeric
 * sums over ~14,000 rows, about as long as the rest of the export). Each key
 * column is now a bigint: the day's sum of its records' keys in units, modulo
 * 2^52 (the cell key is only the fractional part of a sum, and the sum of the
 * day values modulo 2^52 is the sum of the records' units modulo 2^52), always
 * kept in [0, 2^52) so that a sum kept by the triggers reads exactly as a
 * rebuild writes it. Integer sums are exact in any order, like numeric ones,
 * and several times faster.
 *
 * Every roll-up function is replaced by the one of migration RollupCellKeys
 * with the keys in units (the locking is as before), the rebuild included; the
 * up migration then refills the key columns of the existing days in windows of
 * 60 days of sessions. `down` puts back RollupCellKeys' numeric columns and
 * functions, and refills them the same way.
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
const KEY_COLUMNS = [
  'key_sessions',
  ...TYPES.map((t) => `key_type_${t}`),
  ...SETTINGS.map((s) => `key_setting_${s}`),
  'key_group_attended',
  'key_attended',
];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

/** How a key sum is kept: the expressions for a record's key, a zero, a total of signed sums, and an addition. */
interface KeyRep {
  type: string;
  key: (expr: string) => string;
  zero: string;
  total: (sum: string) => string;
  add: (a: string, b: string) => string;
}
/** 2^52. */
const M = '4503599627370496';
/** In units of 2^-52, modulo 2^52, in [0, 2^52). */
const UNITS: KeyRep = {
  type: 'bigint',
  key: (e) => `(${e} * ${M}::float8)::int8`,
  zero: '0::int8',
  total: (sum) => `mod(mod(coalesce(${sum}, 0), ${M}) + ${M}, ${M})::int8`,
  add: (a, b) => `mod(mod(${a} + ${b}, ${M}) + ${M}, ${M})`,
};
/** As migration RollupCellKeys kept them: numeric, at their shortest scale. */
const NUMERIC: KeyRep = {
  type: 'numeric',
  key: (e) => `${e}::numeric`,
  zero: '0::numeric',
  total: (sum) => `trim_scale(coalesce(${sum}, 0))`,
  add: (a, b) => `trim_scale(${a} + ${b})`,
};

/**
 * The roll-up functions, with the key sums kept as `rep` says. Every source of
 * deltas gives rows of (team_id, day, type, setting, duration, s, a, sk, ak):
 * s sessions and a attended rows (signed), sk and ak the signed sums of their
 * record keys.
 */
function functions(rep: KeyRep): string[] {
  const live = (alias: string) => ` AND ${alias}.voided_at IS NULL`;
  const liveFlag = (alias: string) => `(${alias}.voided_at IS NULL)`;
  /** `, <expr> AS <name>` in a delta source. */
  const k = (expr: string, name: string) => `, ${expr} AS ${name}`;
  const kk = (expr: string) => `, ${expr}`;

  const applyDeltas = (src: string, ordered = false) => {
    const sums = [
      'sum(d.s)',
      'sum(d.s * d.duration)',
      ...TYPES.map((t) => `coalesce(sum(d.s) FILTER (WHERE d.type = '${t}'), 0)`),
      ...SETTINGS.map((s) => `coalesce(sum(d.s) FILTER (WHERE d.setting = '${s}'), 0)`),
      `coalesce(sum(d.a) FILTER (WHERE d.type IN (${list(GROUP_TYPES)})), 0)`,
      'sum(d.a * d.duration)',
    ];
    const keySums = [
      'sum(d.a)',
      rep.total('sum(d.sk)'),
      ...TYPES.map((t) => rep.total(`sum(d.sk) FILTER (WHERE d.type = '${t}')`)),
      ...SETTINGS.map((s) => rep.total(`sum(d.sk) FILTER (WHERE d.setting = '${s}')`)),
      rep.total(`sum(d.ak) FILTER (WHERE d.type IN (${list(GROUP_TYPES)}))`),
      rep.total('sum(d.ak)'),
    ];
    const columns = [...COUNT_COLUMNS, 'attended', ...KEY_COLUMNS];
    const set = [
      ...COUNT_COLUMNS.map((c) => `${c} = r.${c} + excluded.${c}`),
      'attended = r.attended + excluded.attended',
      ...KEY_COLUMNS.map((c) => `${c} = ${rep.add(`r.${c}`, `excluded.${c}`)}`),
    ];
    return `
    INSERT INTO team_day_activity AS r (team_id, day, ${columns.join(', ')})
    SELECT d.team_id, d.day, ${[...sums, ...keySums].join(', ')}
      FROM (${src}) d
     GROUP BY d.team_id, d.day${ordered ? '\n     ORDER BY d.day, d.team_id' : ''}
    ON CONFLICT (day, team_id) DO UPDATE SET
      ${set.join(',\n      ')}`;
  };

  const lockTeams = (teams: string) => `
  PERFORM pg_advisory_xact_lock(${LOCK_CLASS}, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(${teams}) x ORDER BY 1) l`;

  const recomputeDays = (ids: string, teams: string, skip = 'NULL::uuid') => `
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(${ids}) AND s.team_id = ANY(${teams})
             AND a.status = 'attended' AND s.id IS DISTINCT FROM ${skip}${live('s')}) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(${ids}) AND pc.team_id = ANY(${teams}) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM ${skip}${live('s')})`;

  const lockSessionsAndTeams = (rows: string) => `
  PERFORM 1 FROM support_session s
    WHERE s.id IN (${rows})
    ORDER BY s.id FOR SHARE;
  SELECT array_agg(DISTINCT s.team_id) INTO teams FROM support_session s WHERE s.id IN (${rows});
  IF teams IS NULL THEN
    RETURN NULL; -- their sessions are being deleted, which took the figures out already
  END IF;
  ${lockTeams('teams')}`;

  const TZ = `tz text := (SELECT org_timezone FROM report_setting);`;

  const attendedDeltas = (rows: string, sign: 1 | -1) => `
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, ${sign} AS a${k(rep.zero, 'sk')}${k(`${sign} * ${rep.key('r.record_key')}`, 'ak')}
    FROM ${rows} r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended'${live('s')}`;

  const changedSessions = `
  SELECT o.id, o.team_id AS old_team, o.starts_at AS old_starts, o.type AS old_type,
         o.setting AS old_setting, o.duration_minutes AS old_duration, ${liveFlag('o')} AS old_live,
         n.team_id AS new_team, n.starts_at AS new_starts, n.type AS new_type,
         n.setting AS new_setting, n.duration_minutes AS new_duration, ${liveFlag('n')} AS new_live${kk(`${rep.key('o.record_key')} AS session_key`)}
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE (o.team_id, o.starts_at, o.type, o.setting, o.duration_minutes, ${liveFlag('o')})
         IS DISTINCT FROM (n.team_id, n.starts_at, n.type, n.setting, n.duration_minutes, ${liveFlag('n')})`;

  return [
    `
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
                 s.duration_minutes AS duration, 1 AS s, coalesce(n.attended, 0) AS a${k(rep.key('s.record_key'), 'sk')}${k('coalesce(n.k, 0)', 'ak')}
            FROM support_session s
            LEFT JOIN (SELECT session_id, count(*)::int AS attended${kk(`sum(${rep.key('record_key')}) AS k`)} FROM attendance
                        WHERE status = 'attended' GROUP BY session_id) n ON n.session_id = s.id
           WHERE true${live('s')}`,
          true,
        )};
        INSERT INTO participant_contact (team_id, participant_id, days, last_day)
        SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
          FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
                  FROM attendance a JOIN support_session s ON s.id = a.session_id
                 WHERE a.status = 'attended'${live('s')}) x
         GROUP BY x.team_id, x.participant_id
         ORDER BY x.participant_id, x.team_id;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_session_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[] := (SELECT array_agg(DISTINCT n.team_id) FROM new_rows n);
      BEGIN
        ${lockTeams('teams')};
        ${applyDeltas(`
          SELECT n.team_id, (n.starts_at AT TIME ZONE tz)::date AS day, n.type, n.setting,
                 n.duration_minutes AS duration, 1 AS s, 0 AS a${k(rep.key('n.record_key'), 'sk')}${k(rep.zero, 'ak')}
            FROM new_rows n
           WHERE true${live('n')}`)};
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        moved uuid[];
      BEGIN
        WITH c AS (${changedSessions})
        SELECT array_agg(DISTINCT x) INTO teams FROM c, unnest(ARRAY[c.old_team, c.new_team]) x;
        IF teams IS NULL THEN
          RETURN NULL;
        END IF;
        ${lockTeams('teams')};
        ${applyDeltas(`
          WITH c AS (${changedSessions}), att AS (
            SELECT a.session_id, count(*)::int AS n${kk(`sum(${rep.key('a.record_key')}) AS k`)} FROM attendance a
             WHERE a.session_id IN (SELECT id FROM c) AND a.status = 'attended'
             GROUP BY a.session_id)
          SELECT c.old_team AS team_id, (c.old_starts AT TIME ZONE tz)::date AS day, c.old_type AS type,
                 c.old_setting AS setting, c.old_duration AS duration, -1 AS s, -coalesce(att.n, 0) AS a${k('-c.session_key', 'sk')}${k('-coalesce(att.k, 0)', 'ak')}
            FROM c LEFT JOIN att ON att.session_id = c.id
           WHERE c.old_live
          UNION ALL
          SELECT c.new_team, (c.new_starts AT TIME ZONE tz)::date, c.new_type, c.new_setting,
                 c.new_duration, 1, coalesce(att.n, 0)${kk('c.session_key')}${kk('coalesce(att.k, 0)')}
            FROM c LEFT JOIN att ON att.session_id = c.id
           WHERE c.new_live`)};
        -- A new team or day, or a void, changes the attendees' days.
        WITH c AS (${changedSessions})
        SELECT array_agg(DISTINCT a.participant_id) INTO moved
          FROM c JOIN attendance a ON a.session_id = c.id AND a.status = 'attended'
         WHERE c.old_team <> c.new_team OR c.old_live <> c.new_live
            OR (c.old_starts AT TIME ZONE tz)::date <> (c.new_starts AT TIME ZONE tz)::date;
        IF moved IS NOT NULL THEN
          ${recomputeDays('moved', 'teams')};
        END IF;
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_session_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[] := ARRAY[OLD.team_id];
        people uuid[] := (SELECT array_agg(a.participant_id) FROM attendance a
                           WHERE a.session_id = OLD.id AND a.status = 'attended');
        attended_keys numeric := (SELECT sum(${rep.key('a.record_key')}) FROM attendance a
                                   WHERE a.session_id = OLD.id AND a.status = 'attended');
      BEGIN
        IF OLD.voided_at IS NOT NULL THEN
          RETURN OLD; -- its void took its figures and days out already
        END IF;
        ${lockTeams('teams')};
        ${applyDeltas(`
          SELECT OLD.team_id AS team_id, (OLD.starts_at AT TIME ZONE tz)::date AS day, OLD.type::text AS type,
                 OLD.setting::text AS setting, OLD.duration_minutes AS duration, -1 AS s,
                 -coalesce(cardinality(people), 0) AS a${k(`-${rep.key('OLD.record_key')}`, 'sk')}${k('-coalesce(attended_keys, 0)', 'ak')}`)};
        IF people IS NOT NULL THEN
          ${recomputeDays('people', 'teams', 'OLD.id')};
        END IF;
        RETURN OLD;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_attendance_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
      BEGIN
        ${lockSessionsAndTeams(`SELECT n.session_id FROM new_rows n WHERE n.status = 'attended'`)};
        ${applyDeltas(attendedDeltas('new_rows', 1))};
        INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
        SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
          FROM (SELECT DISTINCT s.team_id, n.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
                  FROM new_rows n JOIN support_session s ON s.id = n.session_id
                 WHERE n.status = 'attended'${live('s')}) x
         GROUP BY x.team_id, x.participant_id
        ON CONFLICT (participant_id, team_id) DO UPDATE
          SET days = pc.days + excluded.days, last_day = greatest(pc.last_day, excluded.last_day);
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_attendance_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        people uuid[];
      BEGIN
        ${lockSessionsAndTeams(`SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'`)};
        ${applyDeltas(attendedDeltas('old_rows', -1))};
        SELECT array_agg(DISTINCT o.participant_id) INTO people
          FROM old_rows o JOIN support_session s ON s.id = o.session_id
         WHERE o.status = 'attended';
        ${recomputeDays('people', 'teams')};
        RETURN NULL;
      END $$`,
    `
      CREATE OR REPLACE FUNCTION rollup_attendance_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ${TZ}
        teams uuid[];
        people uuid[];
      BEGIN
        ${lockSessionsAndTeams(`SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'
                         UNION SELECT n.session_id FROM new_rows n WHERE n.status = 'attended'`)};
        ${applyDeltas(`${attendedDeltas('old_rows', -1)} UNION ALL ${attendedDeltas('new_rows', 1)}`)};
        SELECT array_agg(DISTINCT x.participant_id) INTO people
          FROM (SELECT o.participant_id FROM old_rows o WHERE o.status = 'attended'
                UNION SELECT n.participant_id FROM new_rows n WHERE n.status = 'attended') x;
        ${recomputeDays('people', 'teams')};
        RETURN NULL;
      END $$`,
  ];
}

/** Adds the keys of the live sessions that start in [$1, $2) and of their attended rows to their days. */
const backfill = (rep: KeyRep) => `
  UPDATE team_day_activity r SET
    ${KEY_COLUMNS.map((c) => `${c} = ${rep.add(`r.${c}`, `d.${c}`)}`).join(',\n    ')}
    FROM (
      SELECT s.team_id, (s.starts_at AT TIME ZONE (SELECT org_timezone FROM report_setting))::date AS day,
             ${rep.total(`sum(${rep.key('s.record_key')})`)} AS key_sessions,
             ${TYPES.map((t) => `${rep.total(`sum(${rep.key('s.record_key')}) FILTER (WHERE s.type = '${t}')`)} AS key_type_${t}`).join(',\n             ')},
             ${SETTINGS.map((x) => `${rep.total(`sum(${rep.key('s.record_key')}) FILTER (WHERE s.setting = '${x}')`)} AS key_setting_${x}`).join(',\n             ')},
             ${rep.total(`sum(n.k) FILTER (WHERE s.type IN (${list(GROUP_TYPES)}))`)} AS key_group_attended,
             ${rep.total('sum(n.k)')} AS key_attended
        FROM support_session s
        LEFT JOIN (SELECT a.session_id, sum(${rep.key('a.record_key')}) AS k
                     FROM attendance a JOIN support_session w ON w.id = a.session_id
                    WHERE a.status = 'attended' AND w.starts_at >= $1::timestamptz AND w.starts_at < $2::timestamptz
                    GROUP BY a.session_id) n ON n.session_id = s.id
       WHERE s.starts_at >= $1::timestamptz AND s.starts_at < $2::timestamptz AND s.voided_at IS NULL
       GROUP BY 1, 2) d
   WHERE r.team_id = d.team_id AND r.day = d.day`;

/** Key columns of `rep`'s type, filled from the records; the counts are right already. */
async function rekey(q: QueryRunner, rep: KeyRep): Promise<void> {
  await q.query(
    `ALTER TABLE team_day_activity ` +
      KEY_COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ') +
      ', ' +
      KEY_COLUMNS.map((c) => `ADD COLUMN ${c} ${rep.type} NOT NULL DEFAULT 0`).join(', '),
  );
  for (const sql of functions(rep)) await q.query(sql);
  // In windows of 60 days of sessions, each statement adding its sessions' keys to their days
  // (a full rebuild of a large database would outlast the connection's query timeout).
  const [bounds]: { lo: Date | null; hi: Date | null }[] = await q.query(
    `SELECT min(starts_at) AS lo, max(starts_at) AS hi FROM support_session WHERE voided_at IS NULL`,
  );
  if (bounds?.lo && bounds.hi) {
    const step = 60 * 24 * 3600 * 1000;
    for (let t = bounds.lo.getTime(); t <= bounds.hi.getTime(); t += step) {
      await q.query(backfill(rep), [new Date(t).toISOString(), new Date(t + step).toISOString()]);
    }
  }
}

export class RollupKeyUnits1795660002910 implements MigrationInterface {
  name = 'RollupKeyUnits1795660002910';

  public async up(q: QueryRunner): Promise<void> {
    await rekey(q, UNITS);
  }

  public async down(q: QueryRunner): Promise<void> {
    await rekey(q, NUMERIC);
  }
}
