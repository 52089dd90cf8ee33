import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Login throttling holds under a burst (SPEC §4): a failure row is written,
 * marked `pending`, before a password is checked, under a lock per account,
 * and removed if the password was right. Rows written before this migration
 * are failures (`pending` false).
 */
export class LoginAttemptReservation1795660000100 implements MigrationInterface {
  name = 'LoginAttemptReservation1795660000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_failure" ADD "pending" boolean NOT NULL DEFAULT false`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_failure" DROP COLUMN "pending"`);
  }
}
