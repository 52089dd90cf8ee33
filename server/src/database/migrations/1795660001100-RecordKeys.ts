import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record keys of SPEC §14's cell key method: every counted record gets a
 * random number in [0, 1) when it is stored, never shown and never changed.
 * `random()` is volatile, so adding the column rewrites each table and gives
 * every existing row a key of its own; new rows get theirs from the default.
 * A trigger keeps a key from being changed by any UPDATE.
 */
export const RECORD_KEY_TABLES = [
  'participant',
  'support_session',
  'attendance',
  'handout',
  'advocacy_action',
  'decision_note',
  'measurement',
] as const;

export class RecordKeys1795660001100 implements MigrationInterface {
  name = 'RecordKeys1795660001100';

  public async up(q: QueryRunner): Promise<void> {
    // A key never changes: an UPDATE that would change one keeps the old key.
    // The WHEN clause leaves every other update without the trigger's cost.
    await q.query(`
      CREATE FUNCTION keep_record_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.record_key := OLD.record_key;
        RETURN NEW;
      END $$`);
    for (const table of RECORD_KEY_TABLES) {
      await q.query(
        `ALTER TABLE "${table}" ADD "record_key" double precision NOT NULL DEFAULT random()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_keep_record_key" BEFORE UPDATE OF record_key ON "${table}"
           FOR EACH ROW WHEN (NEW.record_key IS DISTINCT FROM OLD.record_key)
           EXECUTE FUNCTION keep_record_key()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of RECORD_KEY_TABLES) {
      await q.query(`DROP TRIGGER "${table}_keep_record_key" ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "record_key"`);
    }
    await q.query(`DROP FUNCTION keep_record_key()`);
  }
}
