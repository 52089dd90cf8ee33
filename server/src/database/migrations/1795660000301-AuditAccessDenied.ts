import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * `access_denied` joins the audit actions (SPEC §3): a request for another
 * team's record is answered 404 and recorded, so admins can see who probes
 * other teams. Recent refusals are counted per user for the admin's warning
 * (`GET /api/audit/warnings`); the partial index keeps that count to the few
 * rows it reads however long the trail grows.
 */
export class AuditAccessDenied1795660000301 implements MigrationInterface {
  name = 'AuditAccessDenied1795660000301';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_action_check"`);
    await q.query(
      `ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_action_check" CHECK ("action" IN ('read', 'create', 'update', 'delete', 'export', 'login', 'login_failed', 'access_denied'))`,
    );
    await q.query(
      `CREATE INDEX "audit_event_denied_at_idx" ON "audit_event" ("at", "actor_id") WHERE "action" = 'access_denied'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "audit_event_denied_at_idx"`);
    await q.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_action_check"`);
    await q.query(
      `ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_action_check" CHECK ("action" IN ('read', 'create', 'update', 'delete', 'export', 'login', 'login_failed'))`,
    );
  }
}
