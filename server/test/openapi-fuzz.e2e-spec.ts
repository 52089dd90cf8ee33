import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createTestApp, OpenApiMismatch, seedWorld, type TestApp, type World } from './harness';
import { openApiChecker, type OpenApiChecker } from './support/openapi-check';

/**
 * Schema-driven fuzzing: for every operation that takes a JSON body, bodies
 * generated from the document's own request schema (valid ones, and each
 * mutated once to break the schema) go to the real server on PostgreSQL.
 * Nothing may answer 5xx, a body the schema calls invalid may never get a 2xx,
 * and every status must be one the operation declares (the harness checks
 * that, and every response body against its schema).
 */

const VALID_PER_OPERATION = 11;
const MUTATED_PER_OPERATION = 12;
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

type Schema = Record<string, unknown>;

describe('OpenAPI request schemas, fuzzed against the server', () => {
  let t: TestApp;
  let w: World;
  let checker: OpenApiChecker;
  const ids: string[] = [];
  const pathIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    checker = openApiChecker(t.app);
    const participant = await t.request('POST', '/api/participants', {
      token: w.workerA.token,
      body: { firstName: 'Fuzz', lastName: 'Target' },
    });
    const resource = await t.request('POST', '/api/resources', {
      token: w.admin.token,
      body: { name: 'Fuzz Food Bank', category: 'food' },
    });
    const session = await t.request('POST', '/api/sessions', {
      token: w.workerA.token,
      body: {
        type: 'support_group',
        setting: 'community_center',
        startsAt: '2026-05-01T14:00:00Z',
        durationMinutes: 60,
        attendance: [{ participantId: participant.body.id, status: 'attended' }],
      },
    });
    const advocacy = await t.request('POST', '/api/advocacy-actions', {
      token: w.workerA.token,
      body: { level: 'systemic', category: 'policy', title: 'Fuzz policy' },
    });
    const handout = await t.request('POST', '/api/handouts', {
      token: w.workerA.token,
      body: { participantId: participant.body.id, resourceId: resource.body.id, method: 'verbal' },
    });
    const note = await t.request('POST', '/api/decision-notes', {
      token: w.workerA.token,
      body: {
        participantId: participant.body.id,
        topic: 'Fuzz topic',
        options: [{ label: 'One' }],
        decidedBy: 'shared',
      },
    });
    Object.assign(pathIds, {
      '/api/participants/{id}': participant.body.id,
      '/api/resources/{id}': resource.body.id,
      '/api/sessions/{id}': session.body.id,
      '/api/advocacy-actions/{id}': advocacy.body.id,
      '/api/handouts/{id}': handout.body.id,
      '/api/decision-notes/{id}': note.body.id,
      '/api/users/{id}': w.workerA2.id,
    });
    // Real ids (of both teams) mixed with ids of nothing, for every uuid field.
    ids.push(
      participant.body.id,
      resource.body.id,
      w.teamA.id,
      w.teamB.id,
      w.workerA.id,
      w.supA.id,
      w.workerB.id,
      w.admin.id,
    );
  });
  afterAll(() => t.close());

  const resolve = (schema: unknown): Schema => {
    const ref = (schema as { $ref?: string })?.$ref;
    if (!ref) return schema as Schema;
    const name = ref.replace('#/components/schemas/', '');
    return checker.document.components!.schemas![name] as Schema;
  };

  /** A fast-check arbitrary of values the schema calls valid. */
  function arbitrary(raw: unknown, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(raw);
    const nullable = s.nullable === true;
    const base = ((): fc.Arbitrary<unknown> => {
      if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum.filter((v) => v !== null));
      switch (s.type) {
        case 'object': {
          const props = (s.properties ?? {}) as Record<string, unknown>;
          const required = (s.required ?? []) as string[];
          const model: Record<string, fc.Arbitrary<unknown>> = {};
          for (const [k, v] of Object.entries(props)) model[k] = arbitrary(v, depth + 1);
          return fc.record(model, { requiredKeys: required });
        }
        case 'array': {
          const items = arbitrary(s.items, depth + 1);
          const min = (s.minItems as number) ?? 0;
          const max = Math.min((s.maxItems as number) ?? 4, min + 3);
          return s.uniqueItems
            ? fc.uniqueArray(items, {
                minLength: min,
                maxLength: max,
                selector: (v) => JSON.stringify(v),
              })
            : fc.array(items, { minLength: min, maxLength: max });
        }
        case 'integer':
          return fc.integer({
            min: (s.minimum as number) ?? -1000,
            max: Math.min((s.maximum as number) ?? 1000, 2147483647),
          });
        case 'number':
          return fc.double({ min: -1000, max: 1000, noNaN: true });
        case 'boolean':
          return fc.boolean();
        case 'string':
          return stringArbitrary(s);
        default:
          return fc.constant({});
      }
    })();
    return nullable ? fc.option(base, { nil: null, freq: 4 }) : base;
  }

  function stringArbitrary(s: Schema): fc.Arbitrary<string> {
    const max = Math.min((s.maxLength as number) ?? 60, 60);
    const min = (s.minLength as number) ?? 0;
    switch (s.format) {
      case 'uuid':
        return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      case 'date':
        return fc
          .date({
            min: new Date('1900-01-01T00:00:00Z'),
            max: new Date('2200-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10));
      case 'date-time':
        return fc
          .date({
            min: new Date('1900-01-02T00:00:00Z'),
            max: new Date('2200-12-30T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString());
      case 'email':
        return fc.emailAddress().filter((e) => e.length <= max);
      case 'password':
        return fc.string({ minLength: Math.max(min, 12), maxLength: 40 });
      case 'uri':
        return fc.webUrl();
    }
    const words = fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) });
    return min > 0 ? words.filter((v) => v.trim().length > 0) : words;
  }

  /** One way to break a body: each returns a changed copy (the schema decides whether it broke). */
  const mutations: ((body: Schema, schema: Schema) => Schema)[] = [
    (b, s) => {
      const required = (s.required ?? []) as string[];
      if (!required.length) return { ...b, notAField: 1 };
      const copy = { ...b };
      delete copy[required[0]];
      return copy;
    },
    (b) => ({ ...b, notAField: 'surprise' }),
    (b) => mapFirst(b, (v) => (typeof v === 'string' ? 12345 : 'not the right type')),
    (b) => mapFirst(b, (v) => (typeof v === 'string' ? '' : null)),
    (b) => mapFirst(b, (v) => (typeof v === 'number' ? v + 0.5 : v)),
    (b) => mapFirst(b, (v) => (typeof v === 'string' ? `${v}${'x'.repeat(20000)}` : v)),
    (b) => mapFirst(b, (v) => (Array.isArray(v) && v.length ? [...v, v[0]] : v)),
    (b) =>
      mapFirst(b, (v) => (typeof v === 'string' && /^\d{4}-/.test(v) ? `1899${v.slice(4)}` : v)),
    (b) => mapFirst(b, (v) => (typeof v === 'number' ? -v - 1e9 : v)),
    (b) => mapFirst(b, (v) => (typeof v === 'string' ? '   ' : v)),
  ];

  function mapFirst(body: Schema, f: (v: unknown) => unknown): Schema {
    const keys = Object.keys(body);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + keys.length - 1) % keys.length];
      const next = f(body[k]);
      if (next !== body[k]) return { ...body, [k]: next };
    }
    return { ...body, notAField: true };
  }

  it('answers every generated body with a declared status, never 5xx, never 2xx for an invalid body', async () => {
    const started = Date.now();
    const failures: string[] = [];
    const tally = { valid: 0, invalid: 0, statuses: {} as Record<string, number> };
    const operations = checker.bodies();
    expect(operations.length).toBeGreaterThan(10);

    for (const [n, op] of operations.entries()) {
      const schema = resolve(op.schema);
      const valid = fc.sample(arbitrary(schema), { numRuns: VALID_PER_OPERATION, seed: SEED + n });
      const mutated = fc
        .sample(fc.tuple(arbitrary(schema), fc.nat({ max: mutations.length - 1 })), {
          numRuns: MUTATED_PER_OPERATION,
          seed: SEED + 1000 + n,
        })
        .map(([b, m]) => mutations[m](b as Schema, schema));
      for (const body of [...valid, ...mutated]) {
        const problems = checker.checkBody(op.method, op.template, body);
        const isValid = problems.length === 0;
        const url = op.template.includes('{')
          ? op.template.replace(/\{[^}]+\}/, pathIds[op.template] ?? randomUUID())
          : op.template;
        // Admin-only writes need the admin; the rest a worker (records are created in their team).
        const admin = /^\/api\/(users|teams|resources)/.test(op.template);
        const token = admin ? w.admin.token : w.workerA.token;
        const label = `${op.method} ${op.template} (${op.operationId}) ${isValid ? 'valid' : 'invalid'} body ${JSON.stringify(body).slice(0, 300)}`;
        if (isValid) tally.valid++;
        else tally.invalid++;
        let status: number;
        try {
          const res = await t.request(op.method, url, {
            token: op.template.startsWith('/api/auth/login') ? undefined : token,
            body,
            remoteAddress: `10.9.${n}.${(tally.valid + tally.invalid) % 250}`,
          });
          status = res.status;
        } catch (err) {
          failures.push(`${label}: ${err instanceof OpenApiMismatch ? err.message : String(err)}`);
          continue;
        }
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
        if (status >= 500) failures.push(`${label} → ${status}`);
        if (!isValid && status < 300) {
          failures.push(
            `${label} → ${status}, though the schema says: ${problems.slice(0, 3).join('; ')}`,
          );
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `openapi fuzz: ${operations.length} operations, ${tally.valid} valid and ${tally.invalid} invalid bodies in ${seconds} s; statuses ${JSON.stringify(tally.statuses)} (seed ${SEED})\n`,
    );
    expect(failures).toEqual([]);
    expect(tally.valid).toBeGreaterThan(50);
    expect(tally.invalid).toBeGreaterThan(50);
  });
});
