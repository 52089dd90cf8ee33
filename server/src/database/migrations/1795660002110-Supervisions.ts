import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Supervision records (SPEC §11): a supervisor meets a worker of the team, one
 * to one or in a group; the record carries the worker's team. One is 1 to 1440
 * minutes. This migration holds its own SQL (the formats are written out).
 */
export class Supervisions1795660002110 implements MigrationInterface {
  name = 'Supervisions1795660002110';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "supervision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "held_on" date NOT NULL, "minutes" integer NOT NULL, "format" character varying(16) NOT NULL, "topics" text, "action_items" text, "version" integer NOT NULL DEFAULT '1', ` +
        `CONSTRAINT "supervision_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440), ` +
        `CONSTRAINT "supervision_format_check" CHECK ("format" IN ('individual', 'group')), ` +
        `CONSTRAINT "supervision_not_self_check" CHECK ("worker_id" <> "supervisor_id"), ` +
        `CONSTRAINT "PK_b5d162a80314f2d5e9e1cf712a2" PRIMARY KEY ("id"))`,
    );
    // "When was each worker last supervised": max(held_on) per worker, read from this index.
    await q.query(
      `CREATE INDEX "supervision_worker_on_idx" ON "supervision" ("worker_id", "held_on")`,
    );
    await q.query(`CREATE INDEX "supervision_team_on_idx" ON "supervision" ("team_id", "held_on")`);
    await q.query(
      `ALTER TABLE "supervision" ADD CONSTRAINT "supervision_team_fk" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision" ADD CONSTRAINT "supervision_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supervision" ADD CONSTRAINT "supervision_supervisor_fk" FOREIGN KEY ("supervisor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "supervision"`);
  }
}
