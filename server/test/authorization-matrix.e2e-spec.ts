import { createTestApp, type Reply, type SeededUser, type TestApp } from './harness';
import {
  seedOrganisation,
  versionOf,
  type Organisation,
  type TeamRecords,
} from './support/organisation';
import {
  ACTORS,
  CROSS_TEAM_FILTERS,
  ROUTE_MATRIX,
  type Actor,
  type MatrixContext,
  type RouteRow,
} from './support/route-matrix';
import {
  auditActionsSince,
  auditSeq,
  databaseChecksums,
  refusalProblems,
  registeredRoutes,
  teamIdsIn,
} from './support/routes';

/**
 * SPEC §1 and §4, route by route: every route × every kind of caller gets the
 * status of the table in support/route-matrix.ts; a refusal carries no record
 * data; an allowed answer carries only the caller's team's data.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let org: Organisation;
  let ctx: MatrixContext;

  const teamOf = (actor: Actor) =>
    actor === 'workerA' || actor === 'supervisorA'
      ? org.a
      : actor === 'workerB' || actor === 'supervisorB'
        ? org.b
        : null;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
    const users: Record<Actor, SeededUser | undefined> = {
      anonymous: undefined,
      workerA: org.a.worker,
      workerB: org.b.worker,
      supervisorA: org.a.supervisor,
      supervisorB: org.b.supervisor,
      admin: org.admin,
    };
    ctx = { t, org, user: (actor) => users[actor] };
  });
  afterAll(() => t.close());

  it('has a row for every route the app registers, and names no route it lacks', () => {
    const registered = registeredRoutes(t.app);
    const rows = ROUTE_MATRIX.map((r) => `${r.method} ${r.path}`);
    // Fastify answers HEAD for every GET route; HEAD is tested with its GET row.
    const withoutHead = registered.filter((r) => !r.startsWith('HEAD '));
    const headWithoutGet = registered
      .filter((r) => r.startsWith('HEAD '))
      .map((r) => r.replace(/^HEAD /, 'GET '))
      .filter((r) => !registered.includes(r));

    expect({
      routesWithoutRow: withoutHead.filter((r) => !rows.includes(r)),
      rowsWithoutRoute: rows.filter((r) => !withoutHead.includes(r)),
      headWithoutGet,
      duplicateRows: rows.filter((r, i) => rows.indexOf(r) !== i),
    }).toEqual({
      routesWithoutRow: [],
      rowsWithoutRoute: [],
      headWithoutGet: [],
      duplicateRows: [],
    });
    // Fastify agrees that each row's route exists.
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const r of ROUTE_MATRIX) {
      expect({
        row: `${r.method} ${r.path}`,
        exists: fastify.hasRoute({ method: r.method, url: r.path }),
      }).toEqual({
        row: `${r.method} ${r.path}`,
        exists: true,
      });
    }
  });

  function allowedProblems(row: RouteRow, actor: Actor, res: Reply): string[] {
    const problems = row.check?.(res, actor, ctx) ?? [];
    const everySecret = [...org.a.secrets, ...org.b.secrets];
    if (row.data === 'public') {
      const leaked = everySecret.filter((x) => res.text.includes(x));
      if (leaked.length) problems.push(`a public answer names ${leaked.join(' | ')}`);
      return problems;
    }
    const own = teamOf(actor);
    if (!own) return problems; // an admin sees every team
    const other = own === org.a ? org.b : org.a;
    const leaked = other.secrets.filter((x) => res.text.includes(x));
    if (leaked.length) problems.push(`answer reveals the other team's ${leaked.join(' | ')}`);
    const foreign = teamIdsIn(res.body).filter((id) => id !== own.team.id);
    if (foreign.length) problems.push(`answer carries teamId ${foreign.join(', ')}`);
    const expected = row.shows?.(own);
    if (expected && !res.text.includes(expected)) {
      problems.push(`answer does not show the team's own ${expected}`);
    }
    return problems;
  }

  describe.each(ROUTE_MATRIX.map((row) => [`${row.method} ${row.path}`, row] as const))(
    '%s',
    (_name, row) => {
      it('answers each caller as the table says, revealing nothing of another team', async () => {
        const problems: string[] = [];
        for (const actor of ACTORS) {
          const probe = await row.probe(ctx, actor);
          const token = 'token' in probe ? probe.token : ctx.user(actor)?.token;
          const res = await t.request(row.method, probe.url, {
            token,
            body: probe.body,
            payload: probe.payload,
            headers: probe.headers,
          });
          const want = row.expect[actor];
          const say = (p: string) => `${actor}: ${p}`;
          if (res.status !== want) {
            problems.push(say(`expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`));
            continue;
          }
          if (res.status >= 400) {
            problems.push(...refusalProblems(res, [...org.a.secrets, ...org.b.secrets]).map(say));
          } else if (res.status !== 204) {
            problems.push(...allowedProblems(row, actor, res).map(say));
          }
          if (row.method === 'GET') {
            // HEAD runs the GET handler: the same guards, the same answer.
            const head = await t.request('HEAD', probe.url, { token, headers: probe.headers });
            if (head.status !== want) problems.push(say(`HEAD answered ${head.status}`));
          }
        }
        expect(problems).toEqual([]);
      });
    },
  );

  it('404s (403 for reports) every filter naming another team’s record, revealing nothing', async () => {
    const problems: string[] = [];
    for (const probe of CROSS_TEAM_FILTERS) {
      const url = probe.url(org.a);
      for (const actor of ['workerB', 'supervisorB', 'admin'] as const) {
        const want = actor === 'admin' ? 200 : probe[actor];
        const res = await t.request('GET', url, { token: ctx.user(actor)!.token });
        if (res.status !== want) {
          problems.push(
            `${actor} ${url}: expected ${want}, got ${res.status} ${res.text.slice(0, 120)}`,
          );
        } else if (want >= 400) {
          problems.push(...refusalProblems(res, org.a.secrets).map((p) => `${actor} ${url}: ${p}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each team its own searches, timelines, reports, exports and audit, and nothing of the other', async () => {
    const problems: string[] = [];
    const searchesFor = (other: TeamRecords) =>
      [
        other.participant.lastName,
        other.participant.firstName,
        other.participant.preferredName!,
        other.relative.lastName,
      ].map((s) => `/api/participants?search=${encodeURIComponent(s)}`);
    const views = (own: TeamRecords, role: string) => [
      '/api/participants?search=a&pageSize=100',
      `/api/participants/${own.participant.id}/timeline`,
      '/api/reports/caseload?asOf=2026-03-20',
      ...(role === 'supervisor'
        ? [
            '/api/reports/activity?from=2026-03-01&to=2026-03-31',
            '/api/reports/activity/export?from=2026-03-01&to=2026-03-31&format=csv',
            '/api/audit?pageSize=100',
            '/api/users?pageSize=100',
          ]
        : []),
    ];
    // The views first: the audit trail records each search's terms, and a team's
    // own search for the other team's names is that team's own record.
    for (const phase of ['views', 'searches'] as const) {
      for (const [own, other] of [
        [org.a, org.b],
        [org.b, org.a],
      ]) {
        for (const who of [own.worker, own.supervisor]) {
          const urls = phase === 'views' ? views(own, who.role) : searchesFor(other);
          for (const url of urls) {
            const res = await t.request('GET', url, { token: who.token });
            const say = (p: string) => problems.push(`${who.displayName} ${url}: ${p}`);
            if (res.status !== 200) {
              say(`answered ${res.status}`);
              continue;
            }
            const leaked = other.secrets.filter((x) => res.text.includes(x));
            if (leaked.length) say(`reveals ${leaked.join(' | ')}`);
            const foreign = teamIdsIn(res.body).filter((id) => id !== own.team.id);
            if (foreign.length) say(`carries teamId ${foreign.join(', ')}`);
            if (phase === 'searches' && res.body.total !== 0) {
              say(`found ${res.body.total} of the other team's participants`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses writes that reach into another team, and changes nothing', async () => {
    const { a, b } = org;
    const before = await databaseChecksums(t);
    const seq = await auditSeq(t);
    const asB = (who: 'worker' | 'supervisor', method: string, url: string, body: unknown) =>
      t.request(method, url, { token: b[who].token, body });
    const attempts: [string, Reply, number, string?][] = [
      [
        'a session of B attended by a participant of A',
        await asB('worker', 'POST', '/api/sessions', {
          type: 'one_to_one_mentoring',
          setting: 'phone',
          startsAt: '2026-03-12T15:00:00Z',
          durationMinutes: 30,
          attendance: [{ participantId: a.participant.id, status: 'attended' }],
        }),
        400,
        'attendance.0.participantId',
      ],
      [
        'A’s participant added to B’s session',
        await asB('supervisor', 'PATCH', `/api/sessions/${b.session.id}`, {
          version: await versionOf(t, 'support_session', b.session.id),
          attendance: [
            { participantId: b.participant.id, status: 'attended' },
            { participantId: a.participant.id, status: 'attended' },
          ],
        }),
        400,
        'attendance.1.participantId',
      ],
      [
        'A’s worker as primary worker of B’s participant',
        await asB('supervisor', 'PATCH', `/api/participants/${b.participant.id}`, {
          version: await versionOf(t, 'participant', b.participant.id),
          primaryWorkerId: a.worker.id,
        }),
        400,
        'primaryWorkerId',
      ],
      [
        'B’s participant moved to A by a supervisor',
        await asB('supervisor', 'PATCH', `/api/participants/${b.participant.id}`, {
          version: await versionOf(t, 'participant', b.participant.id),
          teamId: a.team.id,
        }),
        403,
      ],
      [
        'B’s advocacy action re-pointed at A’s participant',
        await asB('worker', 'PATCH', `/api/advocacy-actions/${b.advocacy.id}`, {
          version: await versionOf(t, 'advocacy_action', b.advocacy.id),
          participantId: a.participant.id,
        }),
        404,
      ],
      [
        'a session of B facilitated by A’s worker',
        await asB('supervisor', 'POST', '/api/sessions', {
          type: 'one_to_one_mentoring',
          setting: 'phone',
          startsAt: '2026-03-12T15:00:00Z',
          durationMinutes: 30,
          facilitatorId: a.worker.id,
          attendance: [{ participantId: b.participant.id, status: 'attended' }],
        }),
        400,
        'facilitatorId',
      ],
      [
        'systemic advocacy created in team A',
        await asB('supervisor', 'POST', '/api/advocacy-actions', {
          level: 'systemic',
          category: 'policy',
          title: 'Longer pharmacy hours',
          teamId: a.team.id,
        }),
        403,
      ],
      [
        'a participant created with the id of A’s participant (a “retry”)',
        await asB('worker', 'POST', '/api/participants', {
          id: a.participant.id,
          firstName: a.participant.firstName,
          lastName: a.participant.lastName,
        }),
        409,
        'id',
      ],
      [
        'a session created with the id of A’s session',
        await asB('worker', 'POST', '/api/sessions', {
          id: a.session.id,
          type: 'support_group',
          setting: 'community_center',
          startsAt: a.session.startsAt,
          durationMinutes: 90,
          attendance: [{ participantId: b.participant.id, status: 'attended' }],
        }),
        409,
        'id',
      ],
      [
        'a handout created with the id of A’s handout',
        await asB('worker', 'POST', '/api/handouts', {
          id: a.handout.id,
          participantId: b.participant.id,
          resourceId: org.resource.id,
          method: 'text',
        }),
        409,
        'id',
      ],
      [
        'a decision note created with the id of A’s note',
        await asB('worker', 'POST', '/api/decision-notes', {
          id: a.decisionNote.id,
          participantId: b.participant.id,
          topic: a.decisionNote.topic,
          options: a.decisionNote.options,
          decidedBy: 'shared',
        }),
        409,
        'id',
      ],
      [
        'an advocacy action created with the id of A’s action',
        await asB('worker', 'POST', '/api/advocacy-actions', {
          id: a.advocacy.id,
          participantId: b.participant.id,
          level: 'individual',
          category: 'housing',
          title: a.advocacy.title,
        }),
        409,
        'id',
      ],
    ];
    const problems: string[] = [];
    for (const [what, res, want, field] of attempts) {
      if (res.status !== want) {
        problems.push(`${what}: expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`);
        continue;
      }
      problems.push(...refusalProblems(res, a.secrets).map((p) => `${what}: ${p}`));
      if (field && !(res.body.errors && field in res.body.errors)) {
        problems.push(`${what}: no field error for ${field}: ${res.text.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await databaseChecksums(t)).toEqual(before);
    // Nothing but the refusal of the one request that named another team's record (a 404).
    expect(await auditActionsSince(t, seq)).toEqual(['access_denied']);
  });
});
