import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §14: time entries get a record key too, so the funder exports can
 * publish other hours by the cell key method. Like migration RecordKeys: a
 * random number in [0, 1) for every row, never changed (the trigger function
 * `keep_record_key` is that migration's).
 */
export class TimeEntryRecordKey1795660002100 implements MigrationInterface {
  name = 'TimeEntryRecordKey1795660002100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "time_entry" ADD "record_key" double precision NOT NULL DEFAULT random()`,
    );
    await q.query(
      `CREATE TRIGGER "time_entry_keep_record_key" BEFORE UPDATE OF record_key ON "time_entry"
         FOR EACH ROW WHEN (NEW.record_key IS DISTINCT FROM OLD.record_key)
         EXECUTE FUNCTION keep_record_key()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "time_entry_keep_record_key" ON "time_entry"`);
    await q.query(`ALTER TABLE "time_entry" DROP COLUMN "record_key"`);
  }
}
