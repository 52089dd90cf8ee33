import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password an admin set as temporary: until the user changes it, every
 * endpoint but the password change and sign-out answers 403.
 */
export class MustChangePassword1795660000501 implements MigrationInterface {
  name = 'MustChangePassword1795660000501';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
