import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participant list of a team (the worker's everyday search): one index
 * holds, for each team, its participants in list order (last name, first name,
 * id) with the columns the name search and the status and primary-worker
 * filters read, and the lower-cased name the search matches (stored, so it is
 * not worked out again for every entry: a third of the search's cost). A search
 * inside a team is then one index-only scan of that team's entries: the page is
 * sorted already, the matches are counted, and only the page's rows are read
 * from the table. The name columns are INCLUDEd only because PostgreSQL plans an
 * index-only scan only when every column the query names is in the index. The trigram index stays for the
 * organisation-wide search of an admin.
 */
export class ParticipantListIndex1795650000001 implements MigrationInterface {
  name = 'ParticipantListIndex1795650000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "participant_team_list_idx" ON "participant" ` +
        `("team_id", lower("last_name"), lower("first_name"), "id", ` +
        `lower("first_name" || ' ' || "last_name" || ' ' || coalesce("preferred_name", ''))) ` +
        `INCLUDE ("first_name", "last_name", "preferred_name", "status", "primary_worker_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "participant_team_list_idx"`);
  }
}
