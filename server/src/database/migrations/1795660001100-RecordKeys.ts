import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record keys of SPEC §14's cell key method: every counted record gets a
 * random number in [0, 1) when it is stored, never shown and never changed.
 * `random()` is volatile, so adding the column rewrites each table and gives
 * every existing row a key of its own; new rows get theirs from the default.
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
    for (const table of RECORD_KEY_TABLES) {
      await q.query(
        `ALTER TABLE "${table}" ADD "record_key" double precision NOT NULL DEFAULT random()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of RECORD_KEY_TABLES) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "record_key"`);
    }
  }
}
