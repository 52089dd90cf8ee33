import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §11: a worker's credential (e.g. "Certified Peer Recovery Specialist")
 * and the day it expires, warned on the agenda 90, 60 and 30 days ahead and
 * checked by billing (§13). An expiry needs a credential.
 */
export class Credentials1795660002190 implements MigrationInterface {
  name = 'Credentials1795660002190';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "app_user" ADD "credential" character varying(120), ` +
        `ADD "credential_expires_on" date`,
    );
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "app_user_credential_check" ` +
        `CHECK ("credential_expires_on" IS NULL OR "credential" IS NOT NULL)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "app_user_credential_check"`);
    await q.query(
      `ALTER TABLE "app_user" DROP COLUMN "credential_expires_on", DROP COLUMN "credential"`,
    );
  }
}
