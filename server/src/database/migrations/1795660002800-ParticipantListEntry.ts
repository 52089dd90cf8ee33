import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Each participant's last contact and next step, kept on their own row, so a
 * page of the list is read from one index in list order and the page's rows
 * alone, without looking anything up per person (PERFORMANCE.md, "The
 * participant list without its kept pages").
 *
 * - `last_contact_on`: the latest day they attended with any team, as
 *   `max(participant_contact.last_day)`.
 * - `next_step_text`, `next_step_due`: their soonest-due unfinished advocacy
 *   action of their team (title, due date), else the first line of the next
 *   steps of their team's newest decision note that has some (its follow-up
 *   date); both NULL when there is none.
 *
 * `refresh_participant_list_entries(people)` works them out again for the
 * people named (NULL: everyone) and writes the rows whose values changed, after
 * locking those rows in id order: one refresh of a person at a time, each
 * reading everything committed before it (READ COMMITTED takes a snapshot per
 * statement). Statement triggers call it after every write of
 * `participant_contact`, `advocacy_action` and `decision_note`; a change of a
 * participant's team works the next step out again for the new team before the
 * row is written (and the records that move with them call it again).
 * Writing the row gives the team's list a new version (ParticipantListVersion).
 *
 * Indexes: a team's list by name now carries the last contact (the "no contact
 * since" filter reads the index alone); a team's list by last contact, and the
 * organisation's list by name and by last contact, each in list order.
 */

