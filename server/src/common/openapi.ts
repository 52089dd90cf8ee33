import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorBody, ERROR_DESCRIPTIONS } from './api-docs';

export const REFRESH_COOKIE_SCHEME = 'refreshCookie';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Schema = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const TAGS: Record<string, string> = {
  auth: 'Sign-in, token refresh and sign-out',
  users: 'User accounts (admins; supervisors may list their team)',
  teams: 'Teams of peer support workers',
  health: 'Liveness and database reachability',
  participants: 'People a team supports, and their timeline',
  sessions: 'Group and one-to-one sessions with attendance',
  advocacy: 'Individual and systemic advocacy',
  resources: 'The resource directory shared by all teams',
  handouts: 'Resources given to participants, and their follow-up',
  'decision notes': 'Shared decision-making notes',
  reports: 'Caseload and activity reports, and the funder export',
  audit: 'The audit trail',
  bench: 'Benchmark baseline',
};

function errorResponse(status: number) {
  return {
    description: ERROR_DESCRIPTIONS[status],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
  };
}

/** Names of the component schemas reachable from `schema` (through `$ref`s). */
function reachable(doc: OpenAPIObject, schema: unknown, seen = new Set<string>()): Set<string> {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (!seen.has(name)) {
        seen.add(name);
        walk(doc.components?.schemas?.[name]);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(schema);
  return seen;
}

/**
 * What every operation shares, added here once so that a new endpoint documents
 * it without a word: the error responses the platform itself can give (bad
 * input, a path id of no record, a body too large or not JSON, the database
 * unreachable), `security: []` on public routes, and request bodies that refuse
 * unknown fields (`additionalProperties: false`, as the validation pipe does).
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  const bodySchemas = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op) continue;
      const responses = op.responses as Record<string, unknown>;
      const add = (status: number) => {
        responses[status] ??= errorResponse(status);
      };
      const params = (op.parameters ?? []) as { in?: string }[];
      if (op.requestBody || params.length > 0) add(400);
      if (path.includes('{')) add(404);
      // A body that is not JSON is refused (415) on every route, whether or not it takes one.
      add(415);
      if (op.requestBody) {
        add(413);
        const schema = (op.requestBody as { content?: Record<string, { schema?: unknown }> })
          .content?.['application/json']?.schema;
        reachable(doc, schema).forEach((name) => bodySchemas.add(name));
      }
      add(503);
      op.security ??= [];
      // Operation ids a client generator turns into readable names: `ParticipantsController_list` → `participants_list`.
      if (op.operationId) {
        op.operationId = op.operationId.replace(
          /^(\w+?)Controller_/,
          (_m, c: string) => `${c[0].toLowerCase()}${c.slice(1)}_`,
        );
      }
    }
  }
  for (const name of bodySchemas) {
    const schema = doc.components?.schemas?.[name] as Schema | undefined;
    if (schema && schema.type === 'object') schema.additionalProperties = false;
  }
  doc.tags = Object.entries(TAGS)
    .filter(([name]) =>
      Object.values(doc.paths).some((item) =>
        METHODS.some((m) => (item[m] as Operation | undefined)?.tags?.includes(name)),
      ),
    )
    .map(([name, description]) => ({ name, description }));
  return doc;
}

/** The OpenAPI document of the running app (served at /api/docs-json). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PeerPath API')
    .setDescription(
      'Case management for peer support programs. Every endpoint but `/api/health`, ' +
        '`/api/auth/login` and the cookie-borne `/api/auth/refresh` and `/api/auth/logout` ' +
        'needs `Authorization: Bearer <accessToken>`. Errors have one shape, ' +
        '`{statusCode, message, errors?}`; lists are `{items, total, page, pageSize}`.',
    )
    .setVersion('1.0')
    .addServer('/', 'This PeerPath server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addCookieAuth(
      'pp_refresh',
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'pp_refresh',
        description:
          'The httpOnly refresh cookie set by sign-in (path /api/auth; 30 min idle, 12 h absolute)',
      },
      REFRESH_COOKIE_SCHEME,
    )
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ApiErrorBody] });
  return completeDocument(doc);
}
