import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Time entries (SPEC §11): work outside sessions, by kind, with the worker's
 * team. One entry is 1 to 1440 minutes. This migration holds its own SQL (the
 * kinds are written out).
 */
export class TimeEntries1795660001200 implements MigrationInterface {
  name = 'TimeEntries1795660001200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "time_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "worked_on" date NOT NULL, "minutes" integer NOT NULL, "kind" character varying(24) NOT NULL, "note" text, "version" integer NOT NULL DEFAULT '1', ` +
        `CONSTRAINT "time_entry_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440), ` +
        `CONSTRAINT "time_entry_kind_check" CHECK ("kind" IN ('outreach', 'travel', 'documentation', 'training', 'supervision', 'community_event', 'admin')), ` +
        `CONSTRAINT "PK_8bc1870af1779c749f9026ec508" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "time_entry_worker_on_idx" ON "time_entry" ("worker_id", "worked_on")`,
    );
    await q.query(`CREATE INDEX "time_entry_team_on_idx" ON "time_entry" ("team_id", "worked_on")`);
    await q.query(
      `ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "time_entry"`);
  }
}
