import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createOpenApiDocument } from '../../src/common/openapi';

/**
 * Checks a response of the API against the OpenAPI document: the status must be
 * one the operation declares, and a JSON body must match the schema declared
 * for that status. Every request made through the test harness goes through
 * this, so the document cannot drift from what the server answers.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** What a 500 must look like when a test causes one on purpose: the one error shape. */
const FAULT = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
};

interface ResponseDoc {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}

interface Operation {
  operationId?: string;
  responses: Record<string, ResponseDoc>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

export interface OpenApiChecker {
  document: OpenAPIObject;
  /** The operation matching a request, if the document has one. */
  find(method: string, url: string): Route | undefined;
  /** Problems with a response (empty when it matches the document). */
  /** Operations that take a JSON body, with that body's schema (`$ref`s as in the document). */
  bodies(): { method: string; template: string; operationId: string; schema: unknown }[];
  /** Problems of a request body by the document's schema (empty when it is valid). */
  checkBody(method: string, template: string, body: unknown): string[];
  check(
    method: string,
    url: string,
    status: number,
    contentType: string | undefined,
    text: string,
    injectedFault?: boolean,
  ): string[];
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/')
        ? `openapi.json${v}`
        : rewriteRefs(v);
  }
  return out;
}

export function createOpenApiChecker(document: OpenAPIObject): OpenApiChecker {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  ajv.addSchema(
    toJsonSchema(rewriteRefs({ components: document.components })) as object,
    'openapi.json',
  );

  const routes: Route[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as Operation | undefined;
      if (!operation) continue;
      const params = (template.match(/\{[^}]+\}/g) ?? []).length;
      const source = template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}/?$`),
        params,
        operation,
      });
    }
  }
  // A fixed path before a templated one of the same shape.
  routes.sort((a, b) => a.params - b.params);

  const validators = new Map<string, ValidateFunction>();
  const validator = (key: string, schema: unknown) => {
    let v = validators.get(key);
    if (!v) {
      v = ajv.compile(toJsonSchema(rewriteRefs(schema)) as object);
      validators.set(key, v);
    }
    return v;
  };

  const find = (method: string, url: string) => {
    const path = url.split('?')[0];
    return routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  };

  const bodySchema = (route: Route) =>
    (route.operation as { requestBody?: { content?: Record<string, { schema?: unknown }> } })
      .requestBody?.content?.['application/json']?.schema;

  return {
    document,
    find,
    bodies() {
      return routes
        .filter((r) => bodySchema(r))
        .map((r) => ({
          method: r.method,
          template: r.template,
          operationId: r.operation.operationId ?? '?',
          schema: bodySchema(r),
        }));
    },
    checkBody(method, template, body) {
      const route = routes.find((r) => r.method === method && r.template === template);
      if (!route) return [`no operation ${method} ${template}`];
      const validate = validator(`${method} ${template} body`, bodySchema(route));
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}`);
    },
    check(method, url, status, contentType, text, injectedFault = false) {
      const path = url.split('?')[0];
      if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return [];
      // CORS preflights are answered before routing; HEAD is GET without a body.
      if (method.toUpperCase() === 'OPTIONS') return [];
      const head = method.toUpperCase() === 'HEAD';
      const route = find(head ? 'GET' : method, url);
      if (!route) {
        // A path the API does not have: the router's 404 is the only right answer, but for a body
        // that is not JSON, refused (415) before any route is looked up.
        return status === 404 || status === 405 || status === 415
          ? []
          : [`${method} ${path} is not in the OpenAPI document, yet it answered ${status}`];
      }
      const name = `${route.method} ${route.template} (${route.operation.operationId ?? '?'})`;
      const responses = route.operation.responses;
      const declared =
        responses[String(status)] ??
        responses[`${String(status)[0]}XX`] ??
        // A fault a test injects (a mocked failure) may give any error status.
        (injectedFault && status >= 400 ? FAULT : undefined);
      if (!declared) {
        return [
          `${name} answered ${status}, which the document does not declare ` +
            `(declared: ${Object.keys(responses).join(', ')}). Body: ${text.slice(0, 300)}`,
        ];
      }
      const type = (contentType ?? '').split(';')[0].trim();
      if (head) return [];
      if (type !== 'application/json') {
        // File downloads and empty answers: only their status is checked (and a declared media type).
        if (!text || status === 204) return [];
        const content = declared.content ?? {};
        return Object.keys(content).length === 0 || type in content
          ? []
          : [
              `${name} ${status} sent ${type}, but the document declares ${Object.keys(content).join(', ')}`,
            ];
      }
      const schema = declared.content?.['application/json']?.schema;
      if (!schema) {
        return [
          `${name} ${status} sent a JSON body, but the document declares no JSON body for it`,
        ];
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [`${name} ${status} sent a body that is not JSON: ${text.slice(0, 200)}`];
      }
      const validate = validator(`${route.method} ${route.template} ${status}`, schema);
      if (validate(body)) return [];
      return (validate.errors ?? []).slice(0, 10).map((e) => {
        const at = e.instancePath || '(the body)';
        const detail =
          e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : '';
        return `${name} ${status}: field ${at} ${e.message ?? 'does not match'}${detail}`;
      });
    },
  };
}

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a null type. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) out[k] = k === 'example' ? v : toJsonSchema(v);
  delete out.nullable;
  if (src.nullable === true) {
    if (typeof src.type === 'string') out.type = [src.type, 'null'];
    if (Array.isArray(src.enum) && !src.enum.includes(null)) out.enum = [...src.enum, null];
    if (src.$ref || src.allOf) return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

let cached: OpenApiChecker | undefined;

/** The checker for the app's own document (built once per test file). */
export function openApiChecker(app: INestApplication): OpenApiChecker {
  cached ??= createOpenApiChecker(createOpenApiDocument(app));
  return cached;
}
