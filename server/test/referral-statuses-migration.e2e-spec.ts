import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { MIGRATIONS } from '../src/database/migrations';
import { ReferralStatuses1795660002200 } from '../src/database/migrations/1795660002200-ReferralStatuses';
import { runPrefix, withDatabase } from './db-url';

/**
 * SPEC §12: existing handouts move to referral statuses with a history, losing
 * nothing. The database is migrated up to the migration before, filled with a
 * handout of every old outcome, then migrated on; every row is checked.
 */
describe('referral statuses migration, with data', () => {
  const base = process.env.PEERPATH_TEST_DB!;
  const name = `${runPrefix()}_mig_${randomBytes(4).toString('hex')}`;
  let db: Client;

  const at = MIGRATIONS.indexOf(ReferralStatuses1795660002200);
  const migrate = async (migrations: typeof MIGRATIONS) => {
    const ds = new DataSource({
      ...dataSourceOptions(withDatabase(base, name), { poolSize: 1 }),
      migrations,
    });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  };

  beforeAll(async () => {
    const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    db = new Client({ connectionString: withDatabase(base, name) });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    const admin = new Client({ connectionString: withDatabase(base, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('gives every old handout its history and keeps every value it had', async () => {
    expect(at).toBeGreaterThan(0);
    await migrate(MIGRATIONS.slice(0, at));
    const one = async (sql: string, params: unknown[] = []) =>
      (await db.query(sql, params)).rows[0];

    const team = await one(`INSERT INTO team (name) VALUES ('Riverside') RETURNING id`);
    const worker = await one(
      `INSERT INTO app_user (email, display_name, role, team_id, password_hash)
       VALUES ('ana@example.org', 'Ana', 'worker', $1, 'x') RETURNING id`,
      [team.id],
    );
    const supervisor = await one(
      `INSERT INTO app_user (email, display_name, role, team_id, password_hash)
       VALUES ('sam@example.org', 'Sam', 'supervisor', $1, 'x') RETURNING id`,
      [team.id],
    );
    const person = await one(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, 'Rosa', 'Lind', '2026-01-02') RETURNING id`,
      [team.id],
    );
    const resource = await one(
      `INSERT INTO resource (name, category) VALUES ('Harbor Pantry', 'food') RETURNING id`,
    );
    const handout = async (
      outcome: string,
      outcomeOn: string | null,
      extra: { note?: string; followUpOn?: string; updatedAt?: string } = {},
    ) =>
      (
        await one(
          `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, note,
                                follow_up_on, outcome, outcome_on, updated_at)
           VALUES ($1, $2, $3, $4, '2026-03-02', 'printed', $5, $6, $7, $8, coalesce($9::timestamptz, now()))
           RETURNING id`,
          [
            team.id,
            person.id,
            resource.id,
            worker.id,
            extra.note ?? null,
            extra.followUpOn ?? null,
            outcome,
            outcomeOn,
            extra.updatedAt ?? null,
          ],
        )
      ).id as string;

    const pending = await handout('pending', null, {
      note: 'Call Tuesday',
      followUpOn: '2026-03-09',
    });
    const connected = await handout('connected', '2026-03-10');
    const notConnected = await handout('not_connected', '2026-03-12', { note: 'Line busy' });
    const declined = await handout('declined', '2026-03-05');
    // Recorded before outcomes had to carry a date: the day of its last change stands in.
    const undated = await handout('connected', null, { updatedAt: '2026-03-20T15:00:00Z' });
    // The supervisor recorded the decline: the audit trail says so.
    await db.query(
      `INSERT INTO audit_event (actor_id, action, entity_type, entity_id, team_id, details)
       VALUES ($1, 'update', 'handout', $2, $3, $4)`,
      [supervisor.id, declined, team.id, { outcome: { from: 'pending', to: 'declined' } }],
    );
    const before = (
      await db.query(`SELECT id, to_jsonb(h) - 'outcome_on' - 'updated_at' AS row FROM handout h`)
    ).rows as { id: string; row: Record<string, unknown> }[];

    await migrate(MIGRATIONS);

    const rows = (
      await db.query(
        `SELECT id, outcome, to_char(outcome_on, 'YYYY-MM-DD') AS "outcomeOn", history,
                to_jsonb(h) - 'outcome_on' - 'updated_at' - 'history' AS row
           FROM handout h`,
      )
    ).rows as {
      id: string;
      outcome: string;
      outcomeOn: string | null;
      history: unknown[];
      row: Record<string, unknown>;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(5);
    // Every other column is exactly as it was.
    for (const b of before) expect(byId.get(b.id)!.row).toEqual(b.row);

    const created = { status: 'pending', on: '2026-03-02', byId: worker.id };
    expect(byId.get(pending)).toMatchObject({
      outcome: 'pending',
      outcomeOn: null,
      history: [created],
    });
    expect(byId.get(connected)).toMatchObject({
      outcome: 'connected',
      outcomeOn: '2026-03-10',
      history: [created, { status: 'connected', on: '2026-03-10', byId: worker.id }],
    });
    expect(byId.get(notConnected)).toMatchObject({
      outcome: 'not_connected',
      outcomeOn: '2026-03-12',
      history: [created, { status: 'not_connected', on: '2026-03-12', byId: worker.id }],
    });
    expect(byId.get(declined)).toMatchObject({
      outcome: 'declined',
      outcomeOn: '2026-03-05',
      history: [created, { status: 'declined', on: '2026-03-05', byId: supervisor.id }],
    });
    expect(byId.get(undated)).toMatchObject({
      outcome: 'connected',
      outcomeOn: '2026-03-20',
      history: [created, { status: 'connected', on: '2026-03-20', byId: worker.id }],
    });

    // The new statuses are accepted, anything else still refused.
    await db.query(`UPDATE handout SET outcome = 'no_capacity' WHERE id = $1`, [pending]);
    await expect(
      db.query(`UPDATE handout SET outcome = 'maybe' WHERE id = $1`, [pending]),
    ).rejects.toThrow(/handout_outcome_check/);
  });
});
