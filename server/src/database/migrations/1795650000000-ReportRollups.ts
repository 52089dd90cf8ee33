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
 */
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
        sessions integer NOT NULL DEFAULT 0,
        minutes bigint NOT NULL DEFAULT 0,
        type_support_group integer NOT NULL DEFAULT 0,
        type_one_to_one_mentoring integer NOT NULL DEFAULT 0,
        type_condition_specific_group integer NOT NULL DEFAULT 0,
        type_family_support_group integer NOT NULL DEFAULT 0,
        type_online_forum integer NOT NULL DEFAULT 0,
        type_educational_group integer NOT NULL DEFAULT 0,
        setting_community_center integer NOT NULL DEFAULT 0,
        setting_hospital integer NOT NULL DEFAULT 0,
        setting_clinic integer NOT NULL DEFAULT 0,
        setting_online integer NOT NULL DEFAULT 0,
        setting_phone integer NOT NULL DEFAULT 0,
        setting_home_visit integer NOT NULL DEFAULT 0,
        setting_other integer NOT NULL DEFAULT 0,
        group_attended integer NOT NULL DEFAULT 0,
        attended_minutes bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (day, team_id)
      )`);
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
    await q.query(`
      CREATE OR REPLACE FUNCTION rebuild_report_rollups() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE tz text := (SELECT org_timezone FROM report_setting);
      BEGIN
        -- Writers wait while the roll-ups are recomputed.
        LOCK TABLE support_session, attendance IN SHARE MODE;
        DELETE FROM team_day_activity;
        DELETE FROM participant_contact;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
          SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
                 s.duration_minutes AS duration, 1 AS s, coalesce(n.attended, 0) AS a
            FROM support_session s
            LEFT JOIN (SELECT session_id, count(*)::int AS attended FROM attendance
                        WHERE status = 'attended' GROUP BY session_id) n ON n.session_id = s.id) d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        INSERT INTO participant_contact (team_id, participant_id, days, last_day)
        SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
          FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
                  FROM attendance a JOIN support_session s ON s.id = a.session_id
                 WHERE a.status = 'attended') x
         GROUP BY x.team_id, x.participant_id;
      END $$`);
    await q.query(`
      CREATE FUNCTION set_report_timezone(zone text) RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM now() AT TIME ZONE zone; -- an unknown zone fails here
        PERFORM pg_advisory_xact_lock(7350043, 0);
        IF (SELECT org_timezone FROM report_setting) = zone THEN
          RETURN false;
        END IF;
        UPDATE report_setting SET org_timezone = zone;
        PERFORM rebuild_report_rollups();
        RETURN true;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_session_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[] := (SELECT array_agg(DISTINCT n.team_id) FROM new_rows n);
      BEGIN
        
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
          SELECT n.team_id, (n.starts_at AT TIME ZONE tz)::date AS day, n.type, n.setting,
                 n.duration_minutes AS duration, 1 AS s, 0 AS a
            FROM new_rows n) d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_session_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[];
        moved uuid[];
      BEGIN
        WITH c AS (
  SELECT o.id, o.team_id AS old_team, o.starts_at AS old_starts, o.type AS old_type,
         o.setting AS old_setting, o.duration_minutes AS old_duration,
         n.team_id AS new_team, n.starts_at AS new_starts, n.type AS new_type,
         n.setting AS new_setting, n.duration_minutes AS new_duration
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE (o.team_id, o.starts_at, o.type, o.setting, o.duration_minutes)
         IS DISTINCT FROM (n.team_id, n.starts_at, n.type, n.setting, n.duration_minutes))
        SELECT array_agg(DISTINCT x) INTO teams FROM c, unnest(ARRAY[c.old_team, c.new_team]) x;
        IF teams IS NULL THEN
          RETURN NULL;
        END IF;
        
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
          WITH c AS (
  SELECT o.id, o.team_id AS old_team, o.starts_at AS old_starts, o.type AS old_type,
         o.setting AS old_setting, o.duration_minutes AS old_duration,
         n.team_id AS new_team, n.starts_at AS new_starts, n.type AS new_type,
         n.setting AS new_setting, n.duration_minutes AS new_duration
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE (o.team_id, o.starts_at, o.type, o.setting, o.duration_minutes)
         IS DISTINCT FROM (n.team_id, n.starts_at, n.type, n.setting, n.duration_minutes)), att AS (
            SELECT a.session_id, count(*)::int AS n FROM attendance a
             WHERE a.session_id IN (SELECT id FROM c) AND a.status = 'attended'
             GROUP BY a.session_id)
          SELECT c.old_team AS team_id, (c.old_starts AT TIME ZONE tz)::date AS day, c.old_type AS type,
                 c.old_setting AS setting, c.old_duration AS duration, -1 AS s, -coalesce(att.n, 0) AS a
            FROM c LEFT JOIN att ON att.session_id = c.id
          UNION ALL
          SELECT c.new_team, (c.new_starts AT TIME ZONE tz)::date, c.new_type, c.new_setting,
                 c.new_duration, 1, coalesce(att.n, 0)
            FROM c LEFT JOIN att ON att.session_id = c.id) d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        -- A new team or day changes the attendees' days.
        WITH c AS (
  SELECT o.id, o.team_id AS old_team, o.starts_at AS old_starts, o.type AS old_type,
         o.setting AS old_setting, o.duration_minutes AS old_duration,
         n.team_id AS new_team, n.starts_at AS new_starts, n.type AS new_type,
         n.setting AS new_setting, n.duration_minutes AS new_duration
    FROM old_rows o JOIN new_rows n ON n.id = o.id
   WHERE (o.team_id, o.starts_at, o.type, o.setting, o.duration_minutes)
         IS DISTINCT FROM (n.team_id, n.starts_at, n.type, n.setting, n.duration_minutes))
        SELECT array_agg(DISTINCT a.participant_id) INTO moved
          FROM c JOIN attendance a ON a.session_id = c.id AND a.status = 'attended'
         WHERE c.old_team <> c.new_team
            OR (c.old_starts AT TIME ZONE tz)::date <> (c.new_starts AT TIME ZONE tz)::date;
        IF moved IS NOT NULL THEN
          
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(moved) AND s.team_id = ANY(teams)
             AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(moved) AND pc.team_id = ANY(teams) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_session_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[] := ARRAY[OLD.team_id];
        people uuid[] := (SELECT array_agg(a.participant_id) FROM attendance a
                           WHERE a.session_id = OLD.id AND a.status = 'attended');
      BEGIN
        
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
          SELECT OLD.team_id AS team_id, (OLD.starts_at AT TIME ZONE tz)::date AS day, OLD.type::text AS type,
                 OLD.setting::text AS setting, OLD.duration_minutes AS duration, -1 AS s,
                 -coalesce(cardinality(people), 0) AS a) d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        IF people IS NOT NULL THEN
          
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(people) AND s.team_id = ANY(teams)
             AND a.status = 'attended' AND s.id IS DISTINCT FROM OLD.id) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(people) AND pc.team_id = ANY(teams) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM OLD.id);
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_attendance_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[];
      BEGIN
        
  PERFORM 1 FROM support_session s
    WHERE s.id IN (SELECT n.session_id FROM new_rows n WHERE n.status = 'attended')
    ORDER BY s.id FOR SHARE;
  SELECT array_agg(DISTINCT s.team_id) INTO teams FROM support_session s WHERE s.id IN (SELECT n.session_id FROM new_rows n WHERE n.status = 'attended');
  IF teams IS NULL THEN
    RETURN NULL; -- their sessions are being deleted, which took the figures out already
  END IF;
  
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, 1 AS a
    FROM new_rows r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended') d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
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
    await q.query(`
      CREATE FUNCTION rollup_attendance_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[];
        people uuid[];
      BEGIN
        
  PERFORM 1 FROM support_session s
    WHERE s.id IN (SELECT o.session_id FROM old_rows o WHERE o.status = 'attended')
    ORDER BY s.id FOR SHARE;
  SELECT array_agg(DISTINCT s.team_id) INTO teams FROM support_session s WHERE s.id IN (SELECT o.session_id FROM old_rows o WHERE o.status = 'attended');
  IF teams IS NULL THEN
    RETURN NULL; -- their sessions are being deleted, which took the figures out already
  END IF;
  
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, -1 AS a
    FROM old_rows r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended') d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        SELECT array_agg(DISTINCT o.participant_id) INTO people
          FROM old_rows o JOIN support_session s ON s.id = o.session_id
         WHERE o.status = 'attended';
        
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(people) AND s.team_id = ANY(teams)
             AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(people) AND pc.team_id = ANY(teams) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_attendance_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        tz text := (SELECT org_timezone FROM report_setting);
        teams uuid[];
        people uuid[];
      BEGIN
        
  PERFORM 1 FROM support_session s
    WHERE s.id IN (SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'
                         UNION SELECT n.session_id FROM new_rows n WHERE n.status = 'attended')
    ORDER BY s.id FOR SHARE;
  SELECT array_agg(DISTINCT s.team_id) INTO teams FROM support_session s WHERE s.id IN (SELECT o.session_id FROM old_rows o WHERE o.status = 'attended'
                         UNION SELECT n.session_id FROM new_rows n WHERE n.status = 'attended');
  IF teams IS NULL THEN
    RETURN NULL; -- their sessions are being deleted, which took the figures out already
  END IF;
  
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        
    INSERT INTO team_day_activity AS r (team_id, day, sessions, minutes, type_support_group, type_one_to_one_mentoring, type_condition_specific_group, type_family_support_group, type_online_forum, type_educational_group, setting_community_center, setting_hospital, setting_clinic, setting_online, setting_phone, setting_home_visit, setting_other, group_attended, attended_minutes)
    SELECT d.team_id, d.day, sum(d.s), sum(d.s * d.duration), coalesce(sum(d.s) FILTER (WHERE d.type = 'support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'one_to_one_mentoring'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'condition_specific_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'family_support_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'online_forum'), 0), coalesce(sum(d.s) FILTER (WHERE d.type = 'educational_group'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'community_center'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'hospital'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'clinic'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'online'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'phone'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'home_visit'), 0), coalesce(sum(d.s) FILTER (WHERE d.setting = 'other'), 0), coalesce(sum(d.a) FILTER (WHERE d.type IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), 0), sum(d.a * d.duration)
      FROM (
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, -1 AS a
    FROM old_rows r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended' UNION ALL 
  SELECT s.team_id, (s.starts_at AT TIME ZONE tz)::date AS day, s.type, s.setting,
         s.duration_minutes AS duration, 0 AS s, 1 AS a
    FROM new_rows r JOIN support_session s ON s.id = r.session_id
   WHERE r.status = 'attended') d
     GROUP BY d.team_id, d.day
    ON CONFLICT (day, team_id) DO UPDATE SET
      sessions = r.sessions + excluded.sessions,
      minutes = r.minutes + excluded.minutes,
      type_support_group = r.type_support_group + excluded.type_support_group,
      type_one_to_one_mentoring = r.type_one_to_one_mentoring + excluded.type_one_to_one_mentoring,
      type_condition_specific_group = r.type_condition_specific_group + excluded.type_condition_specific_group,
      type_family_support_group = r.type_family_support_group + excluded.type_family_support_group,
      type_online_forum = r.type_online_forum + excluded.type_online_forum,
      type_educational_group = r.type_educational_group + excluded.type_educational_group,
      setting_community_center = r.setting_community_center + excluded.setting_community_center,
      setting_hospital = r.setting_hospital + excluded.setting_hospital,
      setting_clinic = r.setting_clinic + excluded.setting_clinic,
      setting_online = r.setting_online + excluded.setting_online,
      setting_phone = r.setting_phone + excluded.setting_phone,
      setting_home_visit = r.setting_home_visit + excluded.setting_home_visit,
      setting_other = r.setting_other + excluded.setting_other,
      group_attended = r.group_attended + excluded.group_attended,
      attended_minutes = r.attended_minutes + excluded.attended_minutes;
        SELECT array_agg(DISTINCT x.participant_id) INTO people
          FROM (SELECT o.participant_id FROM old_rows o WHERE o.status = 'attended'
                UNION SELECT n.participant_id FROM new_rows n WHERE n.status = 'attended') x;
        
  INSERT INTO participant_contact AS pc (team_id, participant_id, days, last_day)
  SELECT x.team_id, x.participant_id, range_agg(daterange(x.day, x.day + 1)), max(x.day)
    FROM (SELECT DISTINCT s.team_id, a.participant_id, (s.starts_at AT TIME ZONE tz)::date AS day
            FROM attendance a JOIN support_session s ON s.id = a.session_id
           WHERE a.participant_id = ANY(people) AND s.team_id = ANY(teams)
             AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid) x
   GROUP BY x.team_id, x.participant_id
  ON CONFLICT (participant_id, team_id) DO UPDATE SET days = excluded.days, last_day = excluded.last_day;
  UPDATE participant_contact pc SET days = '{}', last_day = NULL
   WHERE pc.participant_id = ANY(people) AND pc.team_id = ANY(teams) AND NOT isempty(pc.days)
     AND NOT EXISTS (
       SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
        WHERE a.participant_id = pc.participant_id AND s.team_id = pc.team_id
          AND a.status = 'attended' AND s.id IS DISTINCT FROM NULL::uuid);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rebuild_report_rollups();
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER rollup_support_session_insert AFTER INSERT ON support_session REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_session_insert()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_support_session_update AFTER UPDATE ON support_session REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_session_update()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_support_session_truncate AFTER TRUNCATE ON support_session  FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncate()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_attendance_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_attendance_insert()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_attendance_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_attendance_delete()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_attendance_update AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollup_attendance_update()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_attendance_truncate AFTER TRUNCATE ON attendance  FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncate()`,
    );
    await q.query(
      `CREATE TRIGGER rollup_support_session_before_delete BEFORE DELETE ON support_session FOR EACH ROW EXECUTE FUNCTION rollup_session_delete()`,
    );
    await q.query(`SELECT rebuild_report_rollups()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rollup_support_session_before_delete ON support_session`);
    await q.query(`DROP TRIGGER rollup_attendance_truncate ON attendance`);
    await q.query(`DROP TRIGGER rollup_attendance_update ON attendance`);
    await q.query(`DROP TRIGGER rollup_attendance_delete ON attendance`);
    await q.query(`DROP TRIGGER rollup_attendance_insert ON attendance`);
    await q.query(`DROP TRIGGER rollup_support_session_truncate ON support_session`);
    await q.query(`DROP TRIGGER rollup_support_session_update ON support_session`);
    await q.query(`DROP TRIGGER rollup_support_session_insert ON support_session`);
    await q.query(`DROP FUNCTION rollup_truncate`);
    await q.query(`DROP FUNCTION rollup_attendance_update`);
    await q.query(`DROP FUNCTION rollup_attendance_delete`);
    await q.query(`DROP FUNCTION rollup_attendance_insert`);
    await q.query(`DROP FUNCTION rollup_session_delete`);
    await q.query(`DROP FUNCTION rollup_session_update`);
    await q.query(`DROP FUNCTION rollup_session_insert`);
    await q.query(`DROP FUNCTION set_report_timezone`);
    await q.query(`DROP FUNCTION rebuild_report_rollups`);
    await q.query(`DROP TABLE participant_contact`);
    await q.query(`DROP TABLE team_day_activity`);
    await q.query(`DROP TABLE report_setting`);
  }
}
