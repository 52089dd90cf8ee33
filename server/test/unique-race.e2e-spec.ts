import { createTestApp, seedUser, type SeededUser, type TestApp } from './harness';
import { refusalProblems } from './support/routes';

/**
 * SPEC §3 and §4: team names and user emails are unique ignoring case, and a
 * unique-key clash is 409, never 500 — also when the clashing requests arrive
 * together and every one of them passes the "is it taken?" check.
 */
describe('unique keys under concurrent creates', () => {
  let t: TestApp;
  let admin: SeededUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await seedUser(t, { role: 'admin' });
  });
  afterAll(() => t.close());

  /** Answers that must never appear in a 409: SQL, constraint or index names, driver words. */
  const INTERNALS = /duplicate key|constraint|UQ_|_key|_idx|unique index|violates|postgres|23505/i;

  it('creates one of six simultaneous teams whose names differ only in case; the rest are 409', async () => {
    const names = [
      'Lakeshore Peer Hub',
      'LAKESHORE PEER HUB',
      'lakeshore peer hub',
      'Lakeshore peer hub',
      'lakeshore Peer Hub',
      'LakeShore Peer Hub',
    ];
    const answers = await Promise.all(
      names.map((name) => t.request('POST', '/api/teams', { token: admin.token, body: { name } })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(refusalProblems(a, [])).toEqual([]);
      expect(a.body.message).toBe('A team with this name already exists');
      expect(a.body.errors).toEqual({ name: ['is already in use'] });
      expect(a.text).not.toMatch(INTERNALS);
    }
    const { rows } = await t.db.query(
      `SELECT id, name FROM team WHERE lower(name) = 'lakeshore peer hub'`,
    );
    expect(rows).toHaveLength(1);
    const winner = answers.find((a) => a.status === 201)!;
    expect(rows[0]).toEqual({ id: winner.body.id, name: winner.body.name });
    // One create event, for the one team stored.
    const audit = await t.db.query(
      `SELECT entity_id FROM audit_event WHERE action = 'create' AND entity_type = 'team'
          AND entity_id = ANY($1::uuid[])`,
      [answers.filter((a) => a.status === 201).map((a) => a.body.id)],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('refuses a team name differing only in case from a stored one, even written past the service', async () => {
    await t.db.query(`INSERT INTO team (name) VALUES ('Millbrook Recovery Circle')`);
    // The database itself refuses it: the index ignores case.
    await expect(
      t.db.query(`INSERT INTO team (name) VALUES ('MILLBROOK RECOVERY CIRCLE')`),
    ).rejects.toMatchObject({ code: '23505' });
    const res = await t.request('POST', '/api/teams', {
      token: admin.token,
      body: { name: 'millbrook recovery circle' },
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual({ name: ['is already in use'] });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM team WHERE lower(name) = 'millbrook recovery circle'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('creates one of six simultaneous users with the same email; the rest are 409', async () => {
    const { rows: teams } = await t.db.query(
      `INSERT INTO team (name) VALUES ('Ferry Road Peer Team') RETURNING id`,
    );
    const emails = [
      'jordan.reyes@ferryroad.example',
      'Jordan.Reyes@ferryroad.example',
      'JORDAN.REYES@FERRYROAD.EXAMPLE',
      'jordan.reyes@FerryRoad.example',
      'Jordan.reyes@ferryroad.example',
      'jordan.Reyes@ferryroad.example',
    ];
    const answers = await Promise.all(
      emails.map((email, i) =>
        t.request('POST', '/api/users', {
          token: admin.token,
          body: {
            email,
            displayName: `Jordan Reyes ${i}`,
            role: 'worker',
            teamId: teams[0].id,
            password: 'a-long-and-personal-phrase',
          },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(refusalProblems(a, [])).toEqual([]);
      expect(a.body.message).toBe('A user with this email already exists');
      expect(a.body.errors).toEqual({ email: ['is already in use'] });
      expect(a.text).not.toMatch(INTERNALS);
    }
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE lower(email) = 'jordan.reyes@ferryroad.example'`,
    );
    expect(rows[0].n).toBe(1);
  });
});
