import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Referrals that close the loop (SPEC §12). A handout's `outcome` becomes a
 * referral status (`pending`, `contacted`, `scheduled`, `connected`,
 * `not_connected`, `declined`, `no_capacity`, `not_eligible`) and every
 * change is kept in `history` ([{status, on, byId, note?}], oldest first).
 *
 * Existing handouts keep every value they had: each gets the step of its
 * creation (`pending` on `given_on`, by its worker) and, when an outcome was
 * recorded, that step on its `outcome_on` by whoever recorded it (the audit
 * trail's last update that moved it there, else the handout's worker). A
 * recorded outcome with no date takes the day of the handout's last change.
 *
 * The reports read the status and the day of the last step (`outcome_on`)
 * from the handout itself, never the history: the partial index serves the
 * "closed in the period" figures (medianDaysToOutcome). Declared on the
 * entity with `synchronize: false` (TypeORM cannot express INCLUDE).
 * This migration holds its own SQL (the statuses are written out).
 */
export class ReferralStatuses1795660002200 implements MigrationInterface {
  name = 'ReferralStatuses1795660002200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "handout" DROP CONSTRAINT "handout_outcome_check"`);
    await q.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "handout_outcome_check" CHECK ("outcome" IN ('pending', 'contacted', 'scheduled', 'connected', 'not_connected', 'declined', 'no_capacity', 'not_eligible'))`,
    );
    await q.query(`ALTER TABLE "handout" ADD "history" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `UPDATE "handout" h
          SET "outcome_on" = CASE WHEN h."outcome" = 'pending' THEN h."outcome_on"
                                  ELSE coalesce(h."outcome_on", greatest(h."given_on", h."updated_at"::date)) END,
              "history" = jsonb_build_array(
                jsonb_build_object('status', 'pending', 'on', to_char(h."given_on", 'YYYY-MM-DD'), 'byId', h."worker_id"))
                || CASE WHEN h."outcome" = 'pending' THEN '[]'::jsonb ELSE jsonb_build_array(
                     jsonb_build_object(
                       'status', h."outcome",
                       'on', to_char(coalesce(h."outcome_on", greatest(h."given_on", h."updated_at"::date)), 'YYYY-MM-DD'),
                       'byId', coalesce(
                         (SELECT a."actor_id" FROM "audit_event" a
                           WHERE a."entity_type" = 'handout' AND a."entity_id" = h."id"
                             AND a."action" = 'update' AND a."actor_id" IS NOT NULL
                             AND a."details" -> 'outcome' ->> 'to' = h."outcome"
                           ORDER BY a."seq" DESC LIMIT 1),
                         h."worker_id"))) END`,
    );
    await q.query(
      `CREATE INDEX "handout_closed_on_idx" ON "handout" ("outcome_on") ` +
        `INCLUDE ("team_id", "given_on", "outcome") ` +
        // Written as PostgreSQL prints it back, so the definition reads the same after a rebuild.
        `WHERE ("outcome")::text = ANY (ARRAY['connected'::text, 'not_connected'::text, ` +
        `'declined'::text, 'no_capacity'::text, 'not_eligible'::text])`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "handout_closed_on_idx"`);
    await q.query(`ALTER TABLE "handout" DROP CONSTRAINT "handout_outcome_check"`);
    await q.query(
      `UPDATE "handout" SET "outcome" = CASE WHEN "outcome" IN ('contacted', 'scheduled') THEN 'pending' ELSE 'not_connected' END, ` +
        `"outcome_on" = CASE WHEN "outcome" IN ('contacted', 'scheduled') THEN NULL ELSE "outcome_on" END ` +
        `WHERE "outcome" IN ('contacted', 'scheduled', 'no_capacity', 'not_eligible')`,
    );
    await q.query(
      `ALTER TABLE "handout" ADD CONSTRAINT "handout_outcome_check" CHECK ("outcome" IN ('pending', 'connected', 'not_connected', 'declined'))`,
    );
    await q.query(`ALTER TABLE "handout" DROP COLUMN "history"`);
  }
}
