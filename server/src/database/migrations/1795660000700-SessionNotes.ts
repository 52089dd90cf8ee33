import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session notes (SPEC §8): one note per attendee per session, signed by the
 * facilitator and, when the signer's `cosign_required` is set, co-signed by a
 * supervisor; each team's default note format.
 */
export class SessionNotes1795660000700 implements MigrationInterface {
  name = 'SessionNotes1795660000700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "format" character varying(8) NOT NULL, "sections" jsonb NOT NULL, "goal_ids" uuid array NOT NULL DEFAULT '{}', "status" character varying(10) NOT NULL DEFAULT 'draft', "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by_id" uuid, "late" boolean NOT NULL DEFAULT false, "cosign_required" boolean NOT NULL DEFAULT false, "cosigned_at" TIMESTAMP WITH TIME ZONE, "cosigned_by_id" uuid, "returned_comment" text, "returned_at" TIMESTAMP WITH TIME ZONE, "returned_by_id" uuid, "addenda" jsonb NOT NULL DEFAULT '[]', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "session_note_session_participant_key" UNIQUE ("session_id", "participant_id"), CONSTRAINT "session_note_cosigned_check" CHECK (("status" = 'cosigned') = ("cosigned_at" IS NOT NULL) AND ("cosigned_at" IS NULL) = ("cosigned_by_id" IS NULL)), CONSTRAINT "session_note_signed_check" CHECK (("status" = 'draft') = ("signed_at" IS NULL) AND ("signed_at" IS NULL) = ("signed_by_id" IS NULL)), CONSTRAINT "session_note_status_check" CHECK ("status" IN ('draft', 'signed', 'cosigned')), CONSTRAINT "session_note_format_check" CHECK ("format" IN ('free', 'girp', 'dap', 'birp')), CONSTRAINT "PK_6bd25def23415066440a308a308" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "session_note_signed_by_idx" ON "session_note"  ("signed_by_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "session_note_participant_idx" ON "session_note"  ("participant_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "session_note_team_status_idx" ON "session_note"  ("team_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "team" ADD "note_format" character varying(8) NOT NULL DEFAULT 'free'`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD "cosign_required" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "team" ADD CONSTRAINT "team_note_format_check" CHECK ("note_format" IN ('free', 'girp', 'dap', 'birp'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_ff792af4124276f505d29ac7836" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_04c4864421d801806756cc949c8" FOREIGN KEY ("session_id") REFERENCES "support_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_4256777374d1e45884b67fa136c" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_1d246a2a69d09129a338a26186b" FOREIGN KEY ("signed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_f94483631f6fdccdf4af7439181" FOREIGN KEY ("cosigned_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" ADD CONSTRAINT "FK_8a70cdcdf552fd7fb75ab167893" FOREIGN KEY ("returned_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_8a70cdcdf552fd7fb75ab167893"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_f94483631f6fdccdf4af7439181"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_1d246a2a69d09129a338a26186b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_4256777374d1e45884b67fa136c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_04c4864421d801806756cc949c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_note" DROP CONSTRAINT "FK_ff792af4124276f505d29ac7836"`,
    );
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "team_note_format_check"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "cosign_required"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "note_format"`);
    await queryRunner.query(`DROP INDEX "public"."session_note_team_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."session_note_participant_idx"`);
    await queryRunner.query(`DROP INDEX "public"."session_note_signed_by_idx"`);
    await queryRunner.query(`DROP TABLE "session_note"`);
  }
}
