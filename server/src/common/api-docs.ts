import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { ApiError } from '@peerpath/shared';

/**
 * The OpenAPI side of PeerPath's responses. Response classes carry these
 * property decorators, the mappers are typed with the classes (so a field the
 * class lacks, or one it has that the mapper leaves out, fails the typecheck),
 * and the document is generated from the classes: one source for what the
 * server returns and what the document says.
 */

interface OutOptions {
  nullable?: boolean;
  /** Present only on some objects of the type (every other field is always present). */
  optional?: boolean;
  description?: string;
  example?: unknown;
}

function out(schema: Record<string, unknown>, opts: OutOptions = {}) {
  return ApiProperty({
    required: !opts.optional,
    ...schema,
    ...(opts.nullable ? { nullable: true } : {}),
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.example !== undefined ? { example: opts.example } : {}),
  } as never);
}

/** Property decorators for response classes: every field is always present (`null` where nullable). */
export const Out = {
  uuid: (o?: OutOptions) => out({ type: String, format: 'uuid' }, o),
  text: (o?: OutOptions) => out({ type: String }, o),
  email: (o?: OutOptions) => out({ type: String, format: 'email' }, o),
  date: (o?: OutOptions) => out({ type: String, format: 'date' }, o),
  dateTime: (o?: OutOptions) => out({ type: String, format: 'date-time' }, o),
  int: (o?: OutOptions & { minimum?: number; maximum?: number }) =>
    out(
      {
        type: 'integer',
        ...(o?.minimum !== undefined ? { minimum: o.minimum } : {}),
        ...(o?.maximum !== undefined ? { maximum: o.maximum } : {}),
      },
      o,
    ),
  number: (o?: OutOptions) => out({ type: Number }, o),
  bool: (o?: OutOptions) => out({ type: Boolean }, o),
  enum: (values: readonly string[], o?: OutOptions) =>
    out({ type: String, enum: o?.nullable ? [...values, null] : [...values] }, o),
  enumArray: (values: readonly string[], o?: OutOptions) =>
    out({ type: String, isArray: true, enum: [...values], uniqueItems: true }, o),
  textArray: (o?: OutOptions) => out({ type: String, isArray: true }, o),
  // Written inline so the thunk is named `type`, which is how @nestjs/swagger tells a lazy type.
  object: <T>(model: () => Type<T>, o?: OutOptions) => out({ type: () => model() }, o),
  array: <T>(model: () => Type<T>, o?: OutOptions) =>
    out({ type: () => model(), isArray: true }, o),
  /** Free-form JSON object (audit details). */
  record: (o?: OutOptions) => out({ type: 'object', additionalProperties: true }, o),
};

/** What a record's `version` asks of the client that changes it through PATCH. */
export const VERSION_ON_PATCH = 'Send it back on PATCH; a stale version is refused (409)';

/**
 * A record response's last fields, after the ones its class documents:
 * `version` when asked (`true`, or the description to give it), then
 * `createdAt` and `updatedAt`. The class declares them, undecorated:
 *
 *     @RecordStamps({ version: VERSION_ON_PATCH })
 *     export class ParticipantResponse implements Participant {
 *       ...
 *       version: number;
 *       createdAt: string;
 *       updatedAt: string;
 *     }
 */
export function RecordStamps(opts: { version?: true | string } = {}) {
  return (target: Type<{ createdAt: string; updatedAt: string }>) => {
    const proto = target.prototype as object;
    if (opts.version) {
      const description = opts.version === true ? undefined : opts.version;
      Out.int({ minimum: 1, description })(proto, 'version');
    }
    Out.dateTime()(proto, 'createdAt');
    Out.dateTime()(proto, 'updatedAt');
  };
}

/** The first fields of a record about one participant: its id, the person's and the team's. */
export class ParticipantRecordOut {
  @Out.uuid()
  id: string;

  @Out.uuid()
  participantId: string;

  @Out.uuid()
  teamId: string;
}

/** The first fields of a record of a worker's own: its id, the worker's team and the worker. */
export class WorkerRecordOut {
  @Out.uuid()
  id: string;

  @Out.uuid({ description: 'The worker’s team' })
  teamId: string;

  @Out.uuid()
  workerId: string;
}

/** The one error shape of the API (SPEC §4). */
export class ApiErrorBody implements ApiError {
  @Out.int({ minimum: 400, maximum: 599, example: 400 })
  statusCode: number;

  @Out.text({ example: 'Invalid field: firstName must not be empty' })
  message: string;

  @ApiProperty({
    required: false,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Messages by field path (bad input only)',
    example: { firstName: ['firstName must not be empty'] },
  } as never)
  errors?: Record<string, string[]>;

  @ApiProperty({
    required: false,
    type: 'object',
    additionalProperties: true,
    description:
      'On a 409 of an action already taken (by another user, or with a different body): the record as it is',
  } as never)
  record?: object;
}

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: the field errors are in `errors` (nothing was changed)',
  401: 'No valid access token (or a deactivated user)',
  403: 'Not allowed for your role, or a field you may not set (nothing was changed)',
  404: 'Not found, or a record of another team',
  409: 'A stale `version`, a safe retry whose fields differ from the stored record, or a name already taken',
  413: 'Request body is too large (1 MB at most)',
  415: 'The body is not `application/json`',
  429: 'Too many attempts: try again later',
  503: 'The database cannot be reached right now; retry after the `Retry-After` seconds',
};

/** Error responses of an operation, each with the shared error schema. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ApiErrorBody }),
    ),
  );
}

const pages = new Map<Type<unknown>, Type<unknown>>();

/** The list shape `{items, total, page, pageSize}` of `item`, named `<Item>Page`. */
export function PageOf<T>(item: Type<T>): Type<{
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}> {
  const known = pages.get(item);
  if (known) return known as never;
  class PageBody {
    @Out.array(() => item)
    items: T[];

    @Out.int({ minimum: 0, description: 'Matching records on every page' })
    total: number;

    @Out.int({ minimum: 1 })
    page: number;

    @Out.int({ minimum: 1, maximum: 100 })
    pageSize: number;
  }
  Object.defineProperty(PageBody, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  pages.set(item, PageBody);
  return PageBody;
}

/** An object with one whole-number count per enum value (every key always present). */
export function CountsOf<K extends string>(
  values: readonly K[],
  name: string,
): Type<Record<K, number>> {
  class Counts {}
  for (const v of values) {
    ApiProperty({ type: 'integer', minimum: 0, required: true })(Counts.prototype, v);
  }
  Object.defineProperty(Counts, 'name', { value: name });
  return Counts as never;
}

/** A success response whose body is one of `models` (documented by `$ref`). */
export function refTo(model: Type<unknown>) {
  return { $ref: getSchemaPath(model) };
}

/** The files a route may answer with instead of JSON, by the `format` asked. */
const FILE_BODIES = {
  csv: { 'text/csv': { schema: { type: 'string' } } },
  pdf: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/**
 * A 200 whose body is `model` as JSON, or one of `files` (an attachment) when
 * the query asks for it; `model` is listed among the document's schemas.
 */
export function ApiJsonOrFile(
  model: Type<unknown>,
  description: string,
  ...files: (keyof typeof FILE_BODIES)[]
) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: refTo(model) },
        ...Object.assign({}, ...files.map((f) => FILE_BODIES[f])),
      },
    }),
  );
}

export { ApiExtraModels };
