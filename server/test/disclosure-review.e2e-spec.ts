import { addDays, todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { auditSeq } from './support/routes';

/**
 * SPEC §10: an emergency disclosure is shown to the team's supervisors.
 * `GET /api/disclosures?emergency=true` lists the team's emergency
 * disclosures for them (admins: every team or the one named; workers 403),
 * with the reason, who, when and whose information it was.
 */
describe('the emergency disclosures a supervisor reviews', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pA2: string;
  let pB: string;
  const today = todayIn('UTC');
  const d = (n: number) => addDays(today, n);
  const ids: Record<string, string> = {};

  async function participant(teamId: string, first: string, preferred: string | null) {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, preferred_name, last_name, enrolled_on)
       VALUES ($1, $2, $3, 'Example', $4) RETURNING id`,
      [teamId, first, preferred, d(-200)],
    );
    return rows[0].id as string;
  }

  async function emergency(token: string, who: string, reason: string, disclosedOn: string) {
    const res = await t.request('POST', `/api/participants/${who}/disclosures`, {
      token,
      body: {
        recipient: 'City Crisis Team',
        information: ['contact_details'],
        disclosedOn,
        method: 'phone',
        emergency: true,
        reason,
      },
    });
    if (res.status !== 201) throw new Error(`disclosure failed: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await participant(w.teamA.id, 'Avery', null);
    pA2 = await participant(w.teamA.id, 'Robert', 'Bobbie');
    pB = await participant(w.teamB.id, 'Casey', null);
    ids.old = await emergency(
      w.workerA.token,
      pA,
      'Avery was not safe; address to the crisis team',
      d(-20),
    );
    ids.recent = await emergency(w.workerA2.token, pA2, 'Bobbie collapsed at group', d(-2));
    ids.teamB = await emergency(w.workerB.token, pB, 'Casey asked us to call an ambulance', d(-1));
    // Under a consent: listed for the team, but not among the emergencies.
    const consent = await t.request('POST', `/api/participants/${pA}/consents`, {
      token: w.workerA.token,
      body: {
        recipient: 'Harbor Housing',
        purpose: 'To find me a flat',
        information: ['contact_details'],
        part2: false,
        signedOn: d(-30),
        expiresOn: d(300),
      },
    });
    expect(consent.status).toBe(201);
    const shared = await t.request('POST', `/api/participants/${pA}/disclosures`, {
      token: w.workerA.token,
      body: {
        recipient: 'Harbor Housing',
        information: ['contact_details'],
        disclosedOn: d(-3),
        method: 'email',
      },
    });
    expect(shared.status).toBe(201);
    ids.consented = shared.body.id;
  });
  afterAll(() => t.close());

  it('shows a supervisor their team’s emergency disclosures, newest first, with reason, who, when and whose', async () => {
    const seq = await auditSeq(t);
    const res = await t.request('GET', '/api/disclosures?emergency=true', { token: w.supA.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: ids.recent,
        participantId: pA2,
        participantName: 'Bobbie Example',
        teamId: w.teamA.id,
        emergency: true,
        reason: 'Bobbie collapsed at group',
        purpose: 'Bobbie collapsed at group',
        recipient: 'City Crisis Team',
        disclosedOn: d(-2),
        byId: w.workerA2.id,
        byName: 'Win Worker',
        consentId: null,
      }),
      expect.objectContaining({
        id: ids.old,
        participantName: 'Avery Example',
        byName: 'Wes Worker',
        disclosedOn: d(-20),
      }),
    ]);
    // The read is audited with its filters, for the team.
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, team_id, participant_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(rows).toEqual([
      {
        actor_id: w.supA.id,
        action: 'read',
        entity_type: 'disclosure',
        team_id: w.teamA.id,
        participant_id: null,
        details: { filters: { emergency: true } },
      },
    ]);
  });

  it('filters by period and by kind; without the filter lists every disclosure of the team', async () => {
    const recent = await t.request(
      'GET',
      `/api/disclosures?emergency=true&from=${d(-5)}&to=${today}`,
      {
        token: w.supA.token,
      },
    );
    expect(recent.status).toBe(200);
    expect(recent.body.items.map((x: { id: string }) => x.id)).toEqual([ids.recent]);
    const consented = await t.request('GET', '/api/disclosures?emergency=false', {
      token: w.supA.token,
    });
    expect(consented.body.items.map((x: { id: string }) => x.id)).toEqual([ids.consented]);
    expect(consented.body.items[0]).toMatchObject({ emergency: false, reason: null });
    const every = await t.request('GET', '/api/disclosures', { token: w.supA.token });
    expect(every.body.items.map((x: { id: string }) => x.id)).toEqual([
      ids.recent,
      ids.consented,
      ids.old,
    ]);
  });

  it('keeps each supervisor to their own team; an admin sees every team or the one named', async () => {
    const b = await t.request('GET', '/api/disclosures?emergency=true', { token: w.supB.token });
    expect(b.status).toBe(200);
    expect(b.body.items.map((x: { id: string }) => x.id)).toEqual([ids.teamB]);
    expect(JSON.stringify(b.body)).not.toContain('Avery');
    const naming = await t.request('GET', `/api/disclosures?teamId=${w.teamA.id}`, {
      token: w.supB.token,
    });
    expect(naming.status).toBe(404);
    expect(JSON.stringify(naming.body)).not.toContain('Avery');
    const admin = await t.request('GET', '/api/disclosures?emergency=true', {
      token: w.admin.token,
    });
    expect(admin.status).toBe(200);
    expect(admin.body.items.map((x: { id: string }) => x.id)).toEqual([
      ids.teamB,
      ids.recent,
      ids.old,
    ]);
    const adminA = await t.request('GET', `/api/disclosures?emergency=true&teamId=${w.teamA.id}`, {
      token: w.admin.token,
    });
    expect(adminA.body.items.map((x: { id: string }) => x.id)).toEqual([ids.recent, ids.old]);
  });

  it('refuses workers (403) and bad filters (400 naming the field)', async () => {
    const seq = await auditSeq(t);
    const worker = await t.request('GET', '/api/disclosures?emergency=true', {
      token: w.workerA.token,
    });
    expect(worker.status).toBe(403);
    expect(JSON.stringify(worker.body)).not.toContain('Avery');
    for (const [query, field] of [
      ['emergency=yes', 'emergency'],
      ['from=2026-13-01', 'from'],
      [`from=${today}&to=${d(-1)}`, 'from'],
      ['teamId=not-a-team', 'teamId'],
    ]) {
      const res = await t.request('GET', `/api/disclosures?${query}`, { token: w.supA.token });
      expect([query, res.status]).toEqual([query, 400]);
      expect(Object.keys(res.body.errors)).toContain(field);
    }
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE seq > $1 AND action = 'read'`,
      [seq],
    );
    expect(rows[0].n).toBe(0);
  });
});
