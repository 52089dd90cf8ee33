import { randomUUID } from 'node:crypto';
import type { Participant, Session } from '@peerpath/shared';
import { createParticipant, createSession, sessionBody } from './factories/daily-loop';
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

// Not UTC, so `from`/`to` are proven to be days in ORG_TIMEZONE.
const TZ = 'America/New_York';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const TABLES = ['support_session', 'attendance', 'audit_event'];

describe('sessions', () => {
  let t: TestApp;
  let w: World;
  let a1: Participant;
  let a2: Participant;
  let a3: Participant;
  let b1: Participant;

  /** Checksums of every table a refused session write could have touched. */
  const checksums = () =>
    Promise.all(
      TABLES.map((table) => tableChecksum(t, table, table === 'audit_event' ? NOT_DENIED : 'true')),
    );
  const post = (who: SeededUser, body: unknown) =>
    t.request('POST', '/api/sessions', { token: who.token, body });
  async function auditOf(sessionId: string, action: string) {
    const { rows } = await t.db.query(
      `SELECT actor_id, entity_type, participant_id, team_id, details FROM audit_event
        WHERE entity_id = $1 AND action = $2 ORDER BY participant_id`,
      [sessionId, action],
    );
    return rows;
  }
  async function attendanceOf(sessionId: string) {
    const { rows } = await t.db.query(
      `SELECT participant_id, status, note FROM attendance WHERE session_id = $1 ORDER BY participant_id`,
      [sessionId],
    );
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp({ orgTimezone: TZ });
    w = await seedWorld(t);
    a1 = await createParticipant(t, w.workerA, { firstName: 'Ada', lastName: 'Ames' });
    a2 = await createParticipant(t, w.workerA, { firstName: 'Ben', lastName: 'Bose' });
    a3 = await createParticipant(t, w.workerA, { firstName: 'Cal', lastName: 'Cruz' });
    b1 = await createParticipant(t, w.workerB, { firstName: 'Bertha', lastName: 'Elsewhere' });
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('logs a group session with its attendance, derives the format and audits each attendee', async () => {
      const res = await post(w.workerA, {
        type: 'condition_specific_group',
        setting: 'clinic',
        startsAt: '2026-03-02T12:00:00-05:00',
        durationMinutes: 75,
        title: '  Anxiety circle ',
        activities: ['coping_strategies', 'health_literacy'],
        notes: 'Good energy.',
        attendance: [
          { participantId: a2.id, status: 'absent', note: 'Called in sick' },
          { participantId: a1.id, status: 'attended' },
        ],
      });
      expect(res.status).toBe(201);
      const s: Session = res.body;
      expect(s).toEqual({
        id: expect.any(String),
        type: 'condition_specific_group',
        format: 'group',
        setting: 'clinic',
        startsAt: '2026-03-02T17:00:00.000Z',
        durationMinutes: 75,
        title: 'Anxiety circle',
        activities: ['coping_strategies', 'health_literacy'],
        notes: 'Good energy.',
        facilitatorId: w.workerA.id,
        teamId: w.teamA.id,
        attendance: [
          { participantId: a1.id, status: 'attended', note: null },
          { participantId: a2.id, status: 'absent', note: 'Called in sick' },
        ],
        version: 1,
        voidedAt: null,
        voidedById: null,
        voidReason: null,
        groupId: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const { rows } = await t.db.query(`SELECT * FROM support_session WHERE id = $1`, [s.id]);
      expect(rows[0]).toMatchObject({
        team_id: w.teamA.id,
        facilitator_id: w.workerA.id,
        type: 'condition_specific_group',
        duration_minutes: 75,
        version: 1,
      });
      expect(rows[0].starts_at.toISOString()).toBe('2026-03-02T17:00:00.000Z');
      expect(await attendanceOf(s.id)).toEqual(
        [
          { participant_id: a1.id, status: 'attended', note: null },
          { participant_id: a2.id, status: 'absent', note: 'Called in sick' },
        ].sort((x, y) => x.participant_id.localeCompare(y.participant_id)),
      );
      const audit = await auditOf(s.id, 'create');
      expect(audit).toHaveLength(2);
      expect(audit.map((e) => e.participant_id).sort()).toEqual([a1.id, a2.id].sort());
      for (const e of audit) {
        expect(e).toMatchObject({
          actor_id: w.workerA.id,
          entity_type: 'session',
          team_id: w.teamA.id,
        });
      }
    });

    it('holds a one-to-one session to exactly one attendee and a group to at least one', async () => {
      const before = await checksums();
      const two = await post(
        w.workerA,
        sessionBody([a1.id, a2.id], { type: 'one_to_one_mentoring' }),
      );
      expect(two.status).toBe(400);
      expect(two.body.errors).toHaveProperty('attendance');
      for (const type of ['one_to_one_mentoring', 'support_group']) {
        const none = await post(w.workerA, sessionBody([], { type }));
        expect(none.status).toBe(400);
        expect(none.body.errors).toHaveProperty('attendance');
      }
      expect(await checksums()).toEqual(before);
      const one = await post(
        w.workerA,
        sessionBody([a1.id], { type: 'one_to_one_mentoring', setting: 'phone' }),
      );
      expect(one.status).toBe(201);
      expect(one.body).toMatchObject({
        format: 'one_to_one',
        attendance: [{ participantId: a1.id }],
      });
    });

    it('refuses bad input with errors naming the field, writing nothing', async () => {
      const before = await checksums();
      const ok = sessionBody([a1.id, a2.id]);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...ok, type: 'yoga' }, 'type'],
        [{ ...ok, type: undefined }, 'type'],
        [{ ...ok, setting: 'pub' }, 'setting'],
        [{ ...ok, startsAt: '2026-03-02T17:00:00' }, 'startsAt'],
        [{ ...ok, startsAt: '2026-03-02' }, 'startsAt'],
        [{ ...ok, startsAt: 'yesterday' }, 'startsAt'],
        [{ ...ok, durationMinutes: 0 }, 'durationMinutes'],
        [{ ...ok, durationMinutes: 721 }, 'durationMinutes'],
        [{ ...ok, durationMinutes: 30.5 }, 'durationMinutes'],
        [{ ...ok, durationMinutes: '60' }, 'durationMinutes'],
        [{ ...ok, title: 'x'.repeat(201) }, 'title'],
        [{ ...ok, activities: ['juggling'] }, 'activities'],
        [{ ...ok, activities: ['advocacy', 'advocacy'] }, 'activities'],
        [{ ...ok, attendance: undefined }, 'attendance'],
        [{ ...ok, attendance: 'everyone' }, 'attendance'],
        [
          { ...ok, attendance: [{ participantId: 'x', status: 'attended' }] },
          'attendance.0.participantId',
        ],
        [{ ...ok, attendance: [{ participantId: a1.id, status: 'late' }] }, 'attendance.0.status'],
        [
          { ...ok, attendance: [{ participantId: a1.id, status: 'attended', mood: 'ok' }] },
          'attendance.0.mood',
        ],
        [
          {
            ...ok,
            attendance: [
              { participantId: a1.id, status: 'attended' },
              { participantId: a1.id.toUpperCase(), status: 'absent' },
            ],
          },
          'attendance',
        ],
        [{ ...ok, format: 'group' }, 'format'],
        [{ ...ok, version: 2 }, 'version'],
        [{ ...ok, facilitatorId: 'me' }, 'facilitatorId'],
      ];
      for (const [body, field] of cases) {
        const res = await post(w.workerA, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.errors).toHaveProperty([field]);
      }
      expect(await checksums()).toEqual(before);
    });

    it('rolls everything back when one attendee is of another team or unknown, revealing nothing', async () => {
      const before = await checksums();
      const res = await post(w.workerA, {
        ...sessionBody([]),
        attendance: [
          { participantId: a1.id, status: 'attended' },
          { participantId: b1.id, status: 'attended' },
          { participantId: a2.id, status: 'attended' },
          { participantId: UNKNOWN, status: 'absent' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({
        'attendance.1.participantId': [expect.any(String)],
        'attendance.3.participantId': [expect.any(String)],
      });
      // Another team's participant looks exactly like one that does not exist.
      expect(res.body.errors['attendance.1.participantId']).toEqual(
        res.body.errors['attendance.3.participantId'],
      );
      expect(res.text).not.toMatch(/Bertha|Elsewhere/);
      expect(res.text).not.toContain(w.teamB.id);
      expect(await checksums()).toEqual(before);
    });

    it('applies the facilitator rule: a worker only themself, a supervisor anyone of the team', async () => {
      const before = await checksums();
      const other = await post(w.workerA, sessionBody([a1.id], { facilitatorId: w.workerA2.id }));
      expect(other.status).toBe(403);
      expect(await checksums()).toEqual(before);

      const self = await post(w.workerA, sessionBody([a1.id], { facilitatorId: w.workerA.id }));
      expect(self.status).toBe(201);
      expect(self.body.facilitatorId).toBe(w.workerA.id);

      const bySup = await post(w.supA, sessionBody([a1.id], { facilitatorId: w.workerA2.id }));
      expect(bySup.status).toBe(201);
      expect(bySup.body.facilitatorId).toBe(w.workerA2.id);
      const { rows } = await t.db.query(
        `SELECT facilitator_id FROM support_session WHERE id = $1`,
        [bySup.body.id],
      );
      expect(rows[0].facilitator_id).toBe(w.workerA2.id);

      const mid = await checksums();
      for (const facilitatorId of [w.workerB.id, w.admin.id, UNKNOWN]) {
        const res = await post(w.supA, sessionBody([a1.id], { facilitatorId }));
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors)).toEqual(['facilitatorId']);
      }
      const workerElsewhere = await post(w.workerA, sessionBody([a1.id], { teamId: w.teamB.id }));
      expect(workerElsewhere.status).toBe(403);
      const adminNoTeam = await post(
        w.admin,
        sessionBody([a1.id], { facilitatorId: w.workerA.id }),
      );
      expect(adminNoTeam.status).toBe(400);
      expect(adminNoTeam.body.errors).toHaveProperty('teamId');
      const adminNoFacilitator = await post(w.admin, sessionBody([a1.id], { teamId: w.teamA.id }));
      expect(adminNoFacilitator.status).toBe(400);
      expect(adminNoFacilitator.body.errors).toHaveProperty('facilitatorId');
      expect(await checksums()).toEqual(mid);
      const byAdmin = await post(
        w.admin,
        sessionBody([a1.id], { teamId: w.teamA.id, facilitatorId: w.supA.id }),
      );
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body).toMatchObject({ teamId: w.teamA.id, facilitatorId: w.supA.id });
    });
  });

  describe('read', () => {
    it('shows one session to its team only, and audits the read per attendee', async () => {
      const s = await createSession(t, w.workerA, [a1.id, a3.id]);
      const res = await t.request('GET', `/api/sessions/${s.id}`, { token: w.workerA2.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(s);
      const reads = await auditOf(s.id, 'read');
      expect(reads.map((e) => e.participant_id).sort()).toEqual([a1.id, a3.id].sort());
      expect(reads.every((e) => e.actor_id === w.workerA2.id && e.team_id === w.teamA.id)).toBe(
        true,
      );

      const audit = await tableChecksum(t, 'audit_event', NOT_DENIED);
      for (const who of [w.workerB, w.supB]) {
        const other = await t.request('GET', `/api/sessions/${s.id}`, { token: who.token });
        expect(other.status).toBe(404);
        expect(other.text).not.toContain(a1.id);
      }
      expect(
        (await t.request('GET', `/api/sessions/${UNKNOWN}`, { token: w.workerA.token })).status,
      ).toBe(404);
      expect(
        (await t.request('GET', '/api/sessions/not-a-uuid', { token: w.workerA.token })).status,
      ).toBe(400);
      expect(await tableChecksum(t, 'audit_event', NOT_DENIED)).toBe(audit);
      expect(
        (await t.request('GET', `/api/sessions/${s.id}`, { token: w.admin.token })).status,
      ).toBe(200);
    });

    describe('lists', () => {
      let team: { id: string };
      let worker: SeededUser;
      let worker2: SeededUser;
      let p: Participant[];
      const ids: Record<string, string> = {};
      const list = (q: string, who = () => worker) =>
        t.request('GET', `/api/sessions${q}`, { token: who().token });
      const idsOf = (body: { items: Session[] }) => body.items.map((s) => s.id);

      beforeAll(async () => {
        team = await seedTeam(t);
        worker = await seedUser(t, { role: 'worker', teamId: team.id });
        worker2 = await seedUser(t, { role: 'worker', teamId: team.id });
        p = [];
        for (let i = 0; i < 3; i++) p.push(await createParticipant(t, worker));
        const at: [string, string, SeededUser, string, string[]][] = [
          ['marchLate', '2026-04-01T03:30:00Z', worker, 'support_group', [p[0].id]], // 31 Mar, 23:30
          ['aprilFirst', '2026-04-01T04:30:00Z', worker, 'educational_group', [p[0].id, p[1].id]], // 1 Apr, 00:30
          ['aprilMid', '2026-04-15T16:00:00Z', worker2, 'support_group', [p[1].id]],
          ['aprilLast', '2026-05-01T03:59:00Z', worker, 'online_forum', [p[2].id]], // 30 Apr, 23:59
          ['mayFirst', '2026-05-01T04:00:00Z', worker2, 'support_group', [p[0].id, p[2].id]], // 1 May, 00:00
        ];
        for (const [key, startsAt, who, type, attendees] of at) {
          ids[key] = (
            await createSession(t, who, attendees, { startsAt, type, setting: 'online' })
          ).id;
        }
      });

      it('lists the team’s sessions newest first with their attendance, paged', async () => {
        const all = await list('');
        expect(all.status).toBe(200);
        expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 25 });
        expect(idsOf(all.body)).toEqual([
          ids.mayFirst,
          ids.aprilLast,
          ids.aprilMid,
          ids.aprilFirst,
          ids.marchLate,
        ]);
        const first = all.body.items.find((s: Session) => s.id === ids.aprilFirst);
        expect(
          first.attendance.map((a: { participantId: string }) => a.participantId).sort(),
        ).toEqual([p[0].id, p[1].id].sort());
        expect(first).toMatchObject({
          type: 'educational_group',
          format: 'group',
          teamId: team.id,
        });
        const page = await list('?page=2&pageSize=2');
        expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
        expect(idsOf(page.body)).toEqual([ids.aprilMid, ids.aprilFirst]);
        // Other teams' sessions never appear.
        const other = await list('?pageSize=100', () => w.workerB);
        expect(other.body.items.every((s: Session) => s.teamId === w.teamB.id)).toBe(true);
      });

      it('takes from and to as inclusive days in ORG_TIMEZONE', async () => {
        const april = await list('?from=2026-04-01&to=2026-04-30');
        expect(idsOf(april.body)).toEqual([ids.aprilLast, ids.aprilMid, ids.aprilFirst]);
        const oneDay = await list('?from=2026-03-31&to=2026-03-31');
        expect(idsOf(oneDay.body)).toEqual([ids.marchLate]);
        expect(idsOf((await list('?from=2026-05-01')).body)).toEqual([ids.mayFirst]);
        expect(idsOf((await list('?to=2026-03-31')).body)).toEqual([ids.marchLate]);
        for (const q of [
          'from=2026-02-30',
          'to=April',
          'from=2026-05-01&to=2026-04-01',
          'type=yoga',
          'pageSize=0',
        ]) {
          const bad = await list(`?${q}`);
          expect({ q, status: bad.status }).toEqual({ q, status: 400 });
          expect(bad.body.errors).toBeDefined();
        }
      });

      it('filters by participant, facilitator and type, and audits the list with its filters', async () => {
        expect(idsOf((await list(`?participantId=${p[0].id}`)).body)).toEqual([
          ids.mayFirst,
          ids.aprilFirst,
          ids.marchLate,
        ]);
        expect(idsOf((await list(`?facilitatorId=${worker2.id}`)).body)).toEqual([
          ids.mayFirst,
          ids.aprilMid,
        ]);
        expect(idsOf((await list('?type=support_group&from=2026-04-01')).body)).toEqual([
          ids.mayFirst,
          ids.aprilMid,
        ]);
        const both = await list(`?participantId=${p[2].id}&facilitatorId=${worker.id}`);
        expect(idsOf(both.body)).toEqual([ids.aprilLast]);
        const { rows } = await t.db.query(
          `SELECT actor_id, participant_id, team_id, details FROM audit_event
            WHERE action = 'read' AND entity_type = 'session' AND entity_id IS NULL
              AND details->'filters'->>'facilitatorId' = $1 AND details->'filters'->>'participantId' = $2`,
          [worker.id, p[2].id],
        );
        expect(rows).toEqual([
          {
            actor_id: worker.id,
            participant_id: p[2].id,
            team_id: team.id,
            details: { filters: { participantId: p[2].id, facilitatorId: worker.id } },
          },
        ]);
      });

      it('404s filters naming another team’s participant, facilitator or team', async () => {
        for (const q of [
          `participantId=${b1.id}`,
          `participantId=${UNKNOWN}`,
          `facilitatorId=${w.workerB.id}`,
          `teamId=${w.teamB.id}`,
        ]) {
          const res = await list(`?${q}`);
          expect({ q, status: res.status }).toEqual({ q, status: 404 });
          expect(res.text).not.toContain('Bertha');
        }
        const admin = await list(`?teamId=${team.id}`, () => w.admin);
        expect(admin.body.total).toBe(5);
      });
    });
  });

  describe('update and delete', () => {
    it('changes fields and replaces attendance with the version it read, auditing every attendee touched', async () => {
      const s = await createSession(t, w.workerA, [a1.id, a2.id]);
      // A supervisor changes any session of the team.
      const res = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: w.supA.token,
        body: {
          version: 1,
          durationMinutes: 120,
          notes: 'Ran long',
          attendance: [
            { participantId: a2.id, status: 'excused', note: 'Appointment' },
            { participantId: a3.id, status: 'attended' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: s.id,
        durationMinutes: 120,
        notes: 'Ran long',
        type: s.type,
        startsAt: s.startsAt,
        facilitatorId: w.workerA.id,
        version: 2,
      });
      expect(res.body.attendance).toHaveLength(2);
      expect(res.body.attendance).toEqual(
        expect.arrayContaining([
          { participantId: a2.id, status: 'excused', note: 'Appointment' },
          { participantId: a3.id, status: 'attended', note: null },
        ]),
      );
      expect((await attendanceOf(s.id)).map((r) => r.participant_id).sort()).toEqual(
        [a2.id, a3.id].sort(),
      );
      const audit = await auditOf(s.id, 'update');
      expect(audit.map((e) => e.participant_id).sort()).toEqual([a1.id, a2.id, a3.id].sort());
      expect(audit[0]).toMatchObject({
        actor_id: w.supA.id,
        entity_type: 'session',
        team_id: w.teamA.id,
      });
      expect(audit[0].details.fields).toEqual(
        expect.arrayContaining(['durationMinutes', 'notes', 'attendance']),
      );

      const keep = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: w.workerA.token,
        body: {
          version: 2,
          type: 'one_to_one_mentoring',
          attendance: [{ participantId: a3.id, status: 'attended' }],
        },
      });
      expect(keep.status).toBe(200);
      expect(keep.body).toMatchObject({
        format: 'one_to_one',
        version: 3,
        attendance: [{ participantId: a3.id }],
      });
    });

    it('needs the version: missing → 400, stale → 409, and nothing changes', async () => {
      const s = await createSession(t, w.workerA, [a1.id]);
      const before = await checksums();
      const missing = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: w.workerA.token,
        body: { notes: 'x' },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveProperty('version');
      const stale = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: w.workerA.token,
        body: {
          version: 7,
          notes: 'x',
          attendance: [{ participantId: a2.id, status: 'attended' }],
        },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.errors).toHaveProperty('version');
      expect(await checksums()).toEqual(before);
      const racers = await Promise.all(
        ['a', 'b', 'c'].map((notes) =>
          t.request('PATCH', `/api/sessions/${s.id}`, {
            token: w.workerA.token,
            body: { version: 1, notes },
          }),
        ),
      );
      expect(racers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const { rows } = await t.db.query(`SELECT version FROM support_session WHERE id = $1`, [
        s.id,
      ]);
      expect(rows[0].version).toBe(2);
    });

    it('keeps every rule on update and changes nothing when one fails', async () => {
      const s = await createSession(t, w.workerA, [a1.id, a2.id]);
      const before = await checksums();
      const cases: [Record<string, unknown>, number, string | null][] = [
        [{ version: 1, type: 'one_to_one_mentoring' }, 400, 'attendance'],
        [{ version: 1, attendance: [] }, 400, 'attendance'],
        [
          {
            version: 1,
            attendance: [
              { participantId: a3.id, status: 'attended' },
              { participantId: b1.id, status: 'attended' },
            ],
          },
          400,
          'attendance.1.participantId',
        ],
        [{ version: 1, durationMinutes: 0 }, 400, 'durationMinutes'],
        [{ version: 1, teamId: w.teamB.id }, 400, 'teamId'],
        [{ version: 1, format: 'one_to_one' }, 400, 'format'],
        [{ version: 1, facilitatorId: w.workerA2.id }, 403, null],
      ];
      for (const [body, status, field] of cases) {
        const res = await t.request('PATCH', `/api/sessions/${s.id}`, {
          token: w.workerA.token,
          body,
        });
        expect({ body, status: res.status }).toEqual({ body, status });
        if (field) expect(res.body.errors).toHaveProperty([field]);
      }
      expect(await checksums()).toEqual(before);
      const bySup = await t.request('PATCH', `/api/sessions/${s.id}`, {
        token: w.supA.token,
        body: { version: 1, facilitatorId: w.workerA2.id },
      });
      expect(bySup.status).toBe(200);
      expect(bySup.body.facilitatorId).toBe(w.workerA2.id);
    });

    it('404s another team’s session on update and delete, changing nothing', async () => {
      const s = await createSession(t, w.workerB, [b1.id]);
      const before = await checksums();
      for (const who of [w.workerA, w.supA]) {
        const patch = await t.request('PATCH', `/api/sessions/${s.id}`, {
          token: who.token,
          body: { version: 1, notes: 'mine now' },
        });
        expect(patch.status).toBe(404);
        expect(
          (
            await t.request('DELETE', `/api/sessions/${s.id}?reason=Mine`, {
              token: who.token,
            })
          ).status,
        ).toBe(404);
      }
      expect(
        (await t.request('DELETE', '/api/sessions/nope?reason=Mine', { token: w.workerA.token }))
          .status,
      ).toBe(400);
      expect(await checksums()).toEqual(before);
    });

    it('voids a session: kept with its attendance, gone from the lists, audited for each attendee', async () => {
      const s = await createSession(t, w.workerA, [a1.id, a2.id]);
      const res = await t.request('DELETE', `/api/sessions/${s.id}?reason=Logged%20twice`, {
        token: w.supA.token,
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      const { rows } = await t.db.query(
        `SELECT voided_by_id, void_reason FROM support_session WHERE id = $1`,
        [s.id],
      );
      expect(rows).toEqual([{ voided_by_id: w.supA.id, void_reason: 'Logged twice' }]);
      expect((await attendanceOf(s.id)).map((r) => r.participant_id).sort()).toEqual(
        [a1.id, a2.id].sort(),
      );
      const audit = await auditOf(s.id, 'delete');
      expect(audit.map((e) => e.participant_id).sort()).toEqual([a1.id, a2.id].sort());
      expect(audit[0]).toMatchObject({
        actor_id: w.supA.id,
        entity_type: 'session',
        team_id: w.teamA.id,
      });
      expect(
        (await t.request('GET', `/api/sessions/${s.id}`, { token: w.workerA.token })).status,
      ).toBe(404);
      expect(
        (
          await t.request('DELETE', `/api/sessions/${s.id}?reason=Again`, {
            token: w.workerA.token,
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('safe retries', () => {
    it('returns the stored session for a repeated create (attendance in any order) and writes nothing', async () => {
      const id = randomUUID();
      const body = sessionBody([a1.id, a2.id], { id, startsAt: '2026-03-03T09:00:00-05:00' });
      const first = await post(w.workerA, body);
      expect(first.status).toBe(201);
      expect(first.body.id).toBe(id);
      const stored = () =>
        Promise.all(['support_session', 'attendance'].map((x) => tableChecksum(t, x)));
      const storedBefore = await stored();
      const seq = await auditSeq(t);
      const again = await post(w.workerA, {
        ...body,
        startsAt: '2026-03-03T14:00:00Z',
        activities: [...body.activities].reverse(),
        attendance: [...body.attendance].reverse(),
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await stored()).toEqual(storedBefore);
      // Nothing written but the read of the session the retry returned (SPEC §3).
      expect(await auditActionsSince(t, seq)).toEqual(['read']);
      const before = await checksums();

      for (const change of [
        { durationMinutes: 91 },
        { attendance: [{ participantId: a1.id, status: 'attended' }] },
        {
          attendance: [
            { participantId: a1.id, status: 'attended' },
            { participantId: a2.id, status: 'absent' },
          ],
        },
        { facilitatorId: w.workerA2.id },
      ]) {
        const res = await post(w.supA, { ...body, ...change });
        expect({ change, status: res.status }).toEqual({ change, status: 409 });
      }
      expect(await checksums()).toEqual(before);
    });

    it('makes one session of 100 parallel identical creates', async () => {
      const id = randomUUID();
      const body = sessionBody([a1.id, a2.id, a3.id], { id });
      const results = await Promise.all(Array.from({ length: 100 }, () => post(w.workerA, body)));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(99);
      expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect((await t.db.query(`SELECT 1 FROM support_session WHERE id = $1`, [id])).rowCount).toBe(
        1,
      );
      expect(await attendanceOf(id)).toHaveLength(3);
      expect(await auditOf(id, 'create')).toHaveLength(3);
    });

    it('answers 409 for another team’s id without revealing it', async () => {
      const theirs = await createSession(t, w.workerB, [b1.id], { title: 'Private circle' });
      const res = await post(
        w.workerA,
        sessionBody([a1.id], { id: theirs.id, title: 'Private circle' }),
      );
      expect(res.status).toBe(409);
      expect(res.text).not.toContain('Private circle');
      expect(res.text).not.toContain(b1.id);
    });
  });
});
