import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  AUDIT_ACTIONS,
  DECIDED_BY,
  EXPORT_FORMATS,
  FOCUS_AREAS,
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  RESOURCE_CATEGORIES,
  ROLES,
  SESSION_ACTIVITIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
} from '@peerpath/shared';
import { TEST_PASSWORD, createTestApp, type Reply, type SeededUser, type TestApp } from './harness';
import {
  hostileCases,
  hostileQueries,
  type FieldSpec,
  type HostileCase,
  type WriteEndpoint,
} from './support/hostile';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';
import { auditActionsSince, auditSeq, databaseChecksums } from './support/routes';

/** What an error body must never carry: a stack frame, SQL, driver or framework internals. */
const INTERNALS =
  /QueryFailedError|TypeORM|node_modules|\bat \S+ \(|\.[jt]s:\d+|\bSELECT\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bpg_|duplicate key|violates|syntax error|stack/i;

function problemsOf(
  c: { name: string; status: HostileCase['status']; field?: string },
  res: Reply,
) {
  const p: string[] = [];
  const say = (x: string) => p.push(`${c.name}: ${x} — ${res.text.slice(0, 200)}`);
  if (res.status < 400 || res.status > 499) say(`answered ${res.status}`);
  else if (c.status !== '4xx' && res.status !== c.status)
    say(`expected ${c.status}, got ${res.status}`);
  const body = res.body as Record<string, unknown> | undefined;
  const errors = body?.errors as Record<string, unknown> | undefined;
  if (
    !body ||
    body.statusCode !== res.status ||
    typeof body.message !== 'string' ||
    Object.keys(body).some((k) => !['statusCode', 'message', 'errors'].includes(k)) ||
    (errors !== undefined &&
      (typeof errors !== 'object' ||
        Object.values(errors).some(
          (v) => !Array.isArray(v) || v.some((m) => typeof m !== 'string'),
        )))
  ) {
    say('not the one error shape');
  } else if (c.field && res.status === 400) {
    const named = Object.keys(errors ?? {}).some(
      (k) => k === c.field || k.startsWith(`${c.field}.`),
    );
    if (!named) say(`no field error for ${c.field}`);
  }
  if (INTERNALS.test(res.text)) say('the error reveals internals');
  return p;
}

const text = (max: number, presence: FieldSpec['presence'] = 'required'): FieldSpec => ({
  kind: 'text',
  max,
  presence,
});
const uuid = (presence: FieldSpec['presence'], unknownOk = true): FieldSpec => ({
  kind: 'uuid',
  presence,
  unknownOk,
});
const date = (presence: FieldSpec['presence']): FieldSpec => ({ kind: 'date', presence });
const oneOf = (
  values: readonly string[],
  presence: FieldSpec['presence'] = 'required',
): FieldSpec => ({
  kind: 'enum',
  values,
  presence,
});

const PARTICIPANT_FIELDS: Record<string, FieldSpec> = {
  firstName: text(100),
  lastName: text(100),
  preferredName: text(100, 'nullable'),
  pronouns: text(40, 'nullable'),
  dateOfBirth: date('nullable'),
  phone: text(40, 'nullable'),
  email: { kind: 'email', presence: 'nullable' },
  participantType: oneOf(PARTICIPANT_TYPES, 'optional'),
  focusAreas: { kind: 'enumArray', values: FOCUS_AREAS, presence: 'optional' },
  status: oneOf(PARTICIPANT_STATUSES, 'optional'),
  enrolledOn: date('optional'),
  dischargedOn: date('nullable'),
  primaryWorkerId: uuid('nullable'),
  consentToServicesOn: date('nullable'),
  consentToShareOn: date('nullable'),
};
const SESSION_FIELDS: Record<string, FieldSpec> = {
  type: oneOf(SESSION_TYPES),
  setting: oneOf(SESSION_SETTINGS),
  startsAt: { kind: 'datetime', presence: 'required' },
  durationMinutes: { kind: 'int', min: 1, max: 720, presence: 'required' },
  title: text(200, 'nullable'),
  activities: { kind: 'enumArray', values: SESSION_ACTIVITIES, presence: 'optional' },
  notes: text(10000, 'nullable'),
  attendance: { kind: 'attendance', presence: 'required' },
};
const ADVOCACY_FIELDS: Record<string, FieldSpec> = {
  participantId: uuid('nullable'),
  level: oneOf(ADVOCACY_LEVELS),
  category: oneOf(ADVOCACY_CATEGORIES),
  title: text(200),
  description: text(4000, 'nullable'),
  status: oneOf(ADVOCACY_STATUSES, 'optional'),
  outcome: text(4000, 'nullable'),
  openedOn: date('optional'),
  dueOn: date('nullable'),
  completedOn: date('nullable'),
  workerId: uuid('optional'),
};
const HANDOUT_PATCH_FIELDS: Record<string, FieldSpec> = {
  note: text(2000, 'nullable'),
  followUpOn: date('nullable'),
  outcome: oneOf(HANDOUT_OUTCOMES, 'optional'),
  outcomeOn: date('nullable'),
};
const DECISION_FIELDS: Record<string, FieldSpec> = {
  workerId: uuid('optional'),
  discussedOn: date('optional'),
  topic: text(200),
  options: { kind: 'options', presence: 'required' },
  participantPriorities: text(4000, 'nullable'),
  decision: text(4000, 'nullable'),
  decidedBy: oneOf(DECIDED_BY),
  nextSteps: text(4000, 'nullable'),
  followUpOn: date('nullable'),
};
const RESOURCE_FIELDS: Record<string, FieldSpec> = {
  name: text(200),
  category: oneOf(RESOURCE_CATEGORIES),
  description: text(4000, 'nullable'),
  phone: text(40, 'nullable'),
  url: { kind: 'url', max: 500, presence: 'nullable' },
  address: text(300, 'nullable'),
  tags: { kind: 'tags', presence: 'optional' },
  active: { kind: 'bool', presence: 'optional' },
};

/** Every field optional, as in an update DTO. */
const patchOf = (fields: Record<string, FieldSpec>): Record<string, FieldSpec> =>
  Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [
      k,
      { ...f, presence: f.presence === 'required' ? 'optional' : f.presence } as FieldSpec,
    ]),
  );
