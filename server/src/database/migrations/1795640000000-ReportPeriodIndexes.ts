import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the period filters of the reports (SPEC §5), which TypeORM
 * cannot express (INCLUDE columns, partial indexes); each is declared on its
 * entity with `synchronize: false`. An admin's report covers the whole
 * organisation, so it filters on the date alone: the (team_id, date) indexes
 * cannot serve it and the tables were read in full. The INCLUDEd columns are
 * the ones the report reads, so each is an index-only scan.
 */
export class ReportPeriodIndexes1795640000000 implements MigrationInterface {
  name = 'ReportPeriodIndexes1795640000000';

  public async up(q: QueryRunner): Promise<void> {
    // Sessions of a period (SESSIONS_SQL, ATTENDANCE_SQL, the caseload window for the whole
    // organisation): id joins the attendance, type, setting and duration are counted and summed.
    await q.query(
      `CREATE INDEX "support_session_starts_cover_idx" ON "support_session" ("starts_at") ` +
        `INCLUDE ("id", "team_id", "type", "setting", "duration_minutes")`,
    );
    // The attended rows of given sessions (ATTENDANCE_SQL, the caseload's `contacted`):
    // index-only, without reading the no-show and cancelled rows from the table.
    await q.query(
      `CREATE INDEX "attendance_attended_idx" ON "attendance" ("session_id", "participant_id") ` +
        `WHERE "status" = 'attended'`,
    );
    // Handouts given in a period, by resource and outcome (HANDOUTS_SQL).
    await q.query(
      `CREATE INDEX "handout_given_cover_idx" ON "handout" ("given_on") ` +
        `INCLUDE ("team_id", "resource_id", "outcome")`,
    );
    // Advocacy actions opened in a period, by category and level (ADVOCACY_SQL).
    await q.query(
      `CREATE INDEX "advocacy_action_opened_cover_idx" ON "advocacy_action" ("opened_on") ` +
        `INCLUDE ("team_id", "category", "level")`,
    );
    // Advocacy actions completed in a period (PEOPLE_SQL); most are still open, so partial.
    await q.query(
      `CREATE INDEX "advocacy_action_completed_idx" ON "advocacy_action" ("completed_on") ` +
        `INCLUDE ("team_id") WHERE "completed_on" IS NOT NULL`,
    );
    // Decision notes discussed in a period (PEOPLE_SQL).
    await q.query(
      `CREATE INDEX "decision_note_discussed_idx" ON "decision_note" ("discussed_on") INCLUDE ("team_id")`,
    );
    // Participants enrolled in a period (PEOPLE_SQL).
    await q.query(
      `CREATE INDEX "participant_enrolled_idx" ON "participant" ("enrolled_on") INCLUDE ("team_id")`,
    );
    // Participants discharged in a period (PEOPLE_SQL); only discharged ones have a date, so partial.
    await q.query(
      `CREATE INDEX "participant_discharged_idx" ON "participant" ("discharged_on") ` +
        `INCLUDE ("team_id") WHERE "discharged_on" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "participant_discharged_idx"`);
    await q.query(`DROP INDEX "participant_enrolled_idx"`);
    await q.query(`DROP INDEX "decision_note_discussed_idx"`);
    await q.query(`DROP INDEX "advocacy_action_completed_idx"`);
    await q.query(`DROP INDEX "advocacy_action_opened_cover_idx"`);
    await q.query(`DROP INDEX "handout_given_cover_idx"`);
    await q.query(`DROP INDEX "attendance_attended_idx"`);
    await q.query(`DROP INDEX "support_session_starts_cover_idx"`);
  }
}
