import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The funder export's cell keys (SPEC §14) from the same index-only scans as
 * its counts. The summary counts a period's handouts, advocacy actions,
 * decision notes, enrolments, discharges and time entries from indexes on
 * their dates that INCLUDE the columns it reads (migration
 * ReportPeriodIndexes), without reading the tables; the funder export also
 * sums their record keys, which only the tables held, so it read every row of
 * the period from the table (about 270,000 rows for a year at full size, most
 * of its cost). Each of those indexes is made again with `record_key`
 * included; time entries get such an index for the first time (the other
 * hours figure read the table: kind and minutes are included too).
 *
 * This migration holds its own SQL (it is frozen once on main).
 */

/** [index, table, key column, included columns (before), partial condition]. */
const INDEXES: [string, string, string, string[], string][] = [
  ['handout_given_cover_idx', 'handout', 'given_on', ['team_id', 'resource_id', 'outcome'], ''],
  [
    'advocacy_action_opened_cover_idx',
    'advocacy_action',
    'opened_on',
    ['team_id', 'category', 'level'],
    '',
  ],
  [
    'advocacy_action_completed_idx',
    'advocacy_action',
    'completed_on',
    ['team_id'],
    ' WHERE "completed_on" IS NOT NULL',
  ],
  ['decision_note_discussed_idx', 'decision_note', 'discussed_on', ['team_id'], ''],
  ['participant_enrolled_idx', 'participant', 'enrolled_on', ['team_id'], ''],
  [
    'participant_discharged_idx',
    'participant',
    'discharged_on',
    ['team_id'],
    ' WHERE "discharged_on" IS NOT NULL',
  ],
];

const create = (index: string, table: string, key: string, include: string[], where: string) =>
  `CREATE INDEX "${index}" ON "${table}" ("${key}") ` +
  `INCLUDE (${include.map((c) => `"${c}"`).join(', ')})${where}`;

export class CellKeyIndexes1795660002900 implements MigrationInterface {
  name = 'CellKeyIndexes1795660002900';

  public async up(q: QueryRunner): Promise<void> {
    for (const [index, table, key, include, where] of INDEXES) {
      await q.query(`DROP INDEX "${index}"`);
      await q.query(create(index, table, key, [...include, 'record_key'], where));
    }
    await q.query(
      create(
        'time_entry_worked_cover_idx',
        'time_entry',
        'worked_on',
        ['team_id', 'kind', 'minutes', 'record_key'],
        '',
      ),
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "time_entry_worked_cover_idx"`);
    for (const [index, table, key, include, where] of INDEXES) {
      await q.query(`DROP INDEX "${index}"`);
      await q.query(create(index, table, key, include, where));
    }
  }
}