const OPS: [op: string, refs: string][] = [
  ['INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'REFERENCING OLD TABLE AS old_rows'],
  ['TRUNCATE', ''],
];

const STATEMENT_TRIGGERS: [table: string, op: string, refs: string][] = [
  'participant_contact',
  'advocacy_action',
  'decision_note',
].flatMap((table) => OPS.map(([op, refs]): [string, string, string] => [table, op, refs]));

const triggerName = (table: string, op: string) => `list_entry_${table}_${op.toLowerCase()}`;

const TEAM_LIST_OLD =
  `CREATE INDEX "participant_team_list_idx" ON "participant" ` +
  `("team_id", lower("last_name"), lower("first_name"), "id", ` +
  `lower("first_name" || ' ' || "last_name" || ' ' || coalesce("preferred_name", ''))) ` +
  `INCLUDE ("first_name", "last_name", "preferred_name", "status", "primary_worker_id")`;

const NAME_KEY = `lower("first_name" || ' ' || "last_name" || ' ' || coalesce("preferred_name", ''))`;
const LISTED = `INCLUDE ("first_name", "last_name", "preferred_name", "status", "primary_worker_id", "last_contact_on")`;

export class ParticipantListEntry1795660002800 implements MigrationInterface {
  name = 'ParticipantListEntry1795660002800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant
      ADD COLUMN last_contact_on date,
      ADD COLUMN next_step_text text,
      ADD COLUMN next_step_due date`);

    // The next step of a person in a team, as (text, due).
    await q.query(`
      CREATE FUNCTION participant_next_step(person uuid, team uuid, OUT text text, OUT due date)
      LANGUAGE sql STABLE AS $$
        SELECT n.text, n.due_on FROM (
          (SELECT a.title::text AS text, a.due_on, 0 AS rank
             FROM advocacy_action a
            WHERE a.participant_id = person AND a.team_id = team
              AND a.status IN ('open', 'in_progress')
            ORDER BY a.due_on ASC NULLS LAST, a.opened_on ASC LIMIT 1)
          UNION ALL
          (SELECT left(split_part(btrim(d.next_steps), E'\\n', 1), 200), d.follow_up_on, 1
             FROM decision_note d
            WHERE d.participant_id = person AND d.team_id = team
              AND coalesce(btrim(d.next_steps), '') <> ''
            ORDER BY d.discussed_on DESC, d.created_at DESC LIMIT 1)
        ) n ORDER BY n.rank LIMIT 1
      $$`);

    await q.query(`
      CREATE FUNCTION refresh_participant_list_entries(people uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        teams uuid[];
        held uuid[] := '{}';
      BEGIN
        IF people IS NULL THEN
          people := ARRAY(SELECT p.id FROM participant p);
        END IF;
        -- The teams' locks first, as every writer of a participant row takes them
        -- (ParticipantListVersion), then the rows in one order.
        LOOP
          SELECT array_agg(DISTINCT p.team_id) INTO teams FROM participant p WHERE p.id = ANY(people);
          EXIT WHEN teams IS NULL OR teams <@ held;
          held := ARRAY(SELECT DISTINCT x FROM unnest(held || teams) x);
          PERFORM pg_advisory_xact_lock(7350043, l.k)
             FROM (SELECT DISTINCT hashtext(x::text) AS k FROM unnest(held) x ORDER BY 1) l;
        END LOOP;
        PERFORM 1 FROM participant p WHERE p.id = ANY(people) ORDER BY p.id FOR NO KEY UPDATE;
        UPDATE participant p
           SET last_contact_on = e.last_contact_on, next_step_text = e.text, next_step_due = e.due
          FROM (SELECT x.id,
                       (SELECT max(c.last_day) FROM participant_contact c
                         WHERE c.participant_id = x.id) AS last_contact_on,
                       s.text, s.due
                  FROM participant x, participant_next_step(x.id, x.team_id) s
                 WHERE x.id = ANY(people)) e
         WHERE p.id = e.id
           AND (p.last_contact_on, p.next_step_text, p.next_step_due)
               IS DISTINCT FROM (e.last_contact_on, e.text, e.due);
      END $$`);

    await q.query(`
      CREATE FUNCTION participant_list_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        people uuid[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM refresh_participant_list_entries(NULL);
          RETURN NULL;
        ELSIF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT n.participant_id) INTO people FROM new_rows n;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT array_agg(DISTINCT x) INTO people FROM (
            SELECT n.participant_id AS x FROM new_rows n
             UNION SELECT o.participant_id FROM old_rows o) c;
        ELSE
          SELECT array_agg(DISTINCT o.participant_id) INTO people FROM old_rows o;
        END IF;
        people := array_remove(people, NULL);
        IF cardinality(people) > 0 THEN
          PERFORM refresh_participant_list_entries(people);
        END IF;
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE FUNCTION participant_list_entry_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT s.text, s.due INTO NEW.next_step_text, NEW.next_step_due
          FROM participant_next_step(NEW.id, NEW.team_id) s;
        RETURN NEW;
      END $$`);

    for (const [table, op, refs] of STATEMENT_TRIGGERS) {
      await q.query(
        `CREATE TRIGGER ${triggerName(table, op)} AFTER ${op} ON ${table} ${refs} ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION participant_list_entry_changed()`,
      );
    }
    await q.query(
      `CREATE TRIGGER list_entry_participant_move BEFORE UPDATE OF team_id ON participant ` +
        `FOR EACH ROW WHEN (NEW.team_id IS DISTINCT FROM OLD.team_id) ` +
        `EXECUTE FUNCTION participant_list_entry_moved()`,
    );

    await q.query(`SELECT refresh_participant_list_entries(NULL)`);

    await q.query(`DROP INDEX "participant_team_list_idx"`);
    await q.query(
      `CREATE INDEX "participant_team_list_idx" ON "participant" ` +
        `("team_id", lower("last_name"), lower("first_name"), "id", ${NAME_KEY}) ${LISTED}`,
    );
    await q.query(
      `CREATE INDEX "participant_team_contact_list_idx" ON "participant" ` +
        `("team_id", "last_contact_on" NULLS FIRST, lower("last_name"), lower("first_name"), "id", ${NAME_KEY}) ${LISTED}`,
    );
    await q.query(
      `CREATE INDEX "participant_list_idx" ON "participant" ` +
        `(lower("last_name"), lower("first_name"), "id") ${LISTED}`,
    );
    await q.query(
      `CREATE INDEX "participant_contact_list_idx" ON "participant" ` +
        `("last_contact_on" NULLS FIRST, lower("last_name"), lower("first_name"), "id") ${LISTED}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "participant_contact_list_idx"`);
    await q.query(`DROP INDEX "participant_list_idx"`);
    await q.query(`DROP INDEX "participant_team_contact_list_idx"`);
    await q.query(`DROP INDEX "participant_team_list_idx"`);
    await q.query(TEAM_LIST_OLD);
    await q.query(`DROP TRIGGER list_entry_participant_move ON participant`);
    for (const [table, op] of [...STATEMENT_TRIGGERS].reverse()) {
      await q.query(`DROP TRIGGER ${triggerName(table, op)} ON ${table}`);
    }
    await q.query(`DROP FUNCTION participant_list_entry_moved`);
    await q.query(`DROP FUNCTION participant_list_entry_changed`);
    await q.query(`DROP FUNCTION refresh_participant_list_entries`);
    await q.query(`DROP FUNCTION participant_next_step`);
    await q.query(`ALTER TABLE participant
      DROP COLUMN next_step_due, DROP COLUMN next_step_text, DROP COLUMN last_contact_on`);
  }
}
