import { createTestApp, type TestApp } from './harness';
import { seedOrganisation, versionOf, type Organisation } from './support/organisation';
import { auditActionsSince, auditSeq, databaseChecksums } from './support/routes';

/** The bidirectional controls SPEC §4 refuses in names and other short text. */
const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

interface Attempt {
  what: string;
  method: 'POST' | 'PATCH';
  url: string;
  as: 'worker' | 'supervisor' | 'admin';
  body: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  field: string;
}

/**
 * SPEC §4: names and other short text refuse the bidirectional control
 * characters (a name that displays as something else, "Trojan Source" in a
 * list), and `startsAt` lies between 1900 and 2200. Each refusal is a 400
 * naming the field, and nothing changes.
 */
describe('short text and session dates', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  const session = (over: Record<string, unknown>) => ({
    type: 'one_to_one_mentoring',
    setting: 'phone',
    startsAt: '2026-03-12T15:00:00Z',
    durationMinutes: 30,
    attendance: [{ participantId: org.a.participant.id, status: 'attended' }],
    ...over,
  });

  function attempts(mark: string): Attempt[] {
    const evil = (s: string) => `${s.slice(0, 3)}${mark}${s.slice(3)}`;
    const participant = (field: string) => ({
      firstName: 'Ingrid',
      lastName: 'Halvorsen',
      [field]: evil('Halvorsen-Berg'),
    });
    return [
      ...['firstName', 'lastName', 'preferredName', 'pronouns', 'phone'].map((field): Attempt => ({
        what: `participant ${field}`,
        method: 'POST',
        url: '/api/participants',
        as: 'worker',
        body: () => participant(field),
        field,
      })),
      {
        what: 'participant firstName (PATCH)',
        method: 'PATCH',
        url: `/api/participants/${org.a.participant.id}`,
        as: 'worker',
        body: async () => ({
          version: await versionOf(t, 'participant', org.a.participant.id),
          firstName: evil('Marisol'),
        }),
        field: 'firstName',
      },
      {
        what: 'team name',
        method: 'POST',
        url: '/api/teams',
        as: 'admin',
        body: () => ({ name: evil('Westbrook Peer Team') }),
        field: 'name',
      },
      {
        what: 'user displayName',
        method: 'POST',
        url: '/api/users',
        as: 'admin',
        body: () => ({
          email: 'noor.haddad@example.org',
          displayName: evil('Noor Haddad'),
          role: 'worker',
          teamId: org.a.team.id,
          password: 'a-long-and-personal-phrase',
        }),
        field: 'displayName',
      },
      {
        what: 'user displayName (PATCH)',
        method: 'PATCH',
        url: `/api/users/${org.a.spareWorker.id}`,
        as: 'admin',
        body: () => ({ displayName: evil('Priyanka R') }),
        field: 'displayName',
      },
      ...['name', 'address', 'phone'].map((field): Attempt => ({
        what: `resource ${field}`,
        method: 'POST',
        url: '/api/resources',
        as: 'admin',
        body: () => ({ name: 'Eastgate Clinic', category: 'other', [field]: evil('Eastgate') }),
        field,
      })),
      {
        what: 'resource tag',
        method: 'POST',
        url: '/api/resources',
        as: 'admin',
        body: () => ({ name: 'Eastgate Clinic', category: 'other', tags: [evil('walk-in')] }),
        field: 'tags',
      },
      {
        what: 'session title',
        method: 'POST',
        url: '/api/sessions',
        as: 'worker',
        body: () => session({ title: evil('Phone check-in') }),
        field: 'title',
      },
      {
        what: 'advocacy title',
        method: 'POST',
        url: '/api/advocacy-actions',
        as: 'worker',
        body: () => ({
          participantId: org.a.participant.id,
          level: 'individual',
          category: 'housing',
          title: evil('Ask for a repair'),
        }),
        field: 'title',
      },
      {
        what: 'decision topic',
        method: 'POST',
        url: '/api/decision-notes',
        as: 'worker',
        body: () => ({
          participantId: org.a.participant.id,
          topic: evil('Which group to join'),
          options: [{ label: 'Tuesday' }],
          decidedBy: 'shared',
        }),
        field: 'topic',
      },
      {
        what: 'decision option label',
        method: 'POST',
        url: '/api/decision-notes',
        as: 'worker',
        body: () => ({
          participantId: org.a.participant.id,
          topic: 'Which group to join',
          options: [{ label: evil('Tuesday circle') }],
          decidedBy: 'shared',
        }),
        field: 'options.0.label',
      },
    ];
  }

  const tokenOf = (as: Attempt['as']) =>
    as === 'admin'
      ? org.admin.token
      : as === 'supervisor'
        ? org.a.supervisor.token
        : org.a.worker.token;

  it('refuses every bidirectional control in every short text field, naming the field, changing nothing', async () => {
    const before = await databaseChecksums(t);
    const seq = await auditSeq(t);
    const problems: string[] = [];
    for (const mark of BIDI) {
      const code = `U+${mark.codePointAt(0)!.toString(16).toUpperCase()}`;
      for (const a of attempts(mark)) {
        const res = await t.request(a.method, a.url, {
          token: tokenOf(a.as),
          body: await a.body(),
        });
        const say = (p: string) => problems.push(`${a.what} with ${code}: ${p}`);
        if (res.status !== 400) {
          say(`expected 400, got ${res.status} ${res.text.slice(0, 160)}`);
          continue;
        }
        const errors = (res.body.errors ?? {}) as Record<string, string[]>;
        if (!errors[a.field]?.some((m) => /bidirectional/i.test(m))) {
          say(`no bidirectional error for ${a.field}: ${res.text.slice(0, 200)}`);
        }
        if (res.text.includes(mark)) say('the refusal echoes the control character');
      }
    }
    expect(problems).toEqual([]);
    expect(await databaseChecksums(t)).toEqual(before);
    expect(await auditActionsSince(t, seq)).toEqual([]);
  });

  it('still takes right-to-left names written without controls', async () => {
    const res = await t.request('POST', '/api/participants', {
      token: org.a.worker.token,
      body: { firstName: 'نور', lastName: 'חדד', preferredName: 'Noor' },
    });
    expect(res.status).toBe(201);
    const { rows } = await t.db.query(
      `SELECT first_name, last_name FROM participant WHERE id = $1`,
      [res.body.id],
    );
    expect(rows).toEqual([{ first_name: 'نور', last_name: 'חדד' }]);
  });

  it('refuses a startsAt before 1900 or after 2200, naming startsAt, changing nothing', async () => {
    const before = await databaseChecksums(t);
    const problems: string[] = [];
    const version = await versionOf(t, 'support_session', org.a.session.id);
    for (const startsAt of [
      '1899-12-31T23:59:59Z',
      '0001-01-01T00:00:00Z',
      '2201-01-01T00:00:00Z',
      '9999-12-31T10:00:00Z',
      '2200-12-31T23:00:00-05:00',
    ]) {
      for (const [method, url, body] of [
        ['POST', '/api/sessions', session({ startsAt })],
        ['PATCH', `/api/sessions/${org.a.session.id}`, { version, startsAt }],
      ] as const) {
        const res = await t.request(method, url, { token: org.a.worker.token, body });
        const errors = (res.body?.errors ?? {}) as Record<string, string[]>;
        if (res.status !== 400 || !errors.startsAt?.some((m) => /1900.*2200/.test(m))) {
          problems.push(`${method} ${startsAt}: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await databaseChecksums(t)).toEqual(before);
  });

  it('takes a startsAt on the first moment of 1900 and the last of 2200', async () => {
    for (const startsAt of ['1900-01-01T00:00:00Z', '2200-12-31T23:59:00Z']) {
      const res = await t.request('POST', '/api/sessions', {
        token: org.a.worker.token,
        body: session({ startsAt }),
      });
      expect(res.status).toBe(201);
      const { rows } = await t.db.query(
        `SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS s
           FROM support_session WHERE id = $1`,
        [res.body.id],
      );
      expect(rows[0].s).toBe(startsAt.slice(0, 16));
    }
  });
});
