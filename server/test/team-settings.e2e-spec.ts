import { randomUUID } from 'node:crypto';
import { createTestApp, seedWorld, tableChecksum, type TestApp, type World } from './harness';

/*
 * Team settings (SPEC Common rules for §7–§13): `PATCH /api/teams/:id`, for
 * admins only, changes the outcome measures the team takes (§9) and the format
 * its session notes start in (§8). Bad input is a 400 naming the field and
 * changes nothing; every change is audited with the settings before and after.
 */

describe('team settings', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  async function teamRow(id: string) {
    const { rows } = await t.db.query(
      `SELECT instruments, note_format AS "noteFormat" FROM team WHERE id = $1`,
      [id],
    );
    return rows[0] as { instruments: string[]; noteFormat: string };
  }

  async function teamAudit(id: string) {
    const { rows } = await t.db.query(
      `SELECT actor_id AS "actorId", action, team_id AS "teamId", details FROM audit_event
        WHERE entity_type = 'team' AND entity_id = $1 AND action = 'update' ORDER BY seq`,
      [id],
    );
    return rows as { actorId: string; action: string; teamId: string; details: unknown }[];
  }

  it('starts every team on BARC-10 and free-text notes, shown in the team list', async () => {
    expect(await teamRow(w.teamA.id)).toEqual({ instruments: ['barc10'], noteFormat: 'free' });
    const res = await t.request('GET', '/api/teams', { token: w.supA.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: w.teamA.id, instruments: ['barc10'], noteFormat: 'free' }),
    ]);
  });

  it('lets an admin choose the instruments and the note format, audited before and after', async () => {
    const res = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.admin.token,
      body: { instruments: ['phq9', 'barc10', 'gad7'], format: 'dap' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: w.teamA.id,
      name: 'Team A',
      instruments: ['phq9', 'barc10', 'gad7'],
      noteFormat: 'dap',
    });
    expect(await teamRow(w.teamA.id)).toEqual({
      instruments: ['phq9', 'barc10', 'gad7'],
      noteFormat: 'dap',
    });
    // Team B is untouched.
    expect(await teamRow(w.teamB.id)).toEqual({ instruments: ['barc10'], noteFormat: 'free' });
    expect(await teamAudit(w.teamA.id)).toEqual([
      {
        actorId: w.admin.id,
        action: 'update',
        teamId: w.teamA.id,
        details: {
          changes: {
            format: { from: 'free', to: 'dap' },
            instruments: { from: ['barc10'], to: ['phq9', 'barc10', 'gad7'] },
          },
        },
      },
    ]);

    // One setting alone leaves the other as it is; `noteFormat` is still accepted.
    const one = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.admin.token,
      body: { instruments: ['gad7'] },
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ instruments: ['gad7'], noteFormat: 'dap' });
    const older = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.admin.token,
      body: { noteFormat: 'birp' },
    });
    expect(older.status).toBe(200);
    expect(await teamRow(w.teamA.id)).toEqual({ instruments: ['gad7'], noteFormat: 'birp' });
    expect(await teamAudit(w.teamA.id)).toHaveLength(3);
  });

  it('answers the same settings again as they are and writes nothing', async () => {
    const before = await tableChecksum(t, 'team');
    const audit = await tableChecksum(t, 'audit_event');
    const res = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.admin.token,
      body: { instruments: ['gad7'], format: 'birp' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ instruments: ['gad7'], noteFormat: 'birp' });
    expect(await tableChecksum(t, 'team')).toBe(before);
    expect(await tableChecksum(t, 'audit_event')).toBe(audit);
  });

  it('puts the chosen instruments on the participant’s schedule, in their order', async () => {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, 'Robin', 'Example', current_date - 10) RETURNING id`,
      [w.teamB.id],
    );
    const set = await t.request('PATCH', `/api/teams/${w.teamB.id}`, {
      token: w.admin.token,
      body: { instruments: ['gad7', 'phq9'] },
    });
    expect(set.status).toBe(200);
    const s = await t.request('GET', `/api/measurements/schedule?participantId=${rows[0].id}`, {
      token: w.workerB.token,
    });
    expect(s.status).toBe(200);
    expect(s.body.items.map((i: { instrument: string }) => i.instrument)).toEqual(['gad7', 'phq9']);
  });

  it('keeps team settings for admins: 403 for supervisors and workers, nothing changed', async () => {
    const before = await tableChecksum(t, 'team');
    for (const user of [w.supA, w.workerA, w.supB]) {
      const res = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
        token: user.token,
        body: { instruments: ['barc10'], format: 'free' },
      });
      expect(res.status).toBe(403);
    }
    expect(await tableChecksum(t, 'team')).toBe(before);
  });

  it('answers 404 for a team that does not exist and 400 for an id that is not one', async () => {
    const before = await tableChecksum(t, 'team');
    const missing = await t.request('PATCH', `/api/teams/${randomUUID()}`, {
      token: w.admin.token,
      body: { format: 'girp' },
    });
    expect(missing.status).toBe(404);
    const bad = await t.request('PATCH', `/api/teams/not-a-team`, {
      token: w.admin.token,
      body: { format: 'girp' },
    });
    expect(bad.status).toBe(400);
    expect(await tableChecksum(t, 'team')).toBe(before);
  });

  it.each([
    [{ instruments: [] }, 'instruments', /at least one/],
    [{ instruments: ['phq9', 'phq9'] }, 'instruments', /repeat/],
    [{ instruments: ['phq9', 'ras'] }, 'instruments', /barc10, phq9, gad7/],
    [{ instruments: 'phq9' }, 'instruments', /list/],
    [{ instruments: [9] }, 'instruments', /one of/],
    [{ instruments: null }, 'instruments', /list/],
    [{ format: 'soap' }, 'format', /free, girp, dap, birp/],
    [{ format: null }, 'format', /one of/],
    [{ noteFormat: 'soap' }, 'noteFormat', /one of/],
    [{ format: 'dap', noteFormat: 'girp' }, 'format', /same setting/],
  ])('refuses %j with a 400 naming %s, changing nothing', async (body, field, message) => {
    const before = await tableChecksum(t, 'team');
    const audit = await tableChecksum(t, 'audit_event');
    const res = await t.request('PATCH', `/api/teams/${w.teamA.id}`, {
      token: w.admin.token,
      body: { instruments: ['barc10'], ...body },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveProperty([field]);
    expect(res.body.errors[field].join(' ')).toMatch(message);
    expect(await tableChecksum(t, 'team')).toBe(before);
    expect(await tableChecksum(t, 'audit_event')).toBe(audit);
  });
});
