import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  addDays,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  todayIn,
  type Handout,
  type HandoutListItem,
  type Resource,
} from '@peerpath/shared';
import { dataSourceOptions } from '../src/database/data-source';
import { DEMO_PASSWORD, seedDemo } from '../src/database/seed/demo';
import { seedDemoRecords } from '../src/database/seed/demo-records';
import {
  createTestApp,
  login,
  seedWorld,
  tableChecksum,
  type TestApp,
  type World,
} from './harness';

/** Participants are inserted directly: their endpoints are another feature's. */
async function seedParticipant(
  t: TestApp,
  teamId: string,
  name: { first: string; last: string; preferred?: string },
): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, preferred_name, enrolled_on)
     VALUES ($1, $2, $3, $4, current_date) RETURNING id`,
    [teamId, name.first, name.last, name.preferred ?? null],
  );
  return rows[0].id as string;
}

describe('resource directory', () => {
  let t: TestApp;
  let w: World;
  const url = '/api/resources';

  async function addResource(body: Record<string, unknown>): Promise<Resource> {
    const res = await t.request('POST', url, { token: w.admin.token, body });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  it('lets an admin add and change resources, and audits both', async () => {
    const res = await t.request('POST', url, {
      token: w.admin.token,
      body: {
        name: '  Harbor Street Food Pantry ',
        category: 'food',
        description: 'Groceries twice a week, no referral needed',
        phone: '555-0142',
        url: 'https://example.org/pantry',
        address: '12 Harbor Street',
        tags: [' groceries ', 'free'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Harbor Street Food Pantry',
      category: 'food',
      description: 'Groceries twice a week, no referral needed',
      phone: '555-0142',
      url: 'https://example.org/pantry',
      address: '12 Harbor Street',
      tags: ['groceries', 'free'],
      active: true,
      lastVerifiedOn: null,
      stale: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await t.db.query(`SELECT name, tags, active FROM resource WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([
      { name: 'Harbor Street Food Pantry', tags: ['groceries', 'free'], active: true },
    ]);

    const patch = await t.request('PATCH', `${url}/${res.body.id}`, {
      token: w.admin.token,
      body: { phone: null, tags: ['groceries', 'free', 'weekends'] },
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      phone: null,
      tags: ['groceries', 'free', 'weekends'],
      name: 'Harbor Street Food Pantry',
    });
    const after = await t.db.query(`SELECT phone, tags FROM resource WHERE id = $1`, [res.body.id]);
    expect(after.rows).toEqual([{ phone: null, tags: ['groceries', 'free', 'weekends'] }]);

    const audit = await t.db.query(
      `SELECT action, actor_id, details FROM audit_event WHERE entity_type = 'resource' AND entity_id = $1 ORDER BY seq`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([
      { action: 'create', actor_id: w.admin.id, details: null },
      { action: 'update', actor_id: w.admin.id, details: { fields: ['phone', 'tags'] } },
    ]);

    const one = await t.request('GET', `${url}/${res.body.id}`, { token: w.workerB.token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(patch.body);
    expect(
      (await t.request('GET', `${url}/${randomUUID()}`, { token: w.workerB.token })).status,
    ).toBe(404);
    expect(
      (
        await t.request('PATCH', `${url}/${randomUUID()}`, {
          token: w.admin.token,
          body: { active: false },
        })
      ).status,
    ).toBe(404);
  });

  it('keeps writes for admins: 403 for workers and supervisors, nothing changed', async () => {
    const r = await addResource({ name: 'Crisis Text Line (demo)', category: 'crisis' });
    const before = await tableChecksum(t, 'resource');
    for (const who of [w.workerA, w.supA, w.supB]) {
      const post = await t.request('POST', url, {
        token: who.token,
        body: { name: 'Mine', category: 'other' },
      });
      expect(post.status).toBe(403);
      const patch = await t.request('PATCH', `${url}/${r.id}`, {
        token: who.token,
        body: { active: false },
      });
      expect(patch.status).toBe(403);
    }
    expect(await tableChecksum(t, 'resource')).toBe(before);
    expect((await t.request('GET', url)).status).toBe(401);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const r = await addResource({ name: 'Valid one', category: 'legal' });
    const before = await tableChecksum(t, 'resource');
    const base = { name: 'Legal clinic', category: 'legal' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, url: 'javascript:alert(1)' }, 'url'],
      [{ ...base, url: 'ftp://example.org/file' }, 'url'],
      [{ ...base, url: 'example.org/no-scheme' }, 'url'],
      [{ ...base, tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'tags'],
      [{ ...base, tags: ['x'.repeat(41)] }, 'tags'],
      [{ ...base, tags: ['  '] }, 'tags'],
      [{ ...base, tags: ['Free', 'free'] }, 'tags'],
      [{ ...base, tags: 'free' }, 'tags'],
      [{ ...base, tags: [7] }, 'tags'],
      [{ ...base, tags: ['a\u0000b'] }, 'tags'],
      [{ ...base, name: '' }, 'name'],
      [{ ...base, name: 'x'.repeat(201) }, 'name'],
      [{ ...base, category: 'spa' }, 'category'],
      [{ ...base, phone: '5'.repeat(41) }, 'phone'],
      [{ ...base, teamId: w.teamA.id }, 'teamId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', url, { token: w.admin.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    for (const [body, field] of [
      [{ name: null }, 'name'],
      [{ active: null }, 'active'],
      [{ url: 'mailto:someone@example.org' }, 'url'],
    ] as const) {
      const res = await t.request('PATCH', `${url}/${r.id}`, { token: w.admin.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await tableChecksum(t, 'resource')).toBe(before);
  });

  it('searches name, description and tags ignoring case; hides inactive resources unless asked', async () => {
    const byName = await addResource({
      name: 'Zephyr Wellness Clinic',
      category: 'mental_health_treatment',
    });
    const byDescription = await addResource({
      name: 'Eastside Counselling',
      category: 'mental_health_treatment',
      description: 'Sliding-scale ZEPHYR programme',
    });
    const byTag = await addResource({
      name: 'Rides to appointments',
      category: 'transportation',
      tags: ['Zephyr-bus'],
    });
    const inactive = await addResource({
      name: 'Old Zephyr shelter',
      category: 'housing',
      active: false,
    });
    await addResource({ name: 'Unrelated 100% free', category: 'other' });

    const ids = (res: { body: { items: Resource[] } }) => res.body.items.map((r) => r.id).sort();
    const search = await t.request('GET', `${url}?search=zePHyr`, { token: w.workerA.token });
    expect(search.status).toBe(200);
    expect(ids(search)).toEqual([byName.id, byDescription.id, byTag.id].sort());
    expect(search.body.total).toBe(3);

    const withInactive = await t.request('GET', `${url}?search=zephyr&includeInactive=true`, {
      token: w.workerA.token,
    });
    expect(ids(withInactive)).toEqual([byName.id, byDescription.id, byTag.id, inactive.id].sort());
    const onlyInactive = await t.request('GET', `${url}?search=zephyr&active=false`, {
      token: w.workerA.token,
    });
    expect(ids(onlyInactive)).toEqual([inactive.id]);
    const category = await t.request(
      'GET',
      `${url}?search=zephyr&category=mental_health_treatment`,
      {
        token: w.workerA.token,
      },
    );
    expect(ids(category)).toEqual([byName.id, byDescription.id].sort());

    // The search text is taken literally: % and _ are not wildcards.
    const percent = await t.request('GET', `${url}?search=${encodeURIComponent('%')}`, {
      token: w.workerA.token,
    });
    expect(percent.body.items.map((r: Resource) => r.name)).toEqual(['Unrelated 100% free']);

    const all = await t.request('GET', `${url}?pageSize=100`, { token: w.supB.token });
    expect(all.body.items.every((r: Resource) => r.active)).toBe(true);
    const names = all.body.items.map((r: Resource) => r.name.toLowerCase());
    expect([...names].sort()).toEqual(names);

    for (const q of ['category=spa', 'active=maybe', 'pageSize=0', `search=${'x'.repeat(201)}`]) {
      expect((await t.request('GET', `${url}?${q}`, { token: w.workerA.token })).status).toBe(400);
    }
  });
});

describe('handouts', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  let pB: string;
  let food: Resource;
  let clinic: Resource;
  let retired: Resource;
  const today = todayIn('UTC');
  const url = '/api/handouts';

  async function give(token: string, body: Record<string, unknown>): Promise<Handout> {
    const res = await t.request('POST', url, { token, body });
    if (res.status !== 201) throw new Error(`handout failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async function stored(id: string) {
    const { rows } = await t.db.query(`SELECT * FROM handout WHERE id = $1`, [id]);
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    pA = await seedParticipant(t, w.teamA.id, {
      first: 'Robert',
      last: 'Lane',
      preferred: 'Bobbie',
    });
    pB = await seedParticipant(t, w.teamB.id, { first: 'Mina', last: 'Cole' });
    const add = async (body: object) =>
      (await t.request('POST', '/api/resources', { token: w.admin.token, body })).body as Resource;
    food = await add({ name: 'Harbor Food Pantry', category: 'food' });
    clinic = await add({ name: 'Northgate Clinic', category: 'mental_health_treatment' });
    retired = await add({ name: 'Closed drop-in', category: 'peer_support_group', active: false });
  });
  afterAll(() => t.close());

  it('records a handout with the defaults, in the participant’s team, and audits it', async () => {
    const res = await t.request('POST', url, {
      token: w.workerA.token,
      body: {
        participantId: pA,
        resourceId: food.id,
        method: 'warm_handoff',
        followUpOn: addDays(today, 7),
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      participantId: pA,
      resourceId: food.id,
      workerId: w.workerA.id,
      teamId: w.teamA.id,
      givenOn: today,
      method: 'warm_handoff',
      note: null,
      followUpOn: addDays(today, 7),
      outcome: 'pending',
      outcomeOn: null,
      history: [{ status: 'pending', on: today, byId: w.workerA.id }],
      open: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await stored(res.body.id)).toMatchObject({
      team_id: w.teamA.id,
      worker_id: w.workerA.id,
      given_on: today,
      outcome: 'pending',
      outcome_on: null,
    });
    const audit = await t.db.query(
      `SELECT actor_id, participant_id, team_id FROM audit_event WHERE action = 'create' AND entity_type = 'handout' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toEqual([
      { actor_id: w.workerA.id, participant_id: pA, team_id: w.teamA.id },
    ]);
  });

  it('refuses an inactive or unknown resource with 400 naming resourceId', async () => {
    const before = await tableChecksum(t, 'handout');
    for (const resourceId of [retired.id, randomUUID()]) {
      const res = await t.request('POST', url, {
        token: w.workerA.token,
        body: { participantId: pA, resourceId, method: 'printed' },
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['resourceId']);
    }
    expect(await tableChecksum(t, 'handout')).toBe(before);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const before = await tableChecksum(t, 'handout');
    const base = { participantId: pA, resourceId: food.id, method: 'email' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, method: 'carrier_pigeon' }, 'method'],
      [{ ...base, participantId: undefined }, 'participantId'],
      [{ ...base, resourceId: 'nope' }, 'resourceId'],
      [{ ...base, givenOn: '2026-13-01' }, 'givenOn'],
      [{ ...base, followUpOn: addDays(today, -1) }, 'followUpOn'],
      [{ ...base, outcome: 'maybe' }, 'outcome'],
      [{ ...base, outcomeOn: today }, 'outcomeOn'],
      [{ ...base, note: 'x'.repeat(2001) }, 'note'],
      [{ ...base, teamId: w.teamB.id }, 'teamId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.request('POST', url, { token: w.workerA.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await tableChecksum(t, 'handout')).toBe(before);
  });

  it('applies the worker rule and the team rule', async () => {
    const before = await tableChecksum(t, 'handout');
    const other = await t.request('POST', url, {
      token: w.workerA.token,
      body: { participantId: pA, resourceId: food.id, method: 'verbal', workerId: w.workerA2.id },
    });
    expect(other.status).toBe(403);
    const foreign = await t.request('POST', url, {
      token: w.workerA.token,
      body: { participantId: pB, resourceId: food.id, method: 'verbal' },
    });
    expect(foreign.status).toBe(404);
    expect(await tableChecksum(t, 'handout')).toBe(before);
    const bySup = await give(w.supA.token, {
      participantId: pA,
      resourceId: food.id,
      method: 'verbal',
      workerId: w.workerA2.id,
    });
    expect(bySup.workerId).toBe(w.workerA2.id);
  });

  it('records outcomes: outcomeOn today by default, a given date kept, cleared back to pending', async () => {
    const h = await give(w.workerA.token, {
      participantId: pA,
      resourceId: clinic.id,
      method: 'text',
      givenOn: addDays(today, -10),
      followUpOn: addDays(today, -3),
    });
    const connected = await t.request('PATCH', `${url}/${h.id}`, {
      token: w.workerA2.token,
      body: { outcome: 'connected', note: 'Booked an intake appointment' },
    });
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({
      outcome: 'connected',
      outcomeOn: today,
      note: 'Booked an intake appointment',
    });
    expect(await stored(h.id)).toMatchObject({ outcome: 'connected', outcome_on: today });

    const dated = await t.request('PATCH', `${url}/${h.id}`, {
      token: w.workerA.token,
      body: { outcome: 'not_connected', outcomeOn: addDays(today, -1) },
    });
    expect(dated.body).toMatchObject({ outcome: 'not_connected', outcomeOn: addDays(today, -1) });
    const noteOnly = await t.request('PATCH', `${url}/${h.id}`, {
      token: w.workerA.token,
      body: { note: 'Waitlist' },
    });
    expect(noteOnly.body).toMatchObject({
      outcome: 'not_connected',
      outcomeOn: addDays(today, -1),
      note: 'Waitlist',
    });

    const pending = await t.request('PATCH', `${url}/${h.id}`, {
      token: w.workerA.token,
      body: { outcome: 'pending', followUpOn: addDays(today, 5) },
    });
    expect(pending.body).toMatchObject({
      outcome: 'pending',
      outcomeOn: null,
      followUpOn: addDays(today, 5),
    });
    expect(await stored(h.id)).toMatchObject({ outcome: 'pending', outcome_on: null });

    const before = await tableChecksum(t, 'handout');
    for (const [body, field] of [
      [{ outcomeOn: today }, 'outcomeOn'],
      [{ outcome: 'declined', outcomeOn: addDays(today, -30) }, 'outcomeOn'],
      [{ followUpOn: addDays(today, -11) }, 'followUpOn'],
      [{ outcome: 'lost' }, 'outcome'],
      [{ resourceId: food.id }, 'resourceId'],
      [{ workerId: w.workerA.id }, 'workerId'],
      [{ outcome: null }, 'outcome'],
    ] as const) {
      const res = await t.request('PATCH', `${url}/${h.id}`, { token: w.workerA.token, body });
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
    expect(await tableChecksum(t, 'handout')).toBe(before);

    const audit = await t.db.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'update' AND entity_id = $1 ORDER BY seq`,
      [h.id],
    );
    expect(audit.rows[0]).toEqual({
      actor_id: w.workerA2.id,
      details: { fields: ['outcome', 'note'], outcome: { from: 'pending', to: 'connected' } },
    });
    expect(audit.rows).toHaveLength(4);
  });

  it('lists the follow-ups due: pending with followUpOn today or earlier, oldest first, with names', async () => {
    const p = await seedParticipant(t, w.teamA.id, { first: 'Samira', last: 'Haddad' });
    const mk = (extra: Record<string, unknown>) =>
      give(w.workerA.token, {
        participantId: p,
        resourceId: food.id,
        method: 'printed',
        givenOn: addDays(today, -20),
        ...extra,
      });
    const dueLongAgo = await mk({ followUpOn: addDays(today, -6) });
    const dueToday = await mk({ followUpOn: today, resourceId: clinic.id });
    await mk({ followUpOn: addDays(today, 1) }); // not yet
    await mk({}); // no follow-up planned
    await mk({ followUpOn: addDays(today, -2), outcome: 'declined' }); // already settled
    const theirs = await give(w.workerB.token, {
      participantId: pB,
      resourceId: food.id,
      method: 'printed',
      givenOn: addDays(today, -20),
      followUpOn: addDays(today, -6),
    });

    const res = await t.request('GET', `${url}?followUpDue=true&participantId=${p}`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((h: HandoutListItem) => h.id)).toEqual([dueLongAgo.id, dueToday.id]);
    expect(res.body.items[1]).toMatchObject({
      resourceName: 'Northgate Clinic',
      resourceCategory: 'mental_health_treatment',
      participantName: 'Samira Haddad',
      outcome: 'pending',
    });
    const notDue = await t.request('GET', `${url}?followUpDue=false&participantId=${p}`, {
      token: w.supA.token,
    });
    expect(notDue.body.total).toBe(3);

    const teamDue = await t.request('GET', `${url}?followUpDue=true&pageSize=100`, {
      token: w.workerA.token,
    });
    const items: HandoutListItem[] = teamDue.body.items;
    expect(items.map((h) => h.id)).not.toContain(theirs.id);
    expect(
      items.every(
        (h) => h.teamId === w.teamA.id && h.outcome === 'pending' && h.followUpOn! <= today,
      ),
    ).toBe(true);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM handout WHERE team_id = $1 AND outcome = 'pending' AND follow_up_on <= $2`,
      [w.teamA.id, today],
    );
    expect(teamDue.body.total).toBe(rows[0].n);
    const preferred = await t.request('GET', `${url}?participantId=${pA}`, {
      token: w.workerA.token,
    });
    expect(preferred.body.items[0].participantName).toBe('Bobbie Lane');
  });

  it('hides another team’s handouts: 404 on get and patch and for foreign filters, never in lists', async () => {
    const theirs = await give(w.workerB.token, {
      participantId: pB,
      resourceId: food.id,
      method: 'email',
    });
    const before = await tableChecksum(t, 'handout');
    expect((await t.request('GET', `${url}/${theirs.id}`, { token: w.workerA.token })).status).toBe(
      404,
    );
    const patch = await t.request('PATCH', `${url}/${theirs.id}`, {
      token: w.supA.token,
      body: { outcome: 'declined' },
    });
    expect(patch.status).toBe(404);
    expect(await tableChecksum(t, 'handout')).toBe(before);
    expect(
      (await t.request('GET', `${url}?participantId=${pB}`, { token: w.workerA.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `${url}?workerId=${w.workerB.id}`, { token: w.workerA.token }))
        .status,
    ).toBe(404);
    const list = await t.request('GET', `${url}?pageSize=100`, { token: w.supA.token });
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((h: Handout) => h.teamId === w.teamA.id)).toBe(true);
    const mine = await t.request('GET', `${url}/${theirs.id}`, { token: w.supB.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual(theirs);
  });

  it('answers a safe retry with the stored handout, and 409 when it differs', async () => {
    const id = randomUUID();
    const body = {
      id,
      participantId: pA,
      resourceId: clinic.id,
      method: 'printed',
      note: 'Leaflet',
    };
    const first = await t.request('POST', url, { token: w.workerA.token, body });
    expect(first.status).toBe(201);
    // Retried after the resource was retired: still the stored record.
    await t.db.query(`UPDATE resource SET active = false WHERE id = $1`, [clinic.id]);
    try {
      const again = await t.request('POST', url, { token: w.workerA.token, body });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    } finally {
      await t.db.query(`UPDATE resource SET active = true WHERE id = $1`, [clinic.id]);
    }
    const before = await tableChecksum(t, 'handout');
    const differs = await t.request('POST', url, {
      token: w.workerA.token,
      body: { ...body, method: 'email' },
    });
    expect(differs.status).toBe(409);
    expect(differs.body.errors).toHaveProperty('method');
    expect(await tableChecksum(t, 'handout')).toBe(before);
    const { rows } = await t.db.query(`SELECT method FROM handout WHERE id = $1`, [id]);
    expect(rows).toEqual([{ method: 'printed' }]);
  });

  it('audits reads: one event per list with its filters, one per detail naming the participant', async () => {
    const h = await give(w.workerA.token, {
      participantId: pA,
      resourceId: food.id,
      method: 'verbal',
    });
    await t.request('GET', `${url}/${h.id}`, { token: w.supA.token });
    await t.request('GET', `${url}?participantId=${pA}&outcome=pending`, { token: w.supA.token });
    const { rows } = await t.db.query(
      `SELECT entity_id, participant_id, team_id, details FROM audit_event
        WHERE action = 'read' AND entity_type = 'handout' AND actor_id = $1 ORDER BY seq`,
      [w.supA.id],
    );
    expect(rows.slice(-2)).toEqual([
      { entity_id: h.id, participant_id: pA, team_id: w.teamA.id, details: null },
      {
        entity_id: null,
        participant_id: pA,
        team_id: w.teamA.id,
        details: { filters: { participantId: pA, outcome: 'pending' } },
      },
    ]);
  });
});

describe('demo records', () => {
  let t: TestApp;
  let ds: DataSource;
  const today = todayIn('UTC');

  beforeAll(async () => {
    t = await createTestApp();
    ds = new DataSource(dataSourceOptions(t.config.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await t.close();
  });

  it('seeds the directory and, for each team, six months of every kind of record', async () => {
    const w = await seedWorld(t);
    for (const team of [w.teamA, w.teamB]) {
      const staff =
        team === w.teamA ? [w.supA.id, w.workerA.id, w.workerA2.id] : [w.supB.id, w.workerB.id];
      await t.db.query(
        `INSERT INTO participant (team_id, first_name, last_name, enrolled_on, primary_worker_id)
         SELECT $1, 'Demo', 'Person ' || g, $2::date - (g * 9), ($3::uuid[])[1 + g % cardinality($3::uuid[])]
           FROM generate_series(1, 30) AS g`,
        [team.id, today, staff],
      );
    }
    await seedDemoRecords(ds, t.config);

    const { rows: resources } = await t.db.query(
      `SELECT category, active, phone, url FROM resource`,
    );
    expect(resources.length).toBeGreaterThanOrEqual(40);
    expect(new Set(resources.map((r) => r.category))).toEqual(new Set(RESOURCE_CATEGORIES));
    expect(resources.some((r) => !r.active)).toBe(true);
    expect(resources.every((r) => !r.phone || /^555-01\d\d$/.test(r.phone))).toBe(true);
    expect(resources.every((r) => !r.url || /^https:\/\/[a-z.-]*example\.org$/.test(r.url))).toBe(
      true,
    );

    for (const team of [w.teamA, w.teamB]) {
      const q = async (sql: string) => (await t.db.query(sql, [team.id, today])).rows[0];
      const adv = await q(
        `SELECT array_agg(DISTINCT status)::text[] AS statuses, array_agg(DISTINCT level)::text[] AS levels,
                count(*) FILTER (WHERE status IN ('open', 'in_progress') AND due_on < $2::date)::int AS overdue,
                count(*) FILTER (WHERE (status = 'done') <> (completed_on IS NOT NULL))::int AS bad_completed,
                count(*) FILTER (WHERE opened_on < $2::date - 183 OR opened_on > $2::date
                                    OR completed_on < opened_on OR completed_on > $2::date)::int AS bad_dates
           FROM advocacy_action WHERE team_id = $1`,
      );
      expect(new Set(adv.statuses)).toEqual(new Set(ADVOCACY_STATUSES));
      expect(new Set(adv.levels)).toEqual(new Set(ADVOCACY_LEVELS));
      expect(adv.overdue).toBeGreaterThan(0);
      expect(adv).toMatchObject({ bad_completed: 0, bad_dates: 0 });
      const ho = await q(
        `SELECT array_agg(DISTINCT outcome)::text[] AS outcomes,
                count(*) FILTER (WHERE outcome = 'pending' AND follow_up_on <= $2::date)::int AS due,
                count(*) FILTER (WHERE (outcome = 'pending') <> (outcome_on IS NULL)
                                    OR outcome_on < given_on OR outcome_on > $2::date
                                    OR given_on > $2::date)::int AS bad
           FROM handout WHERE team_id = $1`,
      );
      expect(new Set(ho.outcomes)).toEqual(new Set(HANDOUT_OUTCOMES));
      expect(ho.due).toBeGreaterThan(0);
      expect(ho.bad).toBe(0);
      // Referral journeys (SPEC §12): each history starts with the handout and ends in its status.
      const journeys = await q(
        `SELECT count(*) FILTER (WHERE history -> 0 ->> 'status' <> 'pending'
                                    OR history -> 0 ->> 'on' <> to_char(given_on, 'YYYY-MM-DD')
                                    OR history -> -1 ->> 'status' <> outcome
                                    OR (outcome <> 'pending' AND history -> -1 ->> 'on' <> to_char(outcome_on, 'YYYY-MM-DD')))::int AS bad,
                count(*) FILTER (WHERE jsonb_path_query_array(history, '$[*].status') = '["pending", "contacted", "scheduled", "connected"]')::int AS full_journeys,
                count(*) FILTER (WHERE jsonb_array_length(history) > 1 AND outcome = 'no_capacity')::int AS no_capacity
           FROM handout WHERE team_id = $1 AND given_on <= $2::date`,
      );
      expect(journeys.bad).toBe(0);
      expect(journeys.full_journeys).toBeGreaterThan(0);
      expect(journeys.no_capacity).toBeGreaterThan(0);
      const dn = await q(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE jsonb_array_length(options) NOT BETWEEN 2 AND 3)::int AS bad
           FROM decision_note WHERE team_id = $1 AND discussed_on <= $2::date`,
      );
      expect(dn.n).toBeGreaterThan(5);
      expect(dn.bad).toBe(0);
    }
    // Every record belongs to its participant's team and to a member of that team.
    const { rows: mismatched } = await t.db.query(
      `SELECT count(*)::int AS n FROM (
         SELECT team_id, participant_id, worker_id FROM advocacy_action
         UNION ALL SELECT team_id, participant_id, worker_id FROM handout
         UNION ALL SELECT team_id, participant_id, worker_id FROM decision_note) r
         JOIN app_user u ON u.id = r.worker_id
         LEFT JOIN participant p ON p.id = r.participant_id
        WHERE u.team_id <> r.team_id OR p.team_id <> r.team_id`,
    );
    expect(mismatched[0].n).toBe(0);

    // A second run adds nothing.
    const sums = async () =>
      Promise.all(
        ['resource', 'advocacy_action', 'handout', 'decision_note'].map((x) => tableChecksum(t, x)),
      );
    const before = await sums();
    await seedDemoRecords(ds, t.config);
    expect(await sums()).toEqual(before);

    // And the API reads them back.
    for (const path of [
      '/api/advocacy-actions?overdue=true',
      '/api/handouts?followUpDue=true',
      '/api/decision-notes',
    ]) {
      const res = await t.request('GET', path, { token: w.supA.token });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.body.total).toBeGreaterThan(0);
    }
  });

  it('runs as part of the whole demo organisation', async () => {
    const other = await createTestApp();
    const ds2 = new DataSource(dataSourceOptions(other.config.databaseUrl, { poolSize: 2 }));
    await ds2.initialize();
    try {
      const started = Date.now();
      const logins = await seedDemo(ds2, other.config);
      expect(Date.now() - started).toBeLessThan(20_000);
      const supervisor = logins.find((l) => l.role === 'supervisor')!;
      const token = await login(other, supervisor.email, DEMO_PASSWORD);
      for (const path of [
        '/api/resources',
        '/api/advocacy-actions',
        '/api/handouts',
        '/api/decision-notes',
      ]) {
        const res = await other.request('GET', path, { token });
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(res.body.total).toBeGreaterThan(0);
      }
    } finally {
      await ds2.destroy();
      await other.close();
    }
  });
});
