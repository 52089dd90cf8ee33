import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { openApiChecker } from './support/openapi-check';

type Operation = {
  operationId: string;
  security?: unknown[];
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
};

/** The document itself, and the checker every e2e response goes through. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let w: World;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    const res = await t.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    operations = Object.entries(
      res.body.paths as Record<string, Record<string, Operation>>,
    ).flatMap(([path, item]) =>
      Object.entries(item).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op]),
    ) as [string, Operation][];
  });
  afterAll(() => t.close());

  it('gives every operation a success body, the shared error schema and its security', () => {
    expect(operations.length).toBeGreaterThan(35);
    for (const [name, op] of operations) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      expect([name, success.length > 0]).toEqual([name, true]);
      for (const s of success.filter((x) => x !== '204')) {
        expect([name, s, Object.keys(op.responses[s].content ?? {}).length > 0]).toEqual([
          name,
          s,
          true,
        ]);
      }
      for (const s of statuses.filter((x) => /^[45]/.test(x) && !name.includes('/api/health'))) {
        expect([name, s, op.responses[s].content?.['application/json']?.schema]).toEqual([
          name,
          s,
          { $ref: '#/components/schemas/ApiErrorBody' },
        ]);
      }
      expect([name, Array.isArray(op.security)]).toEqual([name, true]);
    }
    const publicOps = operations.filter(([, op]) => op.security!.length === 0).map(([n]) => n);
    // The calendar feed's secret address is its key (SPEC §11): no sign-in, counts only.
    expect(publicOps.sort()).toEqual([
      'GET /api/calendar/{file}',
      'GET /api/health',
      'GET /api/settings',
      'POST /api/auth/login',
    ]);
  });

  it('describes each response once (a status declared twice on a route repeats its text)', () => {
    const repeated = operations.flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([, r]) => {
          const parts = (r.description ?? '').split('\n\n');
          return new Set(parts).size < parts.length;
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(repeated).toEqual([]);
  });

  it('reports an undeclared status naming the operation and the status', () => {
    const problems = openApiChecker(t.app).check(
      'GET',
      `/api/participants/${w.admin.id}`,
      418,
      'application/json',
      '{"statusCode":418,"message":"teapot"}',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /GET \/api\/participants\/\{id\} \(participants_get\) answered 418/,
    );
  });

  it('reports a body that does not match, naming the field', async () => {
    const me = await t.request('GET', '/api/auth/me', { token: w.workerA.token });
    const { active: _, ...withoutActive } = me.body;
    const checker = openApiChecker(t.app);
    const missing = checker.check(
      'GET',
      '/api/auth/me',
      200,
      'application/json',
      JSON.stringify(withoutActive),
    );
    expect(missing.join('\n')).toMatch(
      /auth_me\) 200: field \(the body\) must have required property 'active'/,
    );
    const wrongType = checker.check(
      'GET',
      '/api/auth/me',
      200,
      'application/json',
      JSON.stringify({ ...me.body, teamId: 42 }),
    );
    expect(wrongType.join('\n')).toMatch(/field \/teamId must be string,null/);
    expect(checker.check('GET', '/api/auth/me', 200, 'application/json', me.text)).toEqual([]);
  });
});
