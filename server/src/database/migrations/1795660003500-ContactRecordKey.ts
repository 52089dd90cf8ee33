import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Each `participant_contact` row carries its participant's record key
 * (SPEC §14), so that the funder export's key of "participants served" is read
 * from `participant_contact_period_idx` alone, as the plain count is, instead
 * of looking up every person served in `participant` (at ten times today's
 * size 157,000 look-ups, 243 ms of the keyed statement's 258).
 *
 * A participant's record key is drawn once and never changes, so a BEFORE
 * INSERT trigger that copies it is all that keeps the two equal: every path
 * that writes a contact row (the roll-up triggers, their rebuild) inserts it,
 * and an `ON CONFLICT … DO UPDATE` keeps the key the row has. The trigger is
 * not a roll-up trigger: bulk loads leave it on.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */
export class ContactRecordKey1795660003500 implements MigrationInterface {
  name = 'ContactRecordKey1795660003500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant_contact ADD COLUMN record_key double precision`);
    await q.query(`
      UPDATE participant_contact pc SET record_key = p.record_key
        FROM participant p WHERE p.id = pc.participant_id`);
    await q.query(`ALTER TABLE participant_contact ALTER COLUMN record_key SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION participant_contact_record_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.record_key := (SELECT p.record_key FROM participant p WHERE p.id = NEW.participant_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER participant_contact_record_key BEFORE INSERT ON participant_contact
        FOR EACH ROW EXECUTE FUNCTION participant_contact_record_key()`);
    await q.query(`DROP INDEX participant_contact_period_idx`);
    await q.query(
      `CREATE INDEX participant_contact_period_idx ON participant_contact (last_day, first_day) ` +
        `INCLUDE (participant_id, team_id, record_key)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX participant_contact_period_idx`);
    await q.query(
      `CREATE INDEX participant_contact_period_idx ON participant_contact (last_day, first_day) ` +
        `INCLUDE (participant_id, team_id)`,
    );
    await q.query(`DROP TRIGGER participant_contact_record_key ON participant_contact`);
    await q.query(`DROP FUNCTION participant_contact_record_key()`);
    await q.query(`ALTER TABLE participant_contact DROP COLUMN record_key`);
  }
}
