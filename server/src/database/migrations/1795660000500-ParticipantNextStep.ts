import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The participant list shows each person's next step: their soonest unfinished
 * advocacy action, else the next steps of their newest decision note. A page of
 * the list is served again while its team's list version is unchanged
 * (ParticipantListVersion), so writing either record must give the person's
 * team a new version, exactly as a change of last contact does: the same
 * statement-level trigger function (`participant_contact_changed`, which finds
 * the teams of the rows' `participant_id`s under the teams' locks) runs after
 * every write of them.
 */

const TABLES = ['advocacy_action', 'decision_note'];

const TRIGGERS: [op: string, refs: string][] = [
  ['INSERT', 'REFERENCING NEW TABLE AS new_rows'],
  ['UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'],
  ['DELETE', 'REFERENCING OLD TABLE AS old_rows'],
  ['TRUNCATE', ''],
];

const triggerName = (table: string, op: string) => `list_version_${table}_${op.toLowerCase()}`;

export class ParticipantNextStep1795660000500 implements MigrationInterface {
  name = 'ParticipantNextStep1795660000500';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const [op, refs] of TRIGGERS) {
        await q.query(
          `CREATE TRIGGER ${triggerName(table, op)} AFTER ${op} ON ${table} ${refs}
             FOR EACH STATEMENT EXECUTE FUNCTION participant_contact_changed()`,
        );
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const [op] of TRIGGERS) {
        await q.query(`DROP TRIGGER ${triggerName(table, op)} ON ${table}`);
      }
    }
  }
}
