import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Participants served in a period without reading every person's attended
 * days. `participant_contact` keeps a row per person and team with their
 * attended days (a multirange, about 3 kB a row at full size) and the first and
 * last of them. Most rows are settled by the first and last day alone; an
 * index of those two days, carrying the person and the team, answers them
 * from the index, and only a person whose first day is before the period and
 * last day after it has their days read.
 *
 * This migration holds its own SQL (it is frozen once on main).
 */
export class ContactPeriodIndex1795660003200 implements MigrationInterface {
  name = 'ContactPeriodIndex1795660003200';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "participant_contact_period_idx" ON "participant_contact" ("last_day", "first_day") ` +
        `INCLUDE ("participant_id", "team_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."participant_contact_period_idx"`);
  }
}
