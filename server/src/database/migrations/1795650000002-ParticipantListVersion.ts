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

const TRIGGERS: [table: string, op: string, fn: string, refs: string][] = [
  ['participant', 'INSERT', 'participant_list_changed', 'REFERENCING NEW TABLE AS new_rows'],
  [
    'participant',
    'UPDATE',
    'participant_list_changed',
    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  ],
  ['participant', 'DELETE', 'participant_list_changed', 'REFERENCING OLD TABLE AS old_rows'],
  ['participant', 'TRUNCATE', 'participant_list_changed', ''],
  [
    'participant_contact',
    'INSERT',
    'participant_contact_changed',
    'REFERENCING NEW TABLE AS new_rows',
  ],
  [
    'participant_contact',
    'UPDATE',
    'participant_contact_changed',
    'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  ],
  [
    'participant_contact',
    'DELETE',
    'participant_contact_changed',
    'REFERENCING OLD TABLE AS old_rows',
  ],
  ['participant_contact', 'TRUNCATE', 'participant_contact_changed', ''],
];

/** The roll-ups' per-team advisory lock (as ReportRollups takes it) of the teams in `teams` (uuid[]), in one order. */
const LOCK_TEAMS = (teams: string) => `
  PERFORM pg_advisory_xact_lock(7350043, l.k)
     FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(${teams}) x ORDER BY 1) l`;

const triggerName = (table: string, op: string) => `list_version_${table}_${op.toLowerCase()}`;

/** The ids in column `col` of the rows the statement wrote (by TG_OP), as uuid[] into `target`. */
const CHANGED = (col: string, target: string) => `
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.${col}) INTO ${target} FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT x) INTO ${target}
      FROM (SELECT n.${col} AS x FROM new_rows n UNION SELECT o.${col} FROM old_rows o) c;
  ELSE
    SELECT array_agg(DISTINCT o.${col}) INTO ${target} FROM old_rows o;
  END IF`;

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

    // New versions for `teams` (uuid[]; NULL: every team), under the teams' advisory locks.
    await q.query(`
      CREATE FUNCTION bump_participant_lists(teams uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF teams IS NULL THEN
          teams := ARRAY(SELECT id FROM team);
        END IF;
        ${LOCK_TEAMS('teams')};
        INSERT INTO participant_list_version AS v (team_id, version)
        SELECT t.id, gen_random_uuid() FROM team t WHERE t.id = ANY(teams) ORDER BY t.id
        ON CONFLICT (team_id) DO UPDATE SET version = excluded.version;
      END $$`);

    // A participant written: the lists of its team, before and after.
    await q.query(`
      CREATE FUNCTION participant_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        teams uuid[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM bump_participant_lists(NULL);
          RETURN NULL;
        END IF;
        ${CHANGED('team_id', 'teams')};
        IF teams IS NOT NULL THEN
          PERFORM bump_participant_lists(teams);
        END IF;
        RETURN NULL;
      END $$`);

    // A last contact written: the lists of the teams its participants are in.
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
        ${CHANGED('participant_id', 'people')};
        IF people IS NULL THEN
          RETURN NULL;
        END IF;
        LOOP
          -- A statement of its own: it sees every move committed before the locks below.
          SELECT array_agg(DISTINCT p.team_id) INTO teams FROM participant p WHERE p.id = ANY(people);
          EXIT WHEN teams IS NULL OR teams <@ held;
          held := ARRAY(SELECT DISTINCT x FROM unnest(held || teams) x);
          ${LOCK_TEAMS('held')};
        END LOOP;
        IF cardinality(held) > 0 THEN
          PERFORM bump_participant_lists(held);
        END IF;
        RETURN NULL;
      END $$`);

    for (const [table, op, fn, refs] of TRIGGERS) {
      await q.query(
        `CREATE TRIGGER ${triggerName(table, op)} AFTER ${op} ON ${table} ${refs} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, op] of [...TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${triggerName(table, op)} ON ${table}`);
    }
    await q.query(`DROP FUNCTION participant_contact_changed`);
    await q.query(`DROP FUNCTION participant_list_changed`);
    await q.query(`DROP FUNCTION bump_participant_lists`);
    await q.query(`DROP TABLE participant_list_version`);
  }
}
