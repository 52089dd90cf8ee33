import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Recurring groups (SPEC §11): a group of the team meeting on one weekday, its
 * roster as memberships with the days each person joined and left (at most one
 * open membership per person and group), and `support_session.group_id` for
 * the meetings logged for a group. This migration holds its own SQL.
 */
export class RecurringGroups1795660002000 implements MigrationInterface {
  name = 'RecurringGroups1795660002000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "recurring_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "type" character varying(32) NOT NULL, "setting" character varying(20) NOT NULL, "weekday" character varying(9) NOT NULL, "start_time" character varying(5) NOT NULL, "duration_minutes" integer NOT NULL, "facilitator_ids" uuid array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "recurring_group_duration_check" CHECK ("duration_minutes" BETWEEN 1 AND 720), CONSTRAINT "recurring_group_start_time_check" CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "recurring_group_weekday_check" CHECK ("weekday" IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')), CONSTRAINT "recurring_group_setting_check" CHECK ("setting" IN ('community_center', 'hospital', 'clinic', 'online', 'phone', 'home_visit', 'other')), CONSTRAINT "recurring_group_type_check" CHECK ("type" IN ('support_group', 'condition_specific_group', 'family_support_group', 'online_forum', 'educational_group')), CONSTRAINT "PK_42fcc3c9343e4a5784f97dd145e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "recurring_group_team_weekday_idx" ON "recurring_group"  ("team_id", "weekday") `,
    );
    await q.query(
      `CREATE TABLE "group_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "group_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "joined_on" date NOT NULL, "left_on" date, CONSTRAINT "group_membership_dates_check" CHECK ("left_on" IS NULL OR "left_on" >= "joined_on"), CONSTRAINT "PK_b631623cf04fa74513b975e7059" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "group_membership_participant_idx" ON "group_membership"  ("participant_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "group_membership_open_idx" ON "group_membership"  ("group_id", "participant_id") WHERE "left_on" IS NULL`,
    );
    await q.query(`ALTER TABLE "support_session" ADD "group_id" uuid`);
    await q.query(
      `CREATE INDEX "support_session_group_starts_idx" ON "support_session"  ("group_id", "starts_at") `,
    );
    await q.query(
      `ALTER TABLE "recurring_group" ADD CONSTRAINT "recurring_group_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_fk" FOREIGN KEY ("group_id") REFERENCES "recurring_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "support_session" ADD CONSTRAINT "support_session_group_fk" FOREIGN KEY ("group_id") REFERENCES "recurring_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "support_session" DROP CONSTRAINT "support_session_group_fk"`);
    await q.query(`DROP INDEX "public"."support_session_group_starts_idx"`);
    await q.query(`ALTER TABLE "support_session" DROP COLUMN "group_id"`);
    await q.query(`DROP TABLE "group_membership"`);
    await q.query(`DROP TABLE "recurring_group"`);
  }
}
