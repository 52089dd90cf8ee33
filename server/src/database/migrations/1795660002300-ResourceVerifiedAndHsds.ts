import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory (SPEC §12): when each resource was last checked, and the Open
 * Referral (HSDS 3.0) ids a resource was imported under, so an import of the
 * same file again updates the same resources instead of adding copies.
 */
export class ResourceVerifiedAndHsds1795660002300 implements MigrationInterface {
  name = 'ResourceVerifiedAndHsds1795660002300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resource" ADD "last_verified_on" date`);
    await q.query(`ALTER TABLE "resource" ADD "hsds_service_id" character varying(250)`);
    await q.query(`ALTER TABLE "resource" ADD "hsds_organization_id" character varying(250)`);
    await q.query(`ALTER TABLE "resource" ADD "hsds_location_id" character varying(250)`);
    await q.query(`ALTER TABLE "resource" ADD "hsds_phone_id" character varying(250)`);
    await q.query(
      `CREATE UNIQUE INDEX "resource_hsds_service_id_key" ON "resource" ("hsds_service_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "resource_hsds_service_id_key"`);
    await q.query(`ALTER TABLE "resource" DROP COLUMN "hsds_phone_id"`);
    await q.query(`ALTER TABLE "resource" DROP COLUMN "hsds_location_id"`);
    await q.query(`ALTER TABLE "resource" DROP COLUMN "hsds_organization_id"`);
    await q.query(`ALTER TABLE "resource" DROP COLUMN "hsds_service_id"`);
    await q.query(`ALTER TABLE "resource" DROP COLUMN "last_verified_on"`);
  }
}
