import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Consent to share and the accounting of disclosures (SPEC §10). A consent
 * needs an expiry (a date or an event), lists at least one kind of
 * information, and covers substance use records only as a Part 2 consent; a
 * revocation names who recorded it and is not before the signature. A
 * disclosure is made under a consent, or in an emergency with a written
 * reason (never both). This migration holds its own SQL.
 */
export class Consents1795660001000 implements MigrationInterface {
  name = 'Consents1795660001000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "recipient" character varying(200) NOT NULL, "purpose" character varying(1000) NOT NULL, "information" text array NOT NULL, "part2" boolean NOT NULL, "signed_on" date NOT NULL, "expires_on" date, "expires_on_event" character varying(500), "event_occurred_on" date, "revoked_on" date, "revoked_by_id" uuid, "recorded_by_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "consent_revoked_check" CHECK (("revoked_on" IS NULL) = ("revoked_by_id" IS NULL) AND ("revoked_on" IS NULL OR "revoked_on" >= "signed_on")), CONSTRAINT "consent_expiry_check" CHECK ("expires_on" IS NOT NULL OR "expires_on_event" IS NOT NULL), CONSTRAINT "consent_part2_check" CHECK ("part2" OR NOT ('substance_use_records' = ANY("information"))), CONSTRAINT "consent_information_not_empty_check" CHECK (cardinality("information") > 0), CONSTRAINT "consent_information_check" CHECK ("information" <@ ARRAY['attendance', 'plan', 'notes', 'measures', 'advocacy', 'contact_details', 'substance_use_records']::text[]), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "consent_team_expires_idx" ON "consent" ("team_id", "expires_on")`);
    await q.query(
      `CREATE INDEX "consent_participant_idx" ON "consent" ("participant_id", "signed_on")`,
    );
    await q.query(
      `CREATE TABLE "disclosure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "recipient" character varying(200) NOT NULL, "information" text array NOT NULL, "disclosed_on" date NOT NULL, "method" character varying(16) NOT NULL, "consent_id" uuid, "emergency" boolean NOT NULL DEFAULT false, "reason" character varying(2000), "purpose" character varying(2000) NOT NULL, "by_id" uuid NOT NULL, CONSTRAINT "disclosure_basis_check" CHECK (("emergency" AND "consent_id" IS NULL AND length(btrim("reason")) > 0) OR (NOT "emergency" AND "consent_id" IS NOT NULL AND "reason" IS NULL)), CONSTRAINT "disclosure_method_check" CHECK ("method" IN ('in_person', 'phone', 'email', 'fax', 'mail', 'portal', 'other')), CONSTRAINT "disclosure_information_not_empty_check" CHECK (cardinality("information") > 0), CONSTRAINT "disclosure_information_check" CHECK ("information" <@ ARRAY['attendance', 'plan', 'notes', 'measures', 'advocacy', 'contact_details', 'substance_use_records']::text[]), CONSTRAINT "PK_b8eace3be471f4a07b7fce9f4d6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "disclosure_consent_idx" ON "disclosure" ("consent_id")`);
    await q.query(
      `CREATE INDEX "disclosure_participant_idx" ON "disclosure" ("participant_id", "disclosed_on")`,
    );
    await q.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_revoked_by_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_consent_fk" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_by_fk" FOREIGN KEY ("by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "disclosure"`);
    await q.query(`DROP TABLE "consent"`);
  }
}
