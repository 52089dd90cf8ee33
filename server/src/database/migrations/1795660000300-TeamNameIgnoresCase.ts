import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Team names are unique ignoring case (SPEC §3), in the database itself: the
 * service's "is this name taken?" check cannot see a team another request is
 * creating at the same moment, so only a unique index on lower(name) settles
 * a race (the loser's INSERT fails with a unique violation, answered 409).
 *
 * A database that already holds two names differing only in case (possible
 * before this index, through such a race) keeps the oldest as it is; each
 * later one gets " (2)", " (3)"… so that the index can be built. Nothing else
 * refers to a team by its name.
 */
export class TeamNameIgnoresCase1795660000300 implements MigrationInterface {
  name = 'TeamNameIgnoresCase1795660000300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE
        r record;
        candidate text;
        n int;
      BEGIN
        FOR r IN
          SELECT id, name
            FROM (SELECT id, name,
                         row_number() OVER (PARTITION BY lower(name) ORDER BY created_at, id) AS k
                    FROM team) d
           WHERE k > 1
           ORDER BY lower(name), k
        LOOP
          n := 2;
          LOOP
            candidate := left(r.name, 120 - length(' (' || n || ')')) || ' (' || n || ')';
            EXIT WHEN NOT EXISTS (SELECT 1 FROM team WHERE lower(name) = lower(candidate));
            n := n + 1;
          END LOOP;
          RAISE NOTICE 'Team % renamed from "%" to "%": another team has the same name in other letter case',
            r.id, r.name, candidate;
          UPDATE team SET name = candidate, updated_at = now() WHERE id = r.id;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE "team" DROP CONSTRAINT "UQ_cf461f5b40cf1a2b8876011e1e1"`);
    await q.query(`CREATE UNIQUE INDEX "team_name_lower_key" ON "team" (lower("name"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "team_name_lower_key"`);
    await q.query(
      `ALTER TABLE "team" ADD CONSTRAINT "UQ_cf461f5b40cf1a2b8876011e1e1" UNIQUE ("name")`,
    );
  }
}
