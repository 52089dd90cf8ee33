import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The hashes of refresh tokens a sign-in session has rotated away from, so a
 * rotated token presented again (a copied one) ends the session (SPEC §4).
 */
export class RotatedRefreshTokens1795660000101 implements MigrationInterface {
  name = 'RotatedRefreshTokens1795660000101';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "auth_rotated_token" ("token_hash" character varying(64) NOT NULL, "session_id" uuid NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f08b08adc6a3594c4dedc0e4565" PRIMARY KEY ("token_hash"))`,
    );
    await q.query(
      `CREATE INDEX "auth_rotated_token_session_idx" ON "auth_rotated_token"  ("session_id") `,
    );
    await q.query(
      `ALTER TABLE "auth_rotated_token" ADD CONSTRAINT "FK_e4c9cb578462dddb999105e6d4b" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "auth_rotated_token" DROP CONSTRAINT "FK_e4c9cb578462dddb999105e6d4b"`,
    );
    await q.query(`DROP INDEX "public"."auth_rotated_token_session_idx"`);
    await q.query(`DROP TABLE "auth_rotated_token"`);
  }
}
