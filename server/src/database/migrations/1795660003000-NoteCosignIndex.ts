import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Notes waiting for a co-signature (SPEC §8), found without reading every
 * signed note. The caseload report's `notesAwaitingCosign` and the
 * supervisor's co-signature queue ask for a team's signed notes that still
 * need a co-signature; `session_note_team_status_idx` finds every signed note
 * of the team (about 40,000 a team at full size, nearly all co-signed or never
 * needing it) and the table is read to keep the few dozen waiting. A partial
 * index holds only the waiting notes, by team and signer.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */
export class NoteCosignIndex1795660003000 implements MigrationInterface {
  name = 'NoteCosignIndex1795660003000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "session_note_awaiting_cosign_idx" ON "session_note" ("team_id", "signed_by_id") ` +
        `WHERE "status" = 'signed' AND "cosign_required"`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."session_note_awaiting_cosign_idx"`);
  }
}
