import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outcome measures each team takes (SPEC §9): BARC-10 until an admin chooses others. */
export class TeamInstruments1795660000900 implements MigrationInterface {
  name = 'TeamInstruments1795660000900';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "team" ADD "instruments" text array NOT NULL DEFAULT '{barc10}'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "team" DROP COLUMN "instruments"`);
  }
}
