import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildRollupsSql } from './1795650000000-ReportRollups';

/*
 * The activity summary's `participantsServed` counts the participants with an
 * attended day in the period. Reading each participant's days (a multirange,
 * compressed past a couple of hundred days) was most of the summary's time.
 * With the first attended day stored beside the last one, most rows settle it
 * without them: a first or last day inside the period means served, a last day
 * before it or a first day after it means not; only a period that falls
 * between a participant's first and last day reads their days.
 *
 * `rebuild_report_rollups()` now writes the roll-ups in the order of their keys,
 * as a database that grew day by day holds them, so that reading a period of
 * `team_day_activity` by its (day, team_id) key reads that period's pages only.
 */
export class ContactFirstDay1795650000003 implements MigrationInterface {
  name = 'ContactFirstDay1795650000003';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE participant_contact ADD COLUMN first_day date GENERATED ALWAYS AS (lower(days)) STORED`,
    );
    await q.query(rebuildRollupsSql(true));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(rebuildRollupsSql(false));
    await q.query(`ALTER TABLE participant_contact DROP COLUMN first_day`);
  }
}
