import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Recovery plans (SPEC §7): one row per version of a participant's plan, the
 * goals of each version (a goal keeps its `goal_id` from version to version,
 * so (plan_id, goal_id) is the key and `goal_id` alone is indexed for the
 * notes that link to it) and the reviews of a plan in use. At most one
 * version of a participant is active, and version numbers of versions that
 * were ever in use never repeat: both are partial unique indexes.
 */

export class RecoveryPlans1795660000610 implements MigrationInterface {
  name = 'RecoveryPlans1795660000610';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "recovery_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "version_no" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "strengths" text, "what_matters" text, "wellness" jsonb NOT NULL, "participant_agreed_on" date, "activated_on" date, "activated_by_id" uuid, "review_due_on" date, "last_reviewed_on" date, "superseded_on" date, "based_on_plan_id" uuid, "created_by_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "recovery_plan_activation_check" CHECK (("status" = 'draft') = ("activated_on" IS NULL) AND ("status" = 'superseded') = ("superseded_on" IS NOT NULL)), CONSTRAINT "recovery_plan_status_check" CHECK ("status" IN ('draft', 'active', 'superseded')), CONSTRAINT "PK_5ab427062f1b2e8413bb6f1041d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_team_review_idx" ON "recovery_plan"  ("team_id", "review_due_on") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recovery_plan_version_no_idx" ON "recovery_plan"  ("participant_id", "version_no") WHERE "status" <> 'draft'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recovery_plan_one_active_idx" ON "recovery_plan"  ("participant_id") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_participant_idx" ON "recovery_plan"  ("participant_id", "version_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_plan_goal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "goal_id" uuid NOT NULL, "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "position" integer NOT NULL, "life_area" character varying(16) NOT NULL, "statement" text NOT NULL, "steps" jsonb NOT NULL, "target_on" date, "status" character varying(16) NOT NULL DEFAULT 'active', CONSTRAINT "recovery_plan_goal_status_check" CHECK ("status" IN ('active', 'achieved', 'paused', 'discontinued')), CONSTRAINT "recovery_plan_goal_life_area_check" CHECK ("life_area" IN ('emotional', 'environmental', 'financial', 'intellectual', 'occupational', 'physical', 'social', 'spiritual')), CONSTRAINT "PK_deed22e7aea505f2b56731cc5e0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_goal_participant_idx" ON "recovery_plan_goal"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_goal_goal_idx" ON "recovery_plan_goal"  ("goal_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recovery_plan_goal_plan_goal_key" ON "recovery_plan_goal"  ("plan_id", "goal_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_plan_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan_id" uuid NOT NULL, "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "reviewed_on" date NOT NULL, "reviewed_by_id" uuid NOT NULL, "review_due_on" date NOT NULL, CONSTRAINT "PK_dd17c104900172edea857a00a64" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_review_participant_idx" ON "recovery_plan_review"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_plan_review_plan_idx" ON "recovery_plan_review"  ("plan_id", "reviewed_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" ADD CONSTRAINT "FK_c6b2b6924153d1ade8324152956" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" ADD CONSTRAINT "FK_90f165b737ce1c5683618f139ef" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" ADD CONSTRAINT "FK_4d7cc8406c3f10bb4450ba63737" FOREIGN KEY ("activated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" ADD CONSTRAINT "FK_73c180ea1b9883b2d7e33839fe8" FOREIGN KEY ("based_on_plan_id") REFERENCES "recovery_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" ADD CONSTRAINT "FK_3ef03468d7073f637991c070980" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" ADD CONSTRAINT "FK_5868de384a22458d5fb13d5385a" FOREIGN KEY ("plan_id") REFERENCES "recovery_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" ADD CONSTRAINT "FK_492a2c680f3afea828f7b5939bd" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" ADD CONSTRAINT "FK_468e6ae8be028474ec975feb674" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" ADD CONSTRAINT "FK_e0b5043deeac82d58126326fff5" FOREIGN KEY ("plan_id") REFERENCES "recovery_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" ADD CONSTRAINT "FK_cab1f305e6d2269d6ac11ed35bf" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" ADD CONSTRAINT "FK_f38b46551f925c3557c4b4ba2c0" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" ADD CONSTRAINT "FK_eadf9ba287690f8d3f28de5e08b" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" DROP CONSTRAINT "FK_eadf9ba287690f8d3f28de5e08b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" DROP CONSTRAINT "FK_f38b46551f925c3557c4b4ba2c0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" DROP CONSTRAINT "FK_cab1f305e6d2269d6ac11ed35bf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_review" DROP CONSTRAINT "FK_e0b5043deeac82d58126326fff5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" DROP CONSTRAINT "FK_468e6ae8be028474ec975feb674"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" DROP CONSTRAINT "FK_492a2c680f3afea828f7b5939bd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan_goal" DROP CONSTRAINT "FK_5868de384a22458d5fb13d5385a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" DROP CONSTRAINT "FK_3ef03468d7073f637991c070980"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" DROP CONSTRAINT "FK_73c180ea1b9883b2d7e33839fe8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" DROP CONSTRAINT "FK_4d7cc8406c3f10bb4450ba63737"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" DROP CONSTRAINT "FK_90f165b737ce1c5683618f139ef"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_plan" DROP CONSTRAINT "FK_c6b2b6924153d1ade8324152956"`,
    );
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_review_plan_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_review_participant_idx"`);
    await queryRunner.query(`DROP TABLE "recovery_plan_review"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_goal_plan_goal_key"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_goal_goal_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_goal_participant_idx"`);
    await queryRunner.query(`DROP TABLE "recovery_plan_goal"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_participant_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_one_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_version_no_idx"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_plan_team_review_idx"`);
    await queryRunner.query(`DROP TABLE "recovery_plan"`);
  }
}
