import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795636879599 implements MigrationInterface {
  name = 'Initial1795636879599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(120) NOT NULL, CONSTRAINT "UQ_cf461f5b40cf1a2b8876011e1e1" UNIQUE ("name"), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "display_name" character varying(120) NOT NULL, "role" character varying(16) NOT NULL, "team_id" uuid, "active" boolean NOT NULL DEFAULT true, "password_hash" text NOT NULL, CONSTRAINT "UQ_3fa909d0e37c531ebc237703391" UNIQUE ("email"), CONSTRAINT "app_user_team_check" CHECK ("role" = 'admin' OR "team_id" IS NOT NULL), CONSTRAINT "app_user_role_check" CHECK ("role" IN ('worker', 'supervisor', 'admin')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "app_user_team_idx" ON "app_user"  ("team_id") `);
    await queryRunner.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "preferred_name" character varying(100), "pronouns" character varying(40), "date_of_birth" date, "phone" character varying(40), "email" character varying(254), "participant_type" character varying(20) NOT NULL DEFAULT 'individual', "focus_areas" text array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'active', "enrolled_on" date NOT NULL, "discharged_on" date, "primary_worker_id" uuid, "consent_to_services_on" date, "consent_to_share_on" date, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "participant_focus_areas_check" CHECK ("focus_areas" <@ ARRAY['depression', 'anxiety', 'bipolar', 'psychosis', 'trauma', 'substance_use', 'eating_disorder', 'general_wellbeing']::text[]), CONSTRAINT "participant_type_check" CHECK ("participant_type" IN ('individual', 'family_caregiver')), CONSTRAINT "participant_status_check" CHECK ("status" IN ('active', 'inactive', 'discharged')), CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "participant_worker_status_idx" ON "participant"  ("primary_worker_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "participant_team_status_idx" ON "participant"  ("team_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "advocacy_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid, "level" character varying(16) NOT NULL, "category" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "status" character varying(16) NOT NULL DEFAULT 'open', "outcome" text, "opened_on" date NOT NULL, "due_on" date, "completed_on" date, "worker_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "advocacy_action_participant_check" CHECK (("level" = 'individual') = ("participant_id" IS NOT NULL)), CONSTRAINT "advocacy_action_status_check" CHECK ("status" IN ('open', 'in_progress', 'done', 'cancelled')), CONSTRAINT "advocacy_action_category_check" CHECK ("category" IN ('healthcare_navigation', 'housing', 'benefits', 'legal', 'employment', 'education', 'discrimination', 'policy', 'other')), CONSTRAINT "advocacy_action_level_check" CHECK ("level" IN ('individual', 'systemic')), CONSTRAINT "PK_4f874ba3c123f437f4e4fbf075b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "advocacy_action_participant_idx" ON "advocacy_action"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "advocacy_action_worker_status_idx" ON "advocacy_action"  ("worker_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "advocacy_action_team_opened_idx" ON "advocacy_action"  ("team_id", "opened_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor_id" uuid, "action" character varying(16) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" uuid, "participant_id" uuid, "team_id" uuid, "details" jsonb, CONSTRAINT "audit_event_action_check" CHECK ("action" IN ('read', 'create', 'update', 'delete', 'export', 'login', 'login_failed')), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_event_seq_idx" ON "audit_event"  ("seq") `);
    await queryRunner.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event"  ("at") `);
    await queryRunner.query(
      `CREATE INDEX "audit_event_actor_at_idx" ON "audit_event"  ("actor_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_participant_at_idx" ON "audit_event"  ("participant_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_event_team_at_idx" ON "audit_event"  ("team_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_dcf5c3ee6b3682ac4e724dc9496" UNIQUE ("token_hash"), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_session_user_idx" ON "auth_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("id" BIGSERIAL NOT NULL, "email_key" character varying(254) NOT NULL, "ip" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "login_failure_account_idx" ON "login_failure"  ("email_key", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "decision_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "discussed_on" date NOT NULL, "topic" character varying(200) NOT NULL, "options" jsonb NOT NULL, "participant_priorities" text, "decision" text, "decided_by" character varying(16) NOT NULL, "next_steps" text, "follow_up_on" date, CONSTRAINT "decision_note_decided_by_check" CHECK ("decided_by" IN ('participant', 'shared', 'deferred')), CONSTRAINT "PK_0f77682ffd0d65683cb58043b6e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "decision_note_participant_idx" ON "decision_note"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "decision_note_team_discussed_idx" ON "decision_note"  ("team_id", "discussed_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "resource" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "category" character varying(32) NOT NULL, "description" text, "phone" character varying(40), "url" character varying(500), "address" character varying(300), "tags" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "resource_category_check" CHECK ("category" IN ('crisis', 'mental_health_treatment', 'substance_use_treatment', 'housing', 'food', 'employment', 'benefits', 'legal', 'peer_support_group', 'education', 'transportation', 'other')), CONSTRAINT "PK_e2894a5867e06ae2e8889f1173f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "resource_category_idx" ON "resource"  ("category", "active") `,
    );
    await queryRunner.query(
      `CREATE TABLE "handout" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "resource_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "given_on" date NOT NULL, "method" character varying(16) NOT NULL, "note" text, "follow_up_on" date, "outcome" character varying(16) NOT NULL DEFAULT 'pending', "outcome_on" date, CONSTRAINT "handout_outcome_check" CHECK ("outcome" IN ('pending', 'connected', 'not_connected', 'declined')), CONSTRAINT "handout_method_check" CHECK ("method" IN ('printed', 'email', 'text', 'warm_handoff', 'verbal')), CONSTRAINT "PK_feee21b29d8892900b16a4d3b0e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "handout_worker_outcome_idx" ON "handout"  ("worker_id", "outcome", "follow_up_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "handout_participant_idx" ON "handout"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "handout_team_given_idx" ON "handout"  ("team_id", "given_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "support_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "setting" character varying(20) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "title" character varying(200), "activities" text array NOT NULL DEFAULT '{}', "notes" text, "facilitator_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "support_session_duration_check" CHECK ("duration_minutes" BETWEEN 1 AND 720), CONSTRAINT "support_session_activities_check" CHECK ("activities" <@ ARRAY['coping_strategies', 'social_skills', 'health_literacy', 'shared_decision_making', 'advocacy', 'resource_sharing', 'emotional_support']::text[]), CONSTRAINT "support_session_setting_check" CHECK ("setting" IN ('community_center', 'hospital', 'clinic', 'online', 'phone', 'home_visit', 'other')), CONSTRAINT "support_session_type_check" CHECK ("type" IN ('support_group', 'one_to_one_mentoring', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), CONSTRAINT "PK_b7ce66434e7eef5da0554e2e25d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "support_session_facilitator_starts_idx" ON "support_session"  ("facilitator_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "support_session_team_starts_idx" ON "support_session"  ("team_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "attendance" ("session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "note" text, CONSTRAINT "attendance_status_check" CHECK ("status" IN ('attended', 'absent', 'excused')), CONSTRAINT "PK_326cd8f8de4b272892991fff0e4" PRIMARY KEY ("session_id", "participant_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "attendance_participant_idx" ON "attendance"  ("participant_id", "session_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_1fdf67ee935e78f5d7842795467" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "FK_e76dadf6aed716cda26734eab52" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "FK_0a96f8fee980415737f9e7a4e1a" FOREIGN KEY ("primary_worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" ADD CONSTRAINT "FK_37535db7d2123c456c7b3dce905" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" ADD CONSTRAINT "FK_0c9e45c6a2e6d0b0affea43cef6" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" ADD CONSTRAINT "FK_4cafadeed3c94338a03966b389c" FOREIGN KEY ("worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" ADD CONSTRAINT "FK_e38163934508e65aa372fa9baac" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" ADD CONSTRAINT "FK_07f2e9d2e3522e2e5b65b1675b0" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" ADD CONSTRAINT "FK_18120a72c88073a2fc58c23c6da" FOREIGN KEY ("worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "FK_a745f5a5aa8f58e4e70e87be379" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "FK_5c23c8c984d79f4612763d96a55" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "FK_ed26e5ca7f1ae9224a540a282cb" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "FK_ba65292daa4ba4ff0f81aeca8a1" FOREIGN KEY ("worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_session" ADD CONSTRAINT "FK_4e2a4023a37dbf08e5775be4c0b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_session" ADD CONSTRAINT "FK_3ff3be722915fcee1b466fc9d5c" FOREIGN KEY ("facilitator_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_5940f7beb6d791a618dbf88361e" FOREIGN KEY ("session_id") REFERENCES "support_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" ADD CONSTRAINT "FK_145dc0e1cecc756483c09fcd4a5" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attendance" DROP CONSTRAINT "FK_145dc0e1cecc756483c09fcd4a5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "attendance" DROP CONSTRAINT "FK_5940f7beb6d791a618dbf88361e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_session" DROP CONSTRAINT "FK_3ff3be722915fcee1b466fc9d5c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "support_session" DROP CONSTRAINT "FK_4e2a4023a37dbf08e5775be4c0b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" DROP CONSTRAINT "FK_ba65292daa4ba4ff0f81aeca8a1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" DROP CONSTRAINT "FK_ed26e5ca7f1ae9224a540a282cb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" DROP CONSTRAINT "FK_5c23c8c984d79f4612763d96a55"`,
    );
    await queryRunner.query(
      `ALTER TABLE "handout" DROP CONSTRAINT "FK_a745f5a5aa8f58e4e70e87be379"`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" DROP CONSTRAINT "FK_18120a72c88073a2fc58c23c6da"`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" DROP CONSTRAINT "FK_07f2e9d2e3522e2e5b65b1675b0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "decision_note" DROP CONSTRAINT "FK_e38163934508e65aa372fa9baac"`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" DROP CONSTRAINT "FK_4cafadeed3c94338a03966b389c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" DROP CONSTRAINT "FK_0c9e45c6a2e6d0b0affea43cef6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "advocacy_action" DROP CONSTRAINT "FK_37535db7d2123c456c7b3dce905"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" DROP CONSTRAINT "FK_0a96f8fee980415737f9e7a4e1a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" DROP CONSTRAINT "FK_e76dadf6aed716cda26734eab52"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" DROP CONSTRAINT "FK_1fdf67ee935e78f5d7842795467"`,
    );
    await queryRunner.query(`DROP INDEX "public"."attendance_participant_idx"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP INDEX "public"."support_session_team_starts_idx"`);
    await queryRunner.query(`DROP INDEX "public"."support_session_facilitator_starts_idx"`);
    await queryRunner.query(`DROP TABLE "support_session"`);
    await queryRunner.query(`DROP INDEX "public"."handout_team_given_idx"`);
    await queryRunner.query(`DROP INDEX "public"."handout_participant_idx"`);
    await queryRunner.query(`DROP INDEX "public"."handout_worker_outcome_idx"`);
    await queryRunner.query(`DROP TABLE "handout"`);
    await queryRunner.query(`DROP INDEX "public"."resource_category_idx"`);
    await queryRunner.query(`DROP TABLE "resource"`);
    await queryRunner.query(`DROP INDEX "public"."decision_note_team_discussed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."decision_note_participant_idx"`);
    await queryRunner.query(`DROP TABLE "decision_note"`);
    await queryRunner.query(`DROP INDEX "public"."login_failure_account_idx"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP INDEX "public"."auth_session_user_idx"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_team_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_participant_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_actor_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_seq_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP INDEX "public"."advocacy_action_team_opened_idx"`);
    await queryRunner.query(`DROP INDEX "public"."advocacy_action_worker_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."advocacy_action_participant_idx"`);
    await queryRunner.query(`DROP TABLE "advocacy_action"`);
    await queryRunner.query(`DROP INDEX "public"."participant_team_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."participant_worker_status_idx"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_team_idx"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "team"`);
  }
}
