import { randomUUID } from 'node:crypto';
import { createTestApp, type SeededUser, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';
import { CROSS_TEAM_FILTERS } from './support/route-matrix';
import { auditSeq, refusalProblems } from './support/routes';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  participant_id: string | null;
  team_id: string | null;
  details: Record<string, unknown> | null;
}

/**
 * SPEC §3: a request for another team's record (the 404 of §1) writes one
 * `access_denied` event (no `teamId`; admins see these), a burst of them from
 * one user is shown to admins as a warning, reading the audit trail is itself
 * audited, and a supervisor cannot filter the trail by another team's user.
 */
describe('access_denied and the audit of the audit trail', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  async function eventsSince(seq: string): Promise<AuditRow[]> {
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, entity_id, participant_id, team_id, details
         FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [seq],
    );
    return rows as AuditRow[];
  }

  /** One request as `who`; its answer and the audit events it wrote. */
  async function probe(who: SeededUser, method: string, url: string, body?: unknown) {
    const seq = await auditSeq(t);
    const res = await t.request(method, url, { token: who.token, body });
    return { res, events: await eventsSince(seq) };
  }

  function denied(who: SeededUser, entityType: string, entityId: string) {
    return {
      actor_id: who.id,
      action: 'access_denied',
      entity_type: entityType,
      entity_id: entityId,
      participant_id: null,
      team_id: null,
    };
  }

  it('writes one access_denied for each detail, timeline and change of another team’s record', async () => {
    const { a, b } = org;
    const cases: [string, string, string, string, () => Promise<unknown>][] = [
      [
        'GET',
        `/api/participants/${a.participant.id}`,
        'participant',
        a.participant.id,
        async () => undefined,
      ],
      [
        'GET',
        `/api/participants/${a.participant.id}/timeline`,
        'participant',
        a.participant.id,
        async () => undefined,
      ],
      [
        'PATCH',
        `/api/participants/${a.participant.id}`,
        'participant',
        a.participant.id,
        async () => ({
          version: await versionOf(t, 'participant', a.participant.id),
          pronouns: 'they/them',
        }),
      ],
      ['GET', `/api/sessions/${a.session.id}`, 'session', a.session.id, async () => undefined],
      [
        'PATCH',
        `/api/sessions/${a.session.id}`,
        'session',
        a.session.id,
        async () => ({
          version: await versionOf(t, 'support_session', a.session.id),
          durationMinutes: 45,
        }),
      ],
      [
        'GET',
        `/api/advocacy-actions/${a.advocacy.id}`,
        'advocacy_action',
        a.advocacy.id,
        async () => undefined,
      ],
      [
        'PATCH',
        `/api/advocacy-actions/${a.advocacy.id}`,
        'advocacy_action',
        a.advocacy.id,
        async () => ({
          version: await versionOf(t, 'advocacy_action', a.advocacy.id),
          status: 'done',
        }),
      ],
      ['GET', `/api/handouts/${a.handout.id}`, 'handout', a.handout.id, async () => undefined],
      [
        'PATCH',
        `/api/handouts/${a.handout.id}`,
        'handout',
        a.handout.id,
        async () => ({ outcome: 'connected' }),
      ],
      [
        'GET',
        `/api/decision-notes/${a.decisionNote.id}`,
        'decision_note',
        a.decisionNote.id,
        async () => undefined,
      ],
      [
        'PATCH',
        `/api/decision-notes/${a.decisionNote.id}`,
        'decision_note',
        a.decisionNote.id,
        async () => ({ decision: 'Changed by another team' }),
      ],
      // Re-pointing one's own record at another team's participant.
      [
        'PATCH',
        `/api/advocacy-actions/${b.advocacy.id}`,
        'participant',
        a.participant.id,
        async () => ({
          version: await versionOf(t, 'advocacy_action', b.advocacy.id),
          participantId: a.participant.id,
        }),
      ],
    ];
    const problems: string[] = [];
    for (const who of [b.worker, b.supervisor]) {
      for (const [method, url, type, id, body] of cases) {
        const { res, events } = await probe(who, method, url, await body());
        const say = (p: string) => problems.push(`${who.role} ${method} ${url}: ${p}`);
        if (res.status !== 404) {
          say(`expected 404, got ${res.status}`);
          continue;
        }
        refusalProblems(res, a.secrets).forEach(say);
        const stripped = events.map(({ details: _d, ...e }) => e);
        if (JSON.stringify(stripped) !== JSON.stringify([denied(who, type, id)])) {
          say(`events ${JSON.stringify(stripped)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes one access_denied for every filter naming another team’s record', async () => {
    const { a, b } = org;
    const entityOf = (url: string): [string, string] => {
      if (url.includes(`participantId=${a.participant.id}`))
        return ['participant', a.participant.id];
      if (url.includes(`=${a.worker.id}`)) return ['user', a.worker.id];
      if (url.includes(`teamId=${a.team.id}`)) return ['team', a.team.id];
      if (url.includes(`sessionId=${a.session.id}`)) return ['session', a.session.id];
      throw new Error(`no entity for ${url}`);
    };
    const problems: string[] = [];
    for (const filter of CROSS_TEAM_FILTERS) {
      const url = filter.url(a);
      for (const [who, want] of [
        [b.worker, filter.workerB],
        [b.supervisor, filter.supervisorB],
      ] as const) {
        const { res, events } = await probe(who, 'GET', url);
        const say = (p: string) => problems.push(`${who.role} ${url}: ${p}`);
        if (res.status !== want) {
          say(`expected ${want}, got ${res.status}`);
          continue;
        }
        const refusals = events.filter((e) => e.action === 'access_denied');
        if (want !== 404) {
          if (refusals.length) say(`a ${want} wrote access_denied`);
          continue;
        }
        const [type, id] = entityOf(url);
        const stripped = refusals.map(({ details: _d, ...e }) => e);
        if (JSON.stringify(stripped) !== JSON.stringify([denied(who, type, id)])) {
          say(`events ${JSON.stringify(events)}`);
        }
        if (events.length !== refusals.length) say(`also wrote ${JSON.stringify(events)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers an unknown id exactly as another team’s, and audits only the real one', async () => {
    const { a, b } = org;
    for (const [path, realId] of [
      ['/api/participants', a.participant.id],
      ['/api/sessions', a.session.id],
      ['/api/advocacy-actions', a.advocacy.id],
      ['/api/decision-notes', a.decisionNote.id],
    ]) {
      const real = await probe(b.worker, 'GET', `${path}/${realId}`);
      const unknown = await probe(b.worker, 'GET', `${path}/${randomUUID()}`);
      expect(unknown.res.status).toBe(404);
      expect(unknown.res.text).toBe(real.res.text);
      expect(unknown.res.headers['content-type']).toBe(real.res.headers['content-type']);
      expect(real.events.map((e) => e.action)).toEqual(['access_denied']);
      expect(unknown.events).toEqual([]);
    }
  });

  it('writes nothing for one’s own records, nor for an admin', async () => {
    const { a } = org;
    const own = await probe(a.worker, 'GET', `/api/participants/${a.participant.id}`);
    expect(own.res.status).toBe(200);
    expect(own.events.map((e) => e.action)).toEqual(['read']);
    const admin = await probe(org.admin, 'GET', `/api/participants/${randomUUID()}`);
    expect(admin.res.status).toBe(404);
    expect(admin.events).toEqual([]);
  });

  it('shows access_denied to admins, not to supervisors, and audits every read of the trail', async () => {
    const { a, b } = org;
    await t.request('GET', `/api/handouts/${a.handout.id}`, { token: b.worker.token });
    const seq = await auditSeq(t);
    const asAdmin = await t.request(
      'GET',
      `/api/audit?action=access_denied&actorId=${b.worker.id}&pageSize=100`,
      { token: org.admin.token },
    );
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.total).toBeGreaterThan(0);
    expect(
      asAdmin.body.items.every(
        (e: { action: string; actorId: string; teamId: string | null }) =>
          e.action === 'access_denied' && e.actorId === b.worker.id && e.teamId === null,
      ),
    ).toBe(true);
    expect(asAdmin.body.items[0]).toMatchObject({ entityType: 'handout', entityId: a.handout.id });
    // The read of the trail is itself in the trail, with its filters.
    expect(await eventsSince(seq)).toEqual([
      {
        actor_id: org.admin.id,
        action: 'read',
        entity_type: 'audit',
        entity_id: null,
        participant_id: null,
        team_id: null,
        details: {
          filters: { action: 'access_denied', actorId: b.worker.id },
        },
      },
    ]);

    for (const sup of [a.supervisor, b.supervisor]) {
      const seen = await t.request('GET', '/api/audit?action=access_denied&pageSize=100', {
        token: sup.token,
      });
      expect(seen.status).toBe(200);
      expect(seen.body.total).toBe(0);
    }
    const supRead = await probe(
      b.supervisor,
      'GET',
      `/api/audit?participantId=${b.participant.id}`,
    );
    expect(supRead.res.status).toBe(200);
    expect(supRead.events).toEqual([
      {
        actor_id: b.supervisor.id,
        action: 'read',
        entity_type: 'audit',
        entity_id: null,
        participant_id: b.participant.id,
        team_id: b.team.id,
        details: { filters: { participantId: b.participant.id } },
      },
    ]);
  });

  it('404s a supervisor filtering the trail by another team’s user or participant, and audits it', async () => {
    const { a, b } = org;
    for (const [url, type, id] of [
      [`/api/audit?actorId=${a.worker.id}`, 'user', a.worker.id],
      [`/api/audit?actorId=${org.admin.id}`, 'user', org.admin.id],
      [`/api/audit?participantId=${a.participant.id}`, 'participant', a.participant.id],
    ]) {
      const { res, events } = await probe(b.supervisor, 'GET', url);
      expect(res.status).toBe(404);
      expect(refusalProblems(res, a.secrets)).toEqual([]);
      expect(events.map(({ details: _d, ...e }) => e)).toEqual([denied(b.supervisor, type, id)]);
    }
    const unknown = await probe(b.supervisor, 'GET', `/api/audit?actorId=${randomUUID()}`);
    expect(unknown.res.status).toBe(404);
    expect(unknown.events).toEqual([]);
    const own = await probe(b.supervisor, 'GET', `/api/audit?actorId=${b.worker.id}`);
    expect(own.res.status).toBe(200);
    expect(own.events.map((e) => e.action)).toEqual(['read']);
  });

  it('warns admins of a burst of access_denied from one user, and only admins', async () => {
    const { a, b } = org;
    const prober = b.spareWorker;
    const warnings = async () => {
      const res = await t.request('GET', '/api/audit/warnings', { token: org.admin.token });
      expect(res.status).toBe(200);
      return res;
    };
    for (let i = 0; i < 19; i++) {
      expect(
        (await t.request('GET', `/api/participants/${a.participant.id}`, { token: prober.token }))
          .status,
      ).toBe(404);
    }
    const quiet = await warnings();
    expect(quiet.body).toMatchObject({ windowMinutes: 10, threshold: 20 });
    expect(quiet.body.items.map((w: { actorId: string }) => w.actorId)).not.toContain(prober.id);

    expect(
      (await t.request('GET', `/api/sessions/${a.session.id}`, { token: prober.token })).status,
    ).toBe(404);
    const loud = await warnings();
    const mine = loud.body.items.find((w: { actorId: string }) => w.actorId === prober.id);
    expect(mine).toMatchObject({
      actorId: prober.id,
      displayName: prober.displayName,
      teamId: b.team.id,
      teamName: b.team.name,
      count: 20,
    });
    expect(Date.parse(mine.lastAt)).toBeGreaterThanOrEqual(Date.parse(mine.firstAt));
    // Reading the warnings is a read of the audit trail.
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE actor_id = $1 AND action = 'read' AND entity_type = 'audit'
          AND details->>'view' = 'warnings'`,
      [org.admin.id],
    );
    expect(rows[0].n).toBe(2);

    for (const who of [a.worker, a.supervisor, b.supervisor]) {
      expect((await t.request('GET', '/api/audit/warnings', { token: who.token })).status).toBe(
        403,
      );
    }
  });
});