const VERSION: FieldSpec = { kind: 'int', min: 1, max: 2147483647, presence: 'required' };

interface Target extends WriteEndpoint {
  caller: (org: Organisation) => SeededUser | undefined;
  url: (org: Organisation) => string;
  base: (
    t: TestApp,
    org: Organisation,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const TARGETS: Target[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    caller: () => undefined,
    url: () => '/api/auth/login',
    base: (_t, org) => ({ email: org.a.worker.email, password: TEST_PASSWORD }),
    fields: {
      email: { kind: 'email', presence: 'required' },
      password: { kind: 'password', presence: 'required' },
    },
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    caller: (org) => org.admin,
    url: () => '/api/users',
    base: (_t, org) => ({
      email: 'hostile.new@test.example',
      displayName: 'Hostile Newcomer',
      role: 'worker',
      teamId: org.a.team.id,
      password: 'lantern-orchard-quietly-7',
    }),
    fields: {
      email: { kind: 'email', presence: 'required' },
      displayName: text(120),
      role: oneOf(ROLES),
      teamId: uuid('nullable'),
      password: { kind: 'password', presence: 'required' },
    },
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    caller: (org) => org.admin,
    url: (org) => `/api/users/${org.a.spareWorker.id}`,
    base: () => ({ displayName: 'Priyanka R.' }),
    fields: {
      displayName: text(120, 'optional'),
      role: oneOf(ROLES, 'optional'),
      teamId: uuid('nullable'),
      active: { kind: 'bool', presence: 'optional' },
      password: { kind: 'password', presence: 'optional' },
    },
  },
  {
    name: 'POST /api/teams',
    method: 'POST',
    caller: (org) => org.admin,
    url: () => '/api/teams',
    base: () => ({ name: 'Hostile Outreach Team' }),
    fields: { name: text(120) },
  },
  {
    name: 'POST /api/participants',
    method: 'POST',
    caller: (org) => org.a.supervisor,
    url: () => '/api/participants',
    base: () => ({ firstName: 'Jamie', lastName: 'Okonkwo' }),
    fields: { ...PARTICIPANT_FIELDS, id: uuid('optional', false), teamId: uuid('nullable') },
  },
  {
    name: 'PATCH /api/participants/:id',
    method: 'PATCH',
    caller: (org) => org.a.supervisor,
    url: (org) => `/api/participants/${org.a.participant.id}`,
    base: async (t, org) => ({
      version: await versionOf(t, 'participant', org.a.participant.id),
      pronouns: 'they/them',
    }),
    fields: { version: VERSION, ...patchOf(PARTICIPANT_FIELDS), teamId: uuid('optional') },
  },
  {
    name: 'POST /api/sessions',
    method: 'POST',
    caller: (org) => org.a.supervisor,
    url: () => '/api/sessions',
    base: (_t, org) => ({
      type: 'support_group',
      setting: 'community_center',
      startsAt: '2026-03-19T23:30:00Z',
      durationMinutes: 90,
      attendance: [{ participantId: org.a.participant.id, status: 'attended' }],
    }),
    fields: {
      ...SESSION_FIELDS,
      id: uuid('optional', false),
      facilitatorId: uuid('nullable'),
      teamId: uuid('nullable'),
    },
  },
  {
    name: 'PATCH /api/sessions/:id',
    method: 'PATCH',
    caller: (org) => org.a.supervisor,
    url: (org) => `/api/sessions/${org.a.session.id}`,
    base: async (t, org) => ({
      version: await versionOf(t, 'support_session', org.a.session.id),
      attendance: [{ participantId: org.a.participant.id, status: 'excused' }],
    }),
    fields: { version: VERSION, ...patchOf(SESSION_FIELDS), facilitatorId: uuid('optional') },
  },
  {
    name: 'POST /api/advocacy-actions',
    method: 'POST',
    caller: (org) => org.a.supervisor,
    url: () => '/api/advocacy-actions',
    base: (_t, org) => ({
      participantId: org.a.participant.id,
      level: 'individual',
      category: 'housing',
      title: 'Find a shelter bed for tonight',
    }),
    fields: { ...ADVOCACY_FIELDS, id: uuid('optional', false), teamId: uuid('optional') },
  },
  {
    name: 'PATCH /api/advocacy-actions/:id',
    method: 'PATCH',
    caller: (org) => org.a.supervisor,
    url: (org) => `/api/advocacy-actions/${org.a.advocacy.id}`,
    base: async (t, org) => ({
      version: await versionOf(t, 'advocacy_action', org.a.advocacy.id),
      outcome: 'Waiting for the hearing date',
    }),
    fields: { version: VERSION, ...patchOf(ADVOCACY_FIELDS) },
  },
  {
    name: 'POST /api/resources',
    method: 'POST',
    caller: (org) => org.admin,
    url: () => '/api/resources',
    base: () => ({ name: 'Northside Warming Centre', category: 'housing' }),
    fields: RESOURCE_FIELDS,
  },
  {
    name: 'PATCH /api/resources/:id',
    method: 'PATCH',
    caller: (org) => org.admin,
    url: (org) => `/api/resources/${org.resource.id}`,
    base: () => ({ phone: '555-0101' }),
    fields: patchOf(RESOURCE_FIELDS),
  },
  {
    name: 'POST /api/handouts',
    method: 'POST',
    caller: (org) => org.a.supervisor,
    url: () => '/api/handouts',
    base: (_t, org) => ({
      participantId: org.a.participant.id,
      resourceId: org.resource.id,
      method: 'printed',
    }),
    fields: {
      id: uuid('optional', false),
      participantId: uuid('required'),
      resourceId: uuid('required'),
      method: oneOf(HANDOUT_METHODS),
      givenOn: date('optional'),
      workerId: uuid('optional'),
      ...HANDOUT_PATCH_FIELDS,
    },
  },
  {
    name: 'PATCH /api/handouts/:id',
    method: 'PATCH',
    caller: (org) => org.a.supervisor,
    url: (org) => `/api/handouts/${org.a.handout.id}`,
    base: () => ({ note: 'Call the pantry first' }),
    fields: HANDOUT_PATCH_FIELDS,
  },
  {
    name: 'POST /api/decision-notes',
    method: 'POST',
    caller: (org) => org.a.supervisor,
    url: () => '/api/decision-notes',
    base: (_t, org) => ({
      participantId: org.a.participant.id,
      topic: 'Which evening group to try first',
      options: [{ label: 'Tuesday group', pros: 'Closer to home' }],
      decidedBy: 'participant',
    }),
    fields: { id: uuid('optional', false), participantId: uuid('required'), ...DECISION_FIELDS },
  },
  {
    name: 'PATCH /api/decision-notes/:id',
    method: 'PATCH',
    caller: (org) => org.a.supervisor,
    url: (org) => `/api/decision-notes/${org.a.decisionNote.id}`,
    base: () => ({ nextSteps: 'Meet again on Friday' }),
    fields: patchOf(DECISION_FIELDS),
  },
];

const Q = {
  uuid: { kind: 'uuid', presence: 'nullable' } as FieldSpec,
  date: { kind: 'date', presence: 'nullable' } as FieldSpec,
  of: (values: readonly string[]): FieldSpec => ({ kind: 'enum', values, presence: 'nullable' }),
};

const LISTS: { url: string; filters: Parameters<typeof hostileQueries>[0]; extra?: string[] }[] = [
  { url: '/api/users', filters: { teamId: Q.uuid, role: Q.of(ROLES), active: 'bool' } },
  { url: '/api/teams', filters: {} },
  {
    url: '/api/participants',
    filters: {
      search: 'search',
      status: Q.of(PARTICIPANT_STATUSES),
      primaryWorkerId: Q.uuid,
      teamId: Q.uuid,
    },
  },
  {
    url: '/api/sessions',
    filters: {
      from: Q.date,
      to: Q.date,
      participantId: Q.uuid,
      facilitatorId: Q.uuid,
      type: Q.of(SESSION_TYPES),
      teamId: Q.uuid,
    },
    extra: ['from=2026-03-10&to=2026-03-01'],
  },
  {
    url: '/api/advocacy-actions',
    filters: {
      participantId: Q.uuid,
      status: Q.of(ADVOCACY_STATUSES),
      workerId: Q.uuid,
      level: Q.of(ADVOCACY_LEVELS),
      category: Q.of(ADVOCACY_CATEGORIES),
      overdue: 'bool',
      teamId: Q.uuid,
    },
  },
  {
    url: '/api/resources',
    filters: {
      search: 'search',
      category: Q.of(RESOURCE_CATEGORIES),
      active: 'bool',
      includeInactive: 'bool',
    },
  },
  {
    url: '/api/handouts',
    filters: {
      participantId: Q.uuid,
      outcome: Q.of(HANDOUT_OUTCOMES),
      workerId: Q.uuid,
      resourceId: Q.uuid,
      followUpDue: 'bool',
      teamId: Q.uuid,
    },
  },
  {
    url: '/api/decision-notes',
    filters: {
      participantId: Q.uuid,
      workerId: Q.uuid,
      decidedBy: Q.of(DECIDED_BY),
      teamId: Q.uuid,
    },
  },
  {
    url: '/api/audit',
    filters: {
      participantId: Q.uuid,
      actorId: Q.uuid,
      action: Q.of(AUDIT_ACTIONS),
      from: Q.date,
      to: Q.date,
    },
  },
  { url: '/api/reports/caseload', filters: { asOf: Q.date, teamId: Q.uuid } },
  {
    url: '/api/reports/activity',
    filters: { from: Q.date, to: Q.date, teamId: Q.uuid },
    extra: ['from=2026-03-10&to=2026-03-01', 'from=2020-01-01&to=2026-01-01'],
  },
  {
    url: '/api/reports/activity/export',
    filters: { from: Q.date, to: Q.date, teamId: Q.uuid, format: Q.of(EXPORT_FORMATS) },
    extra: ['format=docx', 'from=2026-03-10&to=2026-03-01'],
  },
];

describe('hostile input', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  async function send(target: Target, c: HostileCase): Promise<Reply> {
    const caller = target.caller(org);
    const headers: Record<string, string> = {};
    let payload: string | Buffer | undefined;
    if (c.raw !== undefined) payload = c.raw;
    else payload = JSON.stringify(c.body);
    if (c.contentType !== '') headers['content-type'] = c.contentType ?? 'application/json';
    return t.request(target.method, target.url(org), { token: caller?.token, headers, payload });
  }

  describe.each(TARGETS.map((target) => [target.name, target] as const))('%s', (_name, target) => {
    it('refuses at least 50 malformed bodies with a 4xx in the one error shape, changing nothing', async () => {
      const base = await target.base(t, org);
      const cases = hostileCases(target, base);
      expect(cases.length).toBeGreaterThanOrEqual(50);
      const before = await databaseChecksums(t);
      const seq = await auditSeq(t);
      const problems: string[] = [];
      for (const c of cases) problems.push(...problemsOf(c, await send(target, c)));
      expect(problems).toEqual([]);
      expect(await databaseChecksums(t)).toEqual(before);
      // Only refused sign-ins are recorded (SPEC §3); nothing else was written.
      const audited = await auditActionsSince(t, seq);
      expect(audited).toEqual(target.name.includes('login') ? ['login_failed'] : []);
      // Nothing reached the prototype of every object.
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('refuses malformed query strings on every list and report with 400, changing nothing', async () => {
    const before = await databaseChecksums(t);
    const seq = await auditSeq(t);
    const problems: string[] = [];
    let count = 0;
    for (const list of LISTS) {
      const cases = [
        ...hostileQueries(list.filters),
        ...(list.extra ?? []).map((query) => ({ name: query, query, field: undefined })),
      ];
      for (const c of cases) {
        count++;
        const res = await t.request('GET', `${list.url}?${c.query}`, {
          token: org.a.supervisor.token,
        });
        problems.push(
          ...problemsOf({ name: `${list.url}?${c.query}`, status: 400, field: c.field }, res),
        );
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(LISTS.length * 20);
    expect(await databaseChecksums(t)).toEqual(before);
    expect(await auditActionsSince(t, seq)).toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  describe('free text that looks like code is only text', () => {
    const MARKUP = `<script>alert(document.cookie)</script><img src=x onerror=alert(1)>`;
    const SQL = `Robert'); DROP TABLE participant; -- "quoted" \\ back\\slash %_ wildcards`;

    it('stores markup and SQL verbatim and returns them as JSON data', async () => {
      const res = await t.request('POST', '/api/sessions', {
        token: org.a.worker.token,
        body: {
          type: 'one_to_one_mentoring',
          setting: 'clinic',
          startsAt: '2026-03-18T16:00:00Z',
          durationMinutes: 60,
          title: MARKUP.slice(0, 200),
          notes: `${MARKUP}\n${SQL}`,
          attendance: [{ participantId: org.a.participant.id, status: 'attended', note: SQL }],
        },
      });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body.notes).toBe(`${MARKUP}\n${SQL}`);
      expect(res.body.attendance[0].note).toBe(SQL);
      // JSON escapes nothing a browser would run: it is data, read by the client as text.
      expect(res.text).toContain('"notes":"<script>alert(document.cookie)</script>');
      const { rows } = await t.db.query(
        `SELECT s.notes, a.note FROM support_session s JOIN attendance a ON a.session_id = s.id
          WHERE s.id = $1`,
        [res.body.id],
      );
      expect(rows).toEqual([{ notes: `${MARKUP}\n${SQL}`, note: SQL }]);
      const again = await t.request('GET', `/api/sessions/${res.body.id}`, {
        token: org.a.worker.token,
      });
      expect(again.body.notes).toBe(`${MARKUP}\n${SQL}`);
      const { rows: tables } = await t.db.query(`SELECT to_regclass('participant') AS t`);
      expect(tables[0].t).toBe('participant');
    });

    it('stores a name with quotes and LIKE wildcards, and searches for it literally', async () => {
      const created = await t.request('POST', '/api/participants', {
        token: org.a.worker.token,
        body: { firstName: "D'Arcy", lastName: `O'Brien_100% <b>Ng</b>` },
      });
      expect(created.status).toBe(201);
      expect(created.body.lastName).toBe(`O'Brien_100% <b>Ng</b>`);
      const search = async (term: string) => {
        const res = await t.request(
          'GET',
          `/api/participants?search=${encodeURIComponent(term)}&pageSize=100`,
          { token: org.a.worker.token },
        );
        expect(res.status).toBe(200);
        return res.body.items.map((p: { id: string }) => p.id);
      };
      expect(await search("O'Brien_100%")).toEqual([created.body.id]);
      expect(await search('%')).toEqual([created.body.id]);
      expect(await search('_')).toEqual([created.body.id]);
      expect(await search("' OR '1'='1")).toEqual([]);
      expect(await search('<b>ng</b>')).toEqual([created.body.id]);
    });
  });
});
