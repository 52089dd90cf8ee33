import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Outcome measures and safety alerts (SPEC §9). A measurement is never edited:
 * a wrong one is voided (voided_at, voided_by_id and a reason, all or none).
 * An alert is open until resolved with a written resolution (all or none).
 * This migration holds its own SQL (the enum lists are written out).
 */
export class Measures1795660000901 implements MigrationInterface {
  name = 'Measures1795660000901';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "measurement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "instrument" character varying(16) NOT NULL, "taken_on" date NOT NULL, "answers" smallint array NOT NULL, "score" smallint NOT NULL, "band" character varying(24) NOT NULL, "at_discharge" boolean NOT NULL DEFAULT false, "self_entered" boolean NOT NULL DEFAULT false, "administered_by_id" uuid NOT NULL, "voided_at" TIMESTAMP WITH TIME ZONE, "voided_by_id" uuid, "void_reason" character varying(500), ` +
        `CONSTRAINT "measurement_void_check" CHECK (("voided_at" IS NULL AND "voided_by_id" IS NULL AND "void_reason" IS NULL) OR ("voided_at" IS NOT NULL AND "voided_by_id" IS NOT NULL AND length(btrim("void_reason")) > 0)), ` +
        `CONSTRAINT "measurement_band_check" CHECK ("band" IN ('building', 'strong', 'minimal', 'mild', 'moderate', 'moderately_severe', 'severe')), ` +
        `CONSTRAINT "measurement_instrument_check" CHECK ("instrument" IN ('barc10', 'phq9', 'gad7')), ` +
        `CONSTRAINT "PK_742ff3cc0dcbbd34533a9071dfd" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "measurement_team_taken_idx" ON "measurement" ("team_id", "instrument", "taken_on")`,
    );
    await q.query(
      `CREATE INDEX "measurement_participant_idx" ON "measurement" ("participant_id", "instrument", "taken_on")`,
    );
    await q.query(
      `CREATE TABLE "safety_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "measurement_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "resolution" text, ` +
        `CONSTRAINT "safety_alert_resolved_check" CHECK (("resolved_at" IS NULL AND "resolved_by_id" IS NULL AND "resolution" IS NULL) OR ("resolved_at" IS NOT NULL AND "resolved_by_id" IS NOT NULL AND length(btrim("resolution")) > 0)), ` +
        `CONSTRAINT "safety_alert_kind_check" CHECK ("kind" IN ('phq9_item9')), ` +
        `CONSTRAINT "PK_5ccc96d2857b62ca06fd02b2652" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "safety_alert_team_open_idx" ON "safety_alert" ("team_id", "resolved_at")`,
    );
    await q.query(
      `CREATE INDEX "safety_alert_participant_idx" ON "safety_alert" ("participant_id")`,
    );
    const fk = (table: string, name: string, column: string, target: string) =>
      q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      );
    await fk('measurement', 'measurement_team_fk', 'team_id', 'team');
    await fk('measurement', 'measurement_participant_fk', 'participant_id', 'participant');
    await fk('measurement', 'measurement_administered_by_fk', 'administered_by_id', 'app_user');
    await fk('measurement', 'measurement_voided_by_fk', 'voided_by_id', 'app_user');
    await fk('safety_alert', 'safety_alert_team_fk', 'team_id', 'team');
    await fk('safety_alert', 'safety_alert_participant_fk', 'participant_id', 'participant');
    await fk('safety_alert', 'safety_alert_measurement_fk', 'measurement_id', 'measurement');
    await fk('safety_alert', 'safety_alert_resolved_by_fk', 'resolved_by_id', 'app_user');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "safety_alert"`);
    await q.query(`DROP TABLE "measurement"`);
  }
}
