import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The activity summary's `participantsServed` counts the participants with an
 * attended day in the period. Reading each participant's days (a multirange,
 * compressed past a couple of hundred days) was most of the summary's time.
 * With the first attended day stored beside the last one, most rows settle it
 * without them: a first or last day inside the period means served, a last day
 * before it or a first day after it means not; only a period that falls
 * between a participant's first and last day reads their days.
 *
 * `rebuild_report_rollups()` now writes the roll-ups in the order of their keys,
 * as a database that grew day by day holds them, so that reading a period of
 * `team_day_activity` by its (day, team_id) key reads that period's pages only.
 */
export class ContactFirstDay1795650000003 implements MigrationInterface {
  name = 'ContactFirstDay1795650000003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE participant_contact ADD COLUMN first_day date GENERATED ALWAYS AS (lower(days)) STORED`,
    );
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
     ORDER BY d.day, d.team_id
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
         GROUP BY x.team_id, x.participant_id
         ORDER BY x.participant_id, x.team_id;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
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
    await q.query(`ALTER TABLE participant_contact DROP COLUMN first_day`);
  }
}
