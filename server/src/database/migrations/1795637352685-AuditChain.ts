import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit hash chain (audit/audit-chain.entity.ts), append-only like the trail itself. */
export class AuditChain1795637352685 implements MigrationInterface {
  name = 'AuditChain1795637352685';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_chain" ("seq" bigint NOT NULL, "hash" character(64) NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d31e87c3f18459d04fe709c30a5" PRIMARY KEY ("seq"))`,
    );
    await q.query(
      `CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON "audit_chain" ` +
        `FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON "audit_chain" ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_chain"`);
  }
}
