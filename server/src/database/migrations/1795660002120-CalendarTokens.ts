import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The secret calendar feed of SPEC §11: a user may hold one calendar token.
 * Only its SHA-256 (hex) is stored; issuing a new one replaces it, so the old
 * address stops working.
 */
export class CalendarTokens1795660002120 implements MigrationInterface {
  name = 'CalendarTokens1795660002120';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "calendar_token_hash" character varying(64)`);
    await q.query(
      `CREATE UNIQUE INDEX "app_user_calendar_token_idx" ON "app_user" ("calendar_token_hash")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "app_user_calendar_token_idx"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "calendar_token_hash"`);
  }
}
