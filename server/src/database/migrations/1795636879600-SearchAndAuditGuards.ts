import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What TypeORM cannot express from the entities:
 * - pg_trgm and a GIN trigram index on the lower-cased names, so
 *   `search` (a substring of first, last or preferred name, any case) uses an
 *   index instead of scanning every participant;
 * - the append-only guard on audit_event: UPDATE, DELETE and TRUNCATE are
 *   refused by the database itself, whoever connects.
 */
export class SearchAndAuditGuards1795636879600 implements MigrationInterface {
  name = 'SearchAndAuditGuards1795636879600';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `CREATE INDEX "participant_name_trgm_idx" ON "participant" USING gin ` +
        `((lower("first_name" || ' ' || "last_name" || ' ' || coalesce("preferred_name", ''))) gin_trgm_ops)`,
    );
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "audit_event" ` +
        `FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await q.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_no_truncate ON "audit_event"`);
    await q.query(`DROP TRIGGER audit_event_no_change ON "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP INDEX "participant_name_trgm_idx"`);
  }
}
