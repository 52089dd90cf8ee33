import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The signed copy of a consent (SPEC §10, Common rules): one scan a consent,
 * a PDF, PNG or JPEG of 1 byte to 5 MB, its type read from its content,
 * kept in the database with the team and person it belongs to (so it moves
 * with them). This migration holds its own SQL.
 */
export class ConsentScans1795660002400 implements MigrationInterface {
  name = 'ConsentScans1795660002400';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "consent_scan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "consent_id" uuid NOT NULL, "content_type" character varying(16) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by_id" uuid NOT NULL, ` +
        `CONSTRAINT "consent_scan_consent_key" UNIQUE ("consent_id"), ` +
        `CONSTRAINT "consent_scan_size_check" CHECK ("size_bytes" BETWEEN 1 AND 5242880 AND "size_bytes" = octet_length("content")), ` +
        `CONSTRAINT "consent_scan_type_check" CHECK ("content_type" IN ('application/pdf', 'image/png', 'image/jpeg')), ` +
        `CONSTRAINT "PK_aadd16b582af24133e4eaa45a75" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "consent_scan_participant_idx" ON "consent_scan" ("participant_id")`,
    );
    await q.query(
      `ALTER TABLE "consent_scan" ADD CONSTRAINT "consent_scan_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent_scan" ADD CONSTRAINT "consent_scan_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent_scan" ADD CONSTRAINT "consent_scan_consent_fk" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent_scan" ADD CONSTRAINT "consent_scan_uploaded_by_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "consent_scan"`);
  }
}
