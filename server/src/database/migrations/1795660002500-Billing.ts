import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §13 billing: payer profiles (admin), a participant's coverage (a
 * profile and member id, both or neither), and batches of claim lines; a
 * session's attendee is in at most one live (not voided) batch line.
 */
export class Billing1795660002500 implements MigrationInterface {
  name = 'Billing1795660002500';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "billing_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(120) NOT NULL, "code" character varying(16) NOT NULL, "modifiers" text array NOT NULL DEFAULT '{}', "group_modifier" character varying(2), "rounding" character varying(16) NOT NULL, "max_units_per_day" integer, "max_group_size" integer, "requires_active_plan" boolean NOT NULL DEFAULT false, "requires_cosign" boolean NOT NULL DEFAULT false, "requires_credential" boolean NOT NULL DEFAULT false, "unit_rate" numeric(10,2), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "billing_profile_limits_check" CHECK (("max_units_per_day" IS NULL OR "max_units_per_day" >= 1) AND ("max_group_size" IS NULL OR "max_group_size" >= 1) AND ("unit_rate" IS NULL OR "unit_rate" >= 0)), CONSTRAINT "billing_profile_modifiers_check" CHECK (cardinality("modifiers") + (CASE WHEN "group_modifier" IS NULL THEN 0 ELSE 1 END) <= 4), CONSTRAINT "billing_profile_rounding_check" CHECK ("rounding" IN ('floor15', 'eight_minute')), CONSTRAINT "PK_6408c6bdc5bcdf6ef353599e833" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "billing_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "created_by_id" uuid NOT NULL, "voided_at" TIMESTAMP WITH TIME ZONE, "voided_by_id" uuid, "void_reason" character varying(500), CONSTRAINT "PK_347090a09f7f34fc561f11dd065" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "billing_batch_team_idx" ON "billing_batch"  ("team_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "billing_claim_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "batch_id" uuid NOT NULL, "team_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "profile_id" uuid NOT NULL, "service_date" date NOT NULL, "member_id" character varying(40) NOT NULL, "member_name" character varying(210) NOT NULL, "code" character varying(16) NOT NULL, "modifiers" text array NOT NULL, "units" integer NOT NULL, "amount" numeric(12,2), "place_of_service" character varying(2) NOT NULL, "rendering_worker_id" uuid NOT NULL, "rendering_worker_name" character varying(200) NOT NULL, "credential" character varying(120), "note_id" uuid NOT NULL, "live" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_b4dc9d926471880193a16f87a70" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "billing_claim_line_batch_idx" ON "billing_claim_line"  ("batch_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "billing_claim_line_live_key" ON "billing_claim_line"  ("session_id", "participant_id") WHERE "live"`,
    );
    await q.query(`ALTER TABLE "participant" ADD "coverage_profile_id" uuid`);
    await q.query(`ALTER TABLE "participant" ADD "coverage_member_id" character varying(40)`);
    await q.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "participant_coverage_check" CHECK (("coverage_profile_id" IS NULL) = ("coverage_member_id" IS NULL))`,
    );
    await q.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "participant_coverage_profile_fk" FOREIGN KEY ("coverage_profile_id") REFERENCES "billing_profile"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "billing_batch" ADD CONSTRAINT "billing_batch_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "billing_batch" ADD CONSTRAINT "billing_batch_created_by_fk" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "billing_batch" ADD CONSTRAINT "billing_batch_voided_by_fk" FOREIGN KEY ("voided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "billing_claim_line" ADD CONSTRAINT "billing_claim_line_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "billing_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "billing_claim_line" DROP CONSTRAINT "billing_claim_line_batch_fk"`);
    await q.query(`ALTER TABLE "billing_batch" DROP CONSTRAINT "billing_batch_voided_by_fk"`);
    await q.query(`ALTER TABLE "billing_batch" DROP CONSTRAINT "billing_batch_created_by_fk"`);
    await q.query(`ALTER TABLE "billing_batch" DROP CONSTRAINT "billing_batch_team_fk"`);
    await q.query(`ALTER TABLE "participant" DROP CONSTRAINT "participant_coverage_profile_fk"`);
    await q.query(`ALTER TABLE "participant" DROP CONSTRAINT "participant_coverage_check"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "coverage_member_id"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "coverage_profile_id"`);
    await q.query(`DROP INDEX "public"."billing_claim_line_live_key"`);
    await q.query(`DROP INDEX "public"."billing_claim_line_batch_idx"`);
    await q.query(`DROP TABLE "billing_claim_line"`);
    await q.query(`DROP INDEX "public"."billing_batch_team_idx"`);
    await q.query(`DROP TABLE "billing_batch"`);
    await q.query(`DROP TABLE "billing_profile"`);
  }
}
