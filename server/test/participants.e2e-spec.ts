import { randomUUID } from 'node:crypto';
import { todayIn, type Participant } from '@peerpath/shared';
import { NAME_SEARCH_SQL, escapeLike } from '../src/participants/participants.service';
import { createParticipant, createSession, insertParticipant } from './factories/daily-loop';
import {
  createTestApp,
  seedTeam,
  seedUser,
  seedWorld,
  NOT_DENIED,
  tableChecksum,
  type SeededUser,
  type TestApp,
  type World,
} from './harness';
import { auditActionsSince, auditSeq } from './support/routes';

// Not UTC, so dates and days are proven to follow ORG_TIMEZONE.
const TZ = 'America/Los_Angeles';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function auditRows(t: TestApp, where: string, params: unknown[]) {
  const { rows } = await t.db.query(
    `SELECT actor_id, action, entity_type, entity_id, participant_id, team_id, details
       FROM audit_event WHERE ${where} ORDER BY seq`,
    params,
  );
  return rows;
}

async function storedParticipant(t: TestApp, id: string) {
  const { rows } = await t.db.query(`SELECT * FROM participant WHERE id = $1`, [id]);
  return rows[0];
}

describe('participants', () => {
  let t: TestApp;
  let w: World;
  const today = todayIn(TZ);

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  describe('create and read', () => {
    it('enrols a participant in the caller’s team with defaults, and audits it', async () => {
      const res = await t.request('POST', '/api/participants', {
        token: w.workerA.token,
        body: {
          firstName: '  Jamie ',
          lastName: 'Okonkwo',
          pronouns: 'they/them',
          email: 'Jamie.O@Example.org',
          focusAreas: ['anxiety', 'trauma'],
          primaryWorkerId: w.workerA.id,
          consentToServicesOn: '2026-01-02',
        },
      });
      expect(res.status).toBe(201);
      const p: Participant = res.body;
      expect(p).toEqual({
        id: expect.any(String),
        firstName: 'Jamie',
        lastName: 'Okonkwo',
        preferredName: null,
        pronouns: 'they/them',
        dateOfBirth: null,
        phone: null,
        email: 'jamie.o@example.org',
        participantType: 'individual',
        focusAreas: ['anxiety', 'trauma'],
        status: 'active',
        enrolledOn: today,
        dischargedOn: null,
        teamId: w.teamA.id,
        primaryWorkerId: w.workerA.id,
        consentToServicesOn: '2026-01-02',
        consentToShareOn: null,
        coverage: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const row = await storedParticipant(t, p.id);
      expect(row).toMatchObject({
        team_id: w.teamA.id,
        first_name: 'Jamie',
        status: 'active',
        enrolled_on: today,
        focus_areas: ['anxiety', 'trauma'],
        version: 1,
      });
      expect(await auditRows(t, `action = 'create' AND entity_id = $1`, [p.id])).toEqual([
        expect.objectContaining({
          actor_id: w.workerA.id,
          entity_type: 'participant',
          participant_id: p.id,
          team_id: w.teamA.id,
        }),
      ]);

      const got = await t.request('GET', `/api/participants/${p.id}`, { token: w.supA.token });
      expect(got.status).toBe(200);
      expect(got.body).toEqual(p);
      expect(
        await auditRows(t, `action = 'read' AND entity_id = $1 AND actor_id = $2`, [
          p.id,
          w.supA.id,
        ]),
      ).toEqual([
        expect.objectContaining({
          entity_type: 'participant',
          participant_id: p.id,
          team_id: w.teamA.id,
        }),
      ]);
    });

    it('makes an admin name the team, and creates it there', async () => {
      const missing = await t.request('POST', '/api/participants', {
        token: w.admin.token,
        body: { firstName: 'Ari', lastName: 'Stone' },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveProperty('teamId');
      const res = await t.request('POST', '/api/participants', {
        token: w.admin.token,
        body: {
          firstName: 'Ari',
          lastName: 'Stone',
          teamId: w.teamB.id,
          primaryWorkerId: w.workerB.id,
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ teamId: w.teamB.id, primaryWorkerId: w.workerB.id });
    });

    it('refuses a worker creating in another team, and primary workers outside the team', async () => {
      const before = await tableChecksum(t, 'participant');
      const other = await t.request('POST', '/api/participants', {
        token: w.workerA.token,
        body: { firstName: 'Sly', lastName: 'Fox', teamId: w.teamB.id },
      });
      expect(other.status).toBe(403);
      const { rows } = await t.db.query(
        `INSERT INTO app_user (email, display_name, role, team_id, password_hash, active)
         VALUES ($1, 'Gone Worker', 'worker', $2, 'x', false) RETURNING id`,
        [`gone.${randomUUID().slice(0, 8)}@test.example`, w.teamA.id],
      );
      for (const primaryWorkerId of [w.workerB.id, w.admin.id, rows[0].id, UNKNOWN]) {
        const res = await t.request('POST', '/api/participants', {
          token: w.supA.token,
          body: { firstName: 'Pat', lastName: 'Lee', primaryWorkerId },
        });
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors)).toEqual(['primaryWorkerId']);
        expect(res.text).not.toContain(w.workerB.displayName);
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);
    });

    it('refuses bad input with field errors and writes nothing', async () => {
      const before = await tableChecksum(t, 'participant');
      const audit = await tableChecksum(t, 'audit_event', NOT_DENIED);
      const ok = { firstName: 'Val', lastName: 'Id' };
      const cases: [Record<string, unknown>, string][] = [
        [{ lastName: 'Id' }, 'firstName'],
        [{ ...ok, firstName: '   ' }, 'firstName'],
        [{ ...ok, lastName: 'x'.repeat(101) }, 'lastName'],
        [{ ...ok, status: 'gone' }, 'status'],
        [{ ...ok, participantType: 'group' }, 'participantType'],
        [{ ...ok, focusAreas: ['anxiety', 'boredom'] }, 'focusAreas'],
        [{ ...ok, focusAreas: ['anxiety', 'anxiety'] }, 'focusAreas'],
        [{ ...ok, email: 'not-an-email' }, 'email'],
        [{ ...ok, dateOfBirth: '2026-02-30' }, 'dateOfBirth'],
        [{ ...ok, dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
        [{ ...ok, enrolledOn: '03/01/2026' }, 'enrolledOn'],
        [{ ...ok, enrolledOn: null }, 'enrolledOn'],
        [{ ...ok, enrolledOn: '2026-03-01', dischargedOn: '2026-02-01' }, 'dischargedOn'],
        [{ ...ok, primaryWorkerId: 'nobody' }, 'primaryWorkerId'],
        [{ ...ok, id: 'not-a-uuid' }, 'id'],
        [{ ...ok, version: 3 }, 'version'],
        [{ ...ok, nickname: 'Vee' }, 'nickname'],
      ];
      for (const [body, field] of cases) {
        const res = await t.request('POST', '/api/participants', { token: w.workerA.token, body });
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.errors).toHaveProperty(field);
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);
      expect(await tableChecksum(t, 'audit_event', NOT_DENIED)).toBe(audit);
    });

    it('sets dischargedOn to today when a participant is created or becomes discharged', async () => {
      const created = await createParticipant(t, w.workerA, { status: 'discharged' });
      expect(created).toMatchObject({ status: 'discharged', dischargedOn: today });

      const p = await createParticipant(t, w.workerA, { enrolledOn: '2025-06-01' });
      expect(p.dischargedOn).toBeNull();
      const res = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA.token,
        body: { version: 1, status: 'discharged' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'discharged', dischargedOn: today, version: 2 });
      expect((await storedParticipant(t, p.id)).discharged_on).toBe(today);

      const given = await createParticipant(t, w.workerA, { enrolledOn: '2025-06-01' });
      const res2 = await t.request('PATCH', `/api/participants/${given.id}`, {
        token: w.workerA.token,
        body: { version: 1, status: 'discharged', dischargedOn: '2026-01-15' },
      });
      expect(res2.body).toMatchObject({ status: 'discharged', dischargedOn: '2026-01-15' });
    });
    it('lists a participant exactly as it reads one, with every field filled', async () => {
      const created = await createParticipant(t, w.workerA, {
        firstName: 'Ngozi',
        lastName: `Listed-${Date.now()}`,
        preferredName: 'Zizi',
        pronouns: 'she/her',
        dateOfBirth: '1990-02-28',
        phone: '+1 555 0100',
        email: 'zizi@example.org',
        participantType: 'family_caregiver',
        focusAreas: ['bipolar', 'general_wellbeing'],
        status: 'discharged',
        enrolledOn: '2025-01-31',
        dischargedOn: '2026-02-01',
        primaryWorkerId: w.workerA.id,
        consentToServicesOn: '2025-01-31',
        consentToShareOn: '2025-02-03',
      });
      const read = await t.request('GET', `/api/participants/${created.id}`, {
        token: w.workerA.token,
      });
      const listed = await t.request(
        'GET',
        `/api/participants?search=${encodeURIComponent(created.lastName)}`,
        { token: w.workerA.token },
      );
      expect(listed.body.items).toEqual([{ ...read.body, lastContactOn: null, nextStep: null }]);
      expect(read.body).toEqual(created);
    });
  });

  describe('update', () => {
    it('changes fields, bumps the version by one and audits the change', async () => {
      const p = await createParticipant(t, w.workerA, { preferredName: 'Bee' });
      const res = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA2.token,
        body: {
          version: 1,
          preferredName: null,
          focusAreas: ['depression'],
          primaryWorkerId: w.workerA2.id,
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: p.id,
        preferredName: null,
        focusAreas: ['depression'],
        primaryWorkerId: w.workerA2.id,
        firstName: p.firstName,
        version: 2,
      });
      expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(p.updatedAt));
      const again = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA2.token,
        body: { version: 2, pronouns: 'she/her' },
      });
      expect(again.body.version).toBe(3);
      const row = await storedParticipant(t, p.id);
      expect(row).toMatchObject({ version: 3, preferred_name: null, pronouns: 'she/her' });
      const audit = await auditRows(t, `action = 'update' AND entity_id = $1`, [p.id]);
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        actor_id: w.workerA2.id,
        entity_type: 'participant',
        participant_id: p.id,
        team_id: w.teamA.id,
      });
      expect(audit[0].details.fields).toEqual(
        expect.arrayContaining(['preferredName', 'focusAreas', 'primaryWorkerId']),
      );
    });

    it('needs the version: missing → 400, stale → 409 and nothing changes', async () => {
      const p = await createParticipant(t, w.workerA);
      const before = await tableChecksum(t, 'participant');
      const missing = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA.token,
        body: { firstName: 'Changed' },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveProperty('version');

      await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA.token,
        body: { version: 1, lastName: 'Second' },
      });
      const afterFirst = await tableChecksum(t, 'participant');
      expect(afterFirst).not.toBe(before);
      const stale = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.workerA2.token,
        body: { version: 1, lastName: 'Lost update' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.errors).toHaveProperty('version');
      expect(await tableChecksum(t, 'participant')).toBe(afterFirst);
      expect((await storedParticipant(t, p.id)).last_name).toBe('Second');
    });

    it('lets only one of two concurrent updates with the same version win', async () => {
      const p = await createParticipant(t, w.workerA);
      const results = await Promise.all(
        ['One', 'Two', 'Three', 'Four'].map((pronouns) =>
          t.request('PATCH', `/api/participants/${p.id}`, {
            token: w.workerA.token,
            body: { version: 1, pronouns },
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const row = await storedParticipant(t, p.id);
      expect(row.version).toBe(2);
      expect(row.pronouns).toBe(results.find((r) => r.status === 200)!.body.pronouns);
    });

    it('keeps a participant in its team unless an admin moves it', async () => {
      const p = await createParticipant(t, w.workerA, { primaryWorkerId: w.workerA.id });
      const before = await tableChecksum(t, 'participant');
      for (const who of [w.workerA, w.supA]) {
        const res = await t.request('PATCH', `/api/participants/${p.id}`, {
          token: who.token,
          body: { version: 1, teamId: w.teamB.id },
        });
        expect([400, 403]).toContain(res.status);
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);

      // The primary worker of team A cannot follow the participant to team B.
      const keepWorker = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.admin.token,
        body: { version: 1, teamId: w.teamB.id },
      });
      expect(keepWorker.status).toBe(400);
      expect(keepWorker.body.errors).toHaveProperty('primaryWorkerId');
      const moved = await t.request('PATCH', `/api/participants/${p.id}`, {
        token: w.admin.token,
        body: { version: 1, teamId: w.teamB.id, primaryWorkerId: w.workerB.id },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        teamId: w.teamB.id,
        primaryWorkerId: w.workerB.id,
        version: 2,
      });
      expect(
        (await t.request('GET', `/api/participants/${p.id}`, { token: w.workerA.token })).status,
      ).toBe(404);
      expect(
        (await t.request('GET', `/api/participants/${p.id}`, { token: w.workerB.token })).status,
      ).toBe(200);
      const [audit] = await auditRows(t, `action = 'update' AND entity_id = $1`, [p.id]);
      expect(audit).toMatchObject({ team_id: w.teamB.id, details: { fromTeamId: w.teamA.id } });
    });

    it('refuses bad changes with field errors and writes nothing', async () => {
      const p = await createParticipant(t, w.workerA, { enrolledOn: '2025-05-01' });
      const before = await tableChecksum(t, 'participant');
      const cases: [Record<string, unknown>, string][] = [
        [{ version: 1, firstName: null }, 'firstName'],
        [{ version: 1, status: 'archived' }, 'status'],
        [{ version: 1, primaryWorkerId: w.workerB.id }, 'primaryWorkerId'],
        [{ version: 1, dischargedOn: '2025-04-01' }, 'dischargedOn'],
        [{ version: 1, id: randomUUID() }, 'id'],
        [{ version: '1' }, 'version'],
        [{ version: 0 }, 'version'],
      ];
      for (const [body, field] of cases) {
        const res = await t.request('PATCH', `/api/participants/${p.id}`, {
          token: w.workerA.token,
          body,
        });
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.errors).toHaveProperty(field);
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);
    });
  });

  describe('team boundaries', () => {
    it('404s another team’s participant on every endpoint and 400s a malformed id', async () => {
      const theirs = await createParticipant(t, w.workerB, { firstName: 'Secretive' });
      const before = await tableChecksum(t, 'participant');
      const audit = await tableChecksum(t, 'audit_event', NOT_DENIED);
      for (const who of [w.workerA, w.supA]) {
        const get = await t.request('GET', `/api/participants/${theirs.id}`, { token: who.token });
        expect(get.status).toBe(404);
        expect(get.text).not.toContain('Secretive');
        const patch = await t.request('PATCH', `/api/participants/${theirs.id}`, {
          token: who.token,
          body: { version: 1, firstName: 'Hijacked' },
        });
        expect(patch.status).toBe(404);
        const timeline = await t.request('GET', `/api/participants/${theirs.id}/timeline`, {
          token: who.token,
        });
        expect(timeline.status).toBe(404);
        expect(
          (await t.request('GET', `/api/participants/${UNKNOWN}`, { token: who.token })).status,
        ).toBe(404);
      }
      expect(await tableChecksum(t, 'participant')).toBe(before);
      expect(await tableChecksum(t, 'audit_event', NOT_DENIED)).toBe(audit);
      for (const url of ['/api/participants/nope', '/api/participants/123/timeline']) {
        expect((await t.request('GET', url, { token: w.workerA.token })).status).toBe(400);
      }
      const badPatch = await t.request('PATCH', '/api/participants/nope', {
        token: w.workerA.token,
        body: { version: 1 },
      });
      expect(badPatch.status).toBe(400);
      expect(
        (await t.request('GET', `/api/participants/${theirs.id}`, { token: w.admin.token })).status,
      ).toBe(200);
    });

    it('404s list filters naming another team’s records', async () => {
      for (const q of [
        `teamId=${w.teamB.id}`,
        `primaryWorkerId=${w.workerB.id}`,
        `primaryWorkerId=${UNKNOWN}`,
      ]) {
        const res = await t.request('GET', `/api/participants?${q}`, { token: w.workerA.token });
        expect({ q, status: res.status }).toEqual({ q, status: 404 });
      }
      // An admin filtering one team by another team's worker finds nothing there either.
      const mixed = await t.request(
        'GET',
        `/api/participants?teamId=${w.teamA.id}&primaryWorkerId=${w.workerB.id}`,
        {
          token: w.admin.token,
        },
      );
      expect(mixed.status).toBe(404);
    });
  });

  describe('lists and search', () => {
    // Teams of their own, so other tests' participants stay out of these lists.
    const sw = {} as {
      teamA: { id: string };
      teamB: { id: string };
      workerA: SeededUser;
      workerA2: SeededUser;
      workerB: SeededUser;
      admin: SeededUser;
    };
    const names: [string, string, string | null][] = [
      ['Zoë', 'Abbott', null],
      ['aaron', 'abbott', 'Ace'],
      ['Mary-Kate', 'McDonald', 'Katie'],
      ['Olu', 'Adeyemi', null],
      ['Percy', '100% Real', null],
      ['Under', 'Score_Name', null],
      ['Back', 'Sl\\ash', null],
      ['Henrietta', 'Lacks', 'Hen'],
    ];
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      sw.teamA = await seedTeam(t);
      sw.teamB = await seedTeam(t);
      sw.workerA = await seedUser(t, { role: 'worker', teamId: sw.teamA.id });
      sw.workerA2 = await seedUser(t, { role: 'worker', teamId: sw.teamA.id });
      sw.workerB = await seedUser(t, { role: 'worker', teamId: sw.teamB.id });
      sw.admin = w.admin;
      for (const [firstName, lastName, preferredName] of names) {
        ids[lastName + firstName] = await insertParticipant(t, sw.teamA.id, {
          firstName,
          lastName,
          preferredName,
        });
      }
      // Team B has name-alikes that must never show up for team A.
      await insertParticipant(t, sw.teamB.id, {
        firstName: 'Zoe',
        lastName: 'Abbott',
        preferredName: 'Katie',
      });
      await insertParticipant(t, sw.teamB.id, { firstName: 'Other', lastName: 'McDonald' });
    });

    const list = (q: string, who = () => sw.workerA) =>
      t.request('GET', `/api/participants${q}`, { token: who().token });
    const lastNames = (body: { items: Participant[] }) =>
      body.items.map((p) => `${p.firstName} ${p.lastName}`);

    it('lists the caller’s team by last name, first name, with paging', async () => {
      const all = await list('');
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: names.length, page: 1, pageSize: 25 });
      expect(lastNames(all.body)).toEqual([
        'Percy 100% Real',
        'aaron abbott',
        'Zoë Abbott',
        'Olu Adeyemi',
        'Henrietta Lacks',
        'Mary-Kate McDonald',
        'Under Score_Name',
        'Back Sl\\ash',
      ]);
      expect(all.body.items.every((p: Participant) => p.teamId === sw.teamA.id)).toBe(true);
      const page2 = await list('?page=2&pageSize=3');
      expect(page2.body).toMatchObject({ total: names.length, page: 2, pageSize: 3 });
      expect(lastNames(page2.body)).toEqual([
        'Olu Adeyemi',
        'Henrietta Lacks',
        'Mary-Kate McDonald',
      ]);
      const beyond = await list('?page=9&pageSize=3');
      expect(beyond.body).toMatchObject({ items: [], total: names.length });
      for (const q of [
        'pageSize=101',
        'page=0',
        'status=gone',
        'primaryWorkerId=x',
        'teamId=1',
        'unknown=1',
        'search=a%00b',
        `search=${'x'.repeat(101)}`,
        'search=a&search=b',
      ]) {
        const bad = await list(`?${q}`);
        expect({ q, status: bad.status }).toEqual({ q, status: 400 });
        expect(bad.body.errors).toBeDefined();
      }
    });

    it('searches any part of first, last or preferred name, ignoring case, within the team only', async () => {
      const cases: [string, string[]][] = [
        ['abbott', ['aaron abbott', 'Zoë Abbott']],
        ['ABB', ['aaron abbott', 'Zoë Abbott']],
        ['bbot', ['aaron abbott', 'Zoë Abbott']],
        ['katie', ['Mary-Kate McDonald']],
        ['mcdon', ['Mary-Kate McDonald']],
        ['ZOË', ['Zoë Abbott']],
        ['hen', ['Henrietta Lacks']],
        ['aaron abb', ['aaron abbott']],
        ['100%', ['Percy 100% Real']],
        ['%', ['Percy 100% Real']],
        ['_', ['Under Score_Name']],
        ['\\', ['Back Sl\\ash']],
        ['nobody', []],
      ];
      for (const [term, expected] of cases) {
        const res = await list(`?search=${encodeURIComponent(term)}`);
        expect({ term, found: lastNames(res.body) }).toEqual({ term, found: expected });
        expect(res.body.total).toBe(expected.length);
      }
      const admin = await list(`?search=katie&pageSize=100`, () => sw.admin);
      expect(admin.body.items.map((p: Participant) => p.teamId)).toEqual(
        expect.arrayContaining([sw.teamA.id, sw.teamB.id]),
      );
      const adminA = await list(`?search=katie&teamId=${sw.teamA.id}`, () => sw.admin);
      expect(lastNames(adminA.body)).toEqual(['Mary-Kate McDonald']);
      const b = await list('?search=abbott', () => sw.workerB);
      expect(b.body.items.map((p: Participant) => p.teamId)).toEqual([sw.teamB.id]);
    });

    /** The plan of `sql`, in a transaction that is always rolled back. */
    async function planOf(sql: string, params: unknown[], setup: string[] = []): Promise<string> {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query('SET LOCAL enable_seqscan = off');
        for (const s of setup) await c.query(s);
        const { rows } = await c.query(`EXPLAIN ${sql}`, params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    }

    it('matches across teams with the trigram index expression', async () => {
      // Without the list indexes, the trigram one must.
      const plan = await planOf(
        `SELECT p.id FROM participant p WHERE ${NAME_SEARCH_SQL} LIKE lower($1)`,
        [`%${escapeLike('abbo')}%`],
        // The list indexes hold the names too, and on a table this small either would also do.
        ['DROP INDEX participant_team_list_idx', 'DROP INDEX participant_org_list_idx'],
      );
      expect(plan).toContain('participant_name_trgm_idx');
    });

    it('searches inside a team from the team list index alone', async () => {
      const plan = await planOf(
        `SELECT p.id FROM participant p
          WHERE p.team_id = $1 AND strpos(${NAME_SEARCH_SQL}, lower($2)) > 0
          ORDER BY lower(p.last_name), lower(p.first_name), p.id`,
        [sw.teamA.id, 'abbo'],
      );
      expect(plan).toContain('participant_team_list_idx');
      expect(plan).not.toMatch(/Sort/);
    });

    it('pages the whole organisation in list order from its own index, counting the matches apart', async () => {
      // Another team's people interleave with team A's by name; one is inactive.
      for (const [firstName, lastName, status] of [
        ['Ada', 'Abbott', 'active'],
        ['Bea', 'Lacks', 'inactive'],
        ['Cy', 'Mcdonald', 'active'],
      ] as const) {
        const id = await insertParticipant(t, sw.teamB.id, { firstName, lastName });
        await t.db.query(`UPDATE participant SET status = $2 WHERE id = $1`, [id, status]);
      }
      const expected = async (where: string) =>
        (
          await t.db.query<{ id: string }>(
            `SELECT p.id FROM participant p ${where}
              ORDER BY lower(p.last_name), lower(p.first_name), p.id`,
          )
        ).rows.map((r) => r.id);
      const allPages = async (q: string) => {
        const ids: string[] = [];
        const totals = new Set<number>();
        for (let page = 1; ; page++) {
          const res = await list(`?pageSize=3&page=${page}${q}`, () => sw.admin);
          expect(res.status).toBe(200);
          totals.add(res.body.total);
          if (res.body.items.length === 0) break;
          ids.push(...res.body.items.map((p: Participant) => p.id));
        }
        return { ids, totals: [...totals] };
      };
      const everyone = await expected('');
      expect(everyone.length).toBeGreaterThan(names.length + 3);
      expect(await allPages('')).toEqual({ ids: everyone, totals: [everyone.length] });
      const inactive = await expected(`WHERE p.status = 'inactive'`);
      expect(inactive.length).toBeGreaterThanOrEqual(1);
      expect(await allPages('&status=inactive')).toEqual({
        ids: inactive,
        totals: [inactive.length],
      });
      const abbotts = await expected(`WHERE ${NAME_SEARCH_SQL} LIKE '%abbott%'`);
      expect(abbotts.length).toBeGreaterThanOrEqual(4);
      expect(await allPages('&search=abbott')).toEqual({ ids: abbotts, totals: [abbotts.length] });

      // By last contact: never met first (by name), then the longest unseen first.
      await createSession(t, sw.workerB, [(await expected(`WHERE p.first_name = 'Cy'`))[0]], {
        startsAt: '2026-01-03T10:00:00Z',
      });
      // Someone met by two teams (moved between them) counts once, at the later day, and so
      // does someone met by two teams on the same day. The rows stand for the roll-up's own.
      const [ada, bea] = await expected(
        `WHERE p.team_id = '${sw.teamB.id}' AND p.first_name IN ('Ada', 'Bea')`,
      );
      const contact = (who: string, team: string, day: string) =>
        t.db.query(
          `INSERT INTO participant_contact (participant_id, team_id, days, last_day)
           VALUES ($1, $2, datemultirange(daterange($3::date, $3::date, '[]')), $3::date)`,
          [who, team, day],
        );
      await contact(ada, sw.teamB.id, '2026-01-04');
      await contact(ada, sw.teamA.id, '2025-12-01');
      await contact(bea, sw.teamB.id, '2026-01-02');
      await contact(bea, sw.teamA.id, '2026-01-02');
      const byContact = async (where: string) =>
        (
          await t.db.query<{ id: string }>(
            `SELECT p.id FROM participant p
               LEFT JOIN (SELECT participant_id, max(last_day) AS last_day
                            FROM participant_contact GROUP BY participant_id) c
                 ON c.participant_id = p.id
              ${where}
              ORDER BY c.last_day ASC NULLS FIRST, lower(p.last_name), lower(p.first_name), p.id`,
          )
        ).rows.map((r) => r.id);
      const everyoneByContact = await byContact('');
      expect(everyoneByContact.slice(-3)).toEqual([
        bea,
        (await expected(`WHERE p.first_name = 'Cy'`))[0],
        ada,
      ]);
      expect(await allPages('&sort=lastContact')).toEqual({
        ids: everyoneByContact,
        totals: [everyoneByContact.length],
      });
      // Far down the list (past its first 500 rows) everyone's last contact is sorted instead.
      const far = await list('?sort=lastContact&pageSize=100&page=6', () => sw.admin);
      expect(far.status).toBe(200);
      expect(far.body).toMatchObject({ items: [], total: everyoneByContact.length, page: 6 });
      for (const [q, where] of [
        ['&status=inactive', `WHERE p.status = 'inactive'`],
        ['&search=abbott', `WHERE ${NAME_SEARCH_SQL} LIKE '%abbott%'`],
        [
          '&noContactSince=2026-01-03',
          `WHERE NOT EXISTS (SELECT 1 FROM participant_contact n
                              WHERE n.participant_id = p.id AND n.last_day >= '2026-01-03')`,
        ],
      ]) {
        const ids = await byContact(where);
        expect(ids.length).toBeGreaterThanOrEqual(1);
        expect({ q, ...(await allPages(`${q}&sort=lastContact`)) }).toEqual({
          q,
          ids,
          totals: [ids.length],
        });
      }
    });

    it('reads an organisation-wide page from participant_org_list_idx without sorting', async () => {
      const plan = await planOf(
        `SELECT p.id, (SELECT count(*)::int FROM participant p WHERE p.status = $1) AS total
           FROM participant p WHERE p.status = $1
          ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 25 OFFSET 50`,
        ['active'],
        // On a table this small a sort would be cheaper; the order must come from an index.
        ['SET LOCAL enable_sort = off'],
      );
      expect(plan).toContain('participant_org_list_idx');
      expect(plan).not.toMatch(/Sort/);
    });

    it('filters by status and primary worker, and shows the last attended contact', async () => {
      const henId = ids['LacksHenrietta'];
      const aceId = ids['abbottaaron'];
      await t.db.query(
        `UPDATE participant SET status = 'inactive', primary_worker_id = $2 WHERE id = $1`,
        [henId, sw.workerA2.id],
      );
      await t.db.query(`UPDATE participant SET primary_worker_id = $2 WHERE id = $1`, [
        aceId,
        sw.workerA2.id,
      ]);
      const inactive = await list('?status=inactive');
      expect(lastNames(inactive.body)).toEqual(['Henrietta Lacks']);
      const mine = await list(`?primaryWorkerId=${sw.workerA2.id}`);
      expect(lastNames(mine.body)).toEqual(['aaron abbott', 'Henrietta Lacks']);
      const both = await list(`?primaryWorkerId=${sw.workerA2.id}&status=active&search=ABB`);
      expect(lastNames(both.body)).toEqual(['aaron abbott']);

      await createSession(t, sw.workerA, [henId, aceId], { startsAt: '2026-01-05T10:00:00Z' });
      const later = await createSession(t, sw.workerA, [henId, aceId], {
        startsAt: '2026-02-07T23:30:00Z',
      });
      // Hen missed the later session: her last contact is the earlier one.
      const absent = await t.request('PATCH', `/api/sessions/${later.id}`, {
        token: sw.workerA.token,
        body: {
          version: 1,
          attendance: [
            { participantId: henId, status: 'absent' },
            { participantId: aceId, status: 'attended' },
          ],
        },
      });
      expect(absent.status).toBe(200);
      const res = await list('?pageSize=100');
      const byId = Object.fromEntries(res.body.items.map((p: { id: string }) => [p.id, p]));
      expect(byId[henId].lastContactOn).toBe('2026-01-05');
      expect(byId[aceId].lastContactOn).toBe('2026-02-07');
      expect(byId[ids['McDonaldMary-Kate']].lastContactOn).toBeNull();
    });

    it('audits every list and search with its filters', async () => {
      await list(`?search=katie&status=active&page=1`);
      const [event] = await auditRows(
        t,
        `action = 'read' AND entity_type = 'participant' AND entity_id IS NULL
         AND details->'filters'->>'search' = 'katie' AND details->'filters'->>'status' = 'active'`,
        [],
      );
      expect(event).toMatchObject({
        actor_id: sw.workerA.id,
        team_id: sw.teamA.id,
        participant_id: null,
        details: { filters: { search: 'katie', status: 'active' } },
      });
    });
  });

  describe('safe retries', () => {
    it('returns the stored record for a repeated create and writes nothing', async () => {
      const id = randomUUID();
      const body = {
        id,
        firstName: 'Remy',
        lastName: 'Retry',
        focusAreas: ['trauma', 'anxiety'],
        enrolledOn: '2026-01-10',
      };
      const first = await t.request('POST', '/api/participants', { token: w.workerA.token, body });
      expect(first.status).toBe(201);
      expect(first.body.id).toBe(id);
      const before = await tableChecksum(t, 'participant');
      const seq = await auditSeq(t);
      const again = await t.request('POST', '/api/participants', {
        token: w.workerA2.token,
        body: { ...body, firstName: ' Remy ', focusAreas: ['anxiety', 'trauma'] },
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await tableChecksum(t, 'participant')).toBe(before);
      // Nothing written but the read of the record the retry returned (SPEC §3).
      expect(await auditActionsSince(t, seq)).toEqual(['read']);

      const differs = await t.request('POST', '/api/participants', {
        token: w.workerA.token,
        body: { ...body, lastName: 'Other' },
      });
      expect(differs.status).toBe(409);
      expect(differs.body.errors).toHaveProperty('lastName');
      expect(await tableChecksum(t, 'participant')).toBe(before);
    });

    it('makes one row of 100 parallel identical creates', async () => {
      const id = randomUUID();
      const body = { id, firstName: 'Para', lastName: 'Llel', primaryWorkerId: w.workerA.id };
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          t.request('POST', '/api/participants', { token: w.workerA.token, body }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(99);
      expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM participant WHERE id = $1`,
        [id],
      );
      expect(rows[0].n).toBe(1);
      expect(await auditRows(t, `action = 'create' AND entity_id = $1`, [id])).toHaveLength(1);
    });

    it('never reveals another team’s record through a retried id', async () => {
      const theirs = await createParticipant(t, w.workerB, { firstName: 'Hidden' });
      const res = await t.request('POST', '/api/participants', {
        token: w.workerA.token,
        body: { id: theirs.id, firstName: 'Hidden', lastName: theirs.lastName },
      });
      expect(res.status).toBe(409);
      expect(res.text).not.toContain('Hidden');
      expect(res.text).not.toContain(w.teamB.id);
      expect((await storedParticipant(t, theirs.id)).team_id).toBe(w.teamB.id);
    });
  });

  describe('timeline', () => {
    it('lists sessions, advocacy, handouts and decision notes newest first, and audits the read', async () => {
      const p = await createParticipant(t, w.workerA, { firstName: 'Tilly', lastName: 'Line' });
      const other = await createParticipant(t, w.workerA);
      const group = await createSession(t, w.workerA, [p.id, other.id], {
        startsAt: '2026-03-02T17:00:00Z',
        durationMinutes: 90,
      });
      const oneToOne = await createSession(t, w.workerA, [p.id], {
        type: 'one_to_one_mentoring',
        setting: 'phone',
        startsAt: '2026-03-05T09:15:00Z',
        durationMinutes: 45,
        attendance: [{ participantId: p.id, status: 'excused' }],
      });
      await createSession(t, w.workerA, [other.id], { startsAt: '2026-03-06T09:00:00Z' });
      const { rows: res } = await t.db.query(
        `INSERT INTO resource (name, category) VALUES ('Harbor Housing Help Desk', 'housing') RETURNING id`,
      );
      const { rows: adv } = await t.db.query(
        `INSERT INTO advocacy_action (team_id, participant_id, level, category, title, status, opened_on, worker_id)
         VALUES ($1, $2, 'individual', 'housing', 'Appeal the rent increase', 'in_progress', '2026-03-04', $3) RETURNING id`,
        [w.teamA.id, p.id, w.workerA.id],
      );
      const { rows: hand } = await t.db.query(
        `INSERT INTO handout (team_id, participant_id, resource_id, worker_id, given_on, method, outcome)
         VALUES ($1, $2, $3, $4, '2026-03-03', 'warm_handoff', 'connected') RETURNING id`,
        [w.teamA.id, p.id, res[0].id, w.workerA.id],
      );
      const { rows: note } = await t.db.query(
        `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decided_by)
         VALUES ($1, $2, $3, '2026-03-05', 'Whether to try a medication change', '[{"label":"Try it"}]', 'shared') RETURNING id`,
        [w.teamA.id, p.id, w.workerA.id],
      );
      // Another participant's records never show up.
      await t.db.query(
        `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decided_by)
         VALUES ($1, $2, $3, '2026-03-09', 'Someone else''s decision', '[{"label":"x"}]', 'deferred')`,
        [w.teamA.id, other.id, w.workerA.id],
      );

      const tl = await t.request('GET', `/api/participants/${p.id}/timeline`, {
        token: w.workerA2.token,
      });
      expect(tl.status).toBe(200);
      expect(tl.body).toEqual({
        items: [
          {
            kind: 'session',
            id: oneToOne.id,
            date: '2026-03-05T09:15:00.000Z',
            summary: 'One-to-one mentoring · excused · 45 min',
            snippet: null,
            openable: true,
          },
          {
            kind: 'decision_note',
            id: note[0].id,
            date: '2026-03-05',
            summary: 'Whether to try a medication change',
            snippet: 'No decision yet',
            openable: true,
          },
          {
            kind: 'advocacy',
            id: adv[0].id,
            date: '2026-03-04',
            summary: expect.stringContaining('Appeal the rent increase'),
            snippet: 'In progress',
            openable: true,
          },
          {
            kind: 'handout',
            id: hand[0].id,
            date: '2026-03-03',
            summary: expect.stringMatching(/Harbor Housing Help Desk.*connected/),
            snippet: 'Connected',
            openable: true,
          },
          {
            kind: 'session',
            id: group.id,
            date: '2026-03-02T17:00:00.000Z',
            summary: 'Support group · attended · 90 min',
            snippet: group.notes,
            openable: true,
          },
        ],
      });
      expect(
        await auditRows(t, `action = 'read' AND entity_id = $1 AND actor_id = $2`, [
          p.id,
          w.workerA2.id,
        ]),
      ).toEqual([
        expect.objectContaining({
          entity_type: 'participant',
          participant_id: p.id,
          team_id: w.teamA.id,
        }),
      ]);
      const empty = await createParticipant(t, w.workerA);
      expect(
        (
          await t.request('GET', `/api/participants/${empty.id}/timeline`, {
            token: w.workerA.token,
          })
        ).body,
      ).toEqual({
        items: [],
      });
    });

    it('sorts a date-only record at the start of that day in ORG_TIMEZONE', async () => {
      const p = await createParticipant(t, w.workerA);
      // 03:00Z on 10 March is 20:00 on 9 March in Los Angeles: before that day's note.
      const session = await createSession(t, w.workerA, [p.id], {
        startsAt: '2026-03-10T03:00:00Z',
      });
      const { rows } = await t.db.query(
        `INSERT INTO decision_note (team_id, participant_id, worker_id, discussed_on, topic, options, decided_by)
         VALUES ($1, $2, $3, '2026-03-10', 'Next steps', '[{"label":"a"}]', 'participant') RETURNING id`,
        [w.teamA.id, p.id, w.workerA.id],
      );
      const tl = await t.request('GET', `/api/participants/${p.id}/timeline`, {
        token: w.workerA.token,
      });
      expect(tl.body.items.map((i: { id: string }) => i.id)).toEqual([rows[0].id, session.id]);
      // ...and its local date is what the list calls the last contact.
      const listed = await t.request(
        'GET',
        `/api/participants?search=${encodeURIComponent(p.lastName)}`,
        {
          token: w.workerA.token,
        },
      );
      expect(listed.body.items[0].lastContactOn).toBe('2026-03-09');
    });
  });
});
