import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The participant list across the whole organisation (an admin naming no team)
 * had no index in its order: `participant_team_list_idx` leads with the team.
 * Each page sorted every participant, and the count beside it (a window over
 * the matches) kept every row in the sort, which spilled to disk: at ten times
 * today's size (200,000 people) a page by name took 187 ms alone and 751 ms
 * among fifty other requests. This index holds the list's order and the
 * columns its filters and search read, so a page is the index read up to its
 * last row; the count is asked for apart, in the same statement (an
 * index-only count).
 *
 * This migration holds its own SQL (it is frozen once on main).
 */
export class ParticipantOrgListIndex1795660003800 implements MigrationInterface {
  name = 'ParticipantOrgListIndex1795660003800';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX participant_org_list_idx ON participant
         (lower(last_name), lower(first_name), id)
         INCLUDE (first_name, last_name, preferred_name, status, team_id)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX participant_org_list_idx`);
  }
}
