import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A version for each team's participant list, so a page of it can be served
 * again without being read again, and never stale.
 *
 * Everything a list entry shows is a `participant` row and its last contact
 * (`participant_contact`). Any statement that changes either sets a fresh
 * random `version` on the row of every team whose list it changes, in its own
 * transaction. A page read together with its team's version (one statement,
 * one snapshot) therefore stays exactly right for as long as a later read of
 * that version returns the same value: a committed change would have replaced
 * it, and a random value is never handed out twice (not after a restore either).
 * A team without a row has no version: its list is read every time.
 *
 * How the version follows a participant who changes team: every change of a
 * version takes the roll-ups' per-team advisory lock (ReportRollups) of each
 * team first, so a move (which locks its old and new team) and a change of a
 * last contact (whose session's team is locked already) are serialised; the
 * last contact's trigger reads the participant's team again after locking it,
 * until it reads a team it holds, so it names the team the participant is in
 * when it commits.
 */
export class ParticipantListVersion1795650000002 implements MigrationInterface {
  name = 'ParticipantListVersion1795650000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participant_list_version (
        team_id uuid PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
        version uuid NOT NULL
      )`);
    await q.query(
      `INSERT INTO participant_list_version (team_id, version) SELECT id, gen_random_uuid() FROM team`,
    );
    await q.query(`
      CREATE FUNCTION bump_participant_lists(teams uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF teams IS NULL THEN
          teams := ARRAY(SELECT id FROM team);
        END IF;
        
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(teams) x ORDER BY 1) l;
        INSERT INTO participant_list_version AS v (team_id, version)
        SELECT t.id, gen_random_uuid() FROM team t WHERE t.id = ANY(teams) ORDER BY t.id
        ON CONFLICT (team_id) DO UPDATE SET version = excluded.version;
      END $$`);
    await q.query(`
      CREATE FUNCTION participant_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        teams uuid[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM bump_participant_lists(NULL);
          RETURN NULL;
        END IF;
        
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.team_id) INTO teams FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT x) INTO teams
      FROM (SELECT n.team_id AS x FROM new_rows n UNION SELECT o.team_id FROM old_rows o) c;
  ELSE
    SELECT array_agg(DISTINCT o.team_id) INTO teams FROM old_rows o;
  END IF;
        IF teams IS NOT NULL THEN
          PERFORM bump_participant_lists(teams);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION participant_contact_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        people uuid[];
        teams uuid[];
        held uuid[] := '{}';
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM bump_participant_lists(NULL);
          RETURN NULL;
        END IF;
        
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.participant_id) INTO people FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT x) INTO people
      FROM (SELECT n.participant_id AS x FROM new_rows n UNION SELECT o.participant_id FROM old_rows o) c;
  ELSE
    SELECT array_agg(DISTINCT o.participant_id) INTO people FROM old_rows o;
  END IF;
        IF people IS NULL THEN
          RETURN NULL;
        END IF;
        LOOP
          -- A statement of its own: it sees every move committed before the locks below.
          SELECT array_agg(DISTINCT p.team_id) INTO teams FROM participant p WHERE p.id = ANY(people);
          EXIT WHEN teams IS NULL OR teams <@ held;
          held := ARRAY(SELECT DISTINCT x FROM unnest(held || teams) x);
          
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(held) x ORDER BY 1) l;
        END LOOP;
        IF cardinality(held) > 0 THEN
          PERFORM bump_participant_lists(held);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER list_version_participant_insert AFTER INSERT ON participant REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_list_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_update AFTER UPDATE ON participant REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_list_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_delete AFTER DELETE ON participant REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_list_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_truncate AFTER TRUNCATE ON participant  FOR EACH STATEMENT EXECUTE FUNCTION participant_list_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_contact_insert AFTER INSERT ON participant_contact REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_contact_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_contact_update AFTER UPDATE ON participant_contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_contact_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_contact_delete AFTER DELETE ON participant_contact REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION participant_contact_changed()`,
    );
    await q.query(
      `CREATE TRIGGER list_version_participant_contact_truncate AFTER TRUNCATE ON participant_contact  FOR EACH STATEMENT EXECUTE FUNCTION participant_contact_changed()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER list_version_participant_contact_truncate ON participant_contact`);
    await q.query(`DROP TRIGGER list_version_participant_contact_delete ON participant_contact`);
    await q.query(`DROP TRIGGER list_version_participant_contact_update ON participant_contact`);
    await q.query(`DROP TRIGGER list_version_participant_contact_insert ON participant_contact`);
    await q.query(`DROP TRIGGER list_version_participant_truncate ON participant`);
    await q.query(`DROP TRIGGER list_version_participant_delete ON participant`);
    await q.query(`DROP TRIGGER list_version_participant_update ON participant`);
    await q.query(`DROP TRIGGER list_version_participant_insert ON participant`);
    await q.query(`DROP FUNCTION participant_contact_changed`);
    await q.query(`DROP FUNCTION participant_list_changed`);
    await q.query(`DROP FUNCTION bump_participant_lists`);
    await q.query(`DROP TABLE participant_list_version`);
  }
}
