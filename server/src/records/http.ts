import {
  applyDecorators,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map } from 'rxjs';
import type { Role } from '@peerpath/shared';
import { ApiErrors, PageOf } from '../common/api-docs';
import { Authenticated } from '../common/auth.decorators';
import type { CreateResult } from '../common/retry';

/** Who may call a record route and the errors it may answer, beyond the 400, 401 and 403 of every route. */
export interface RouteOptions {
  /** Only these roles (every signed-in caller when absent). */
  roles?: Role[];
  errors?: number[];
}

function guarded(opts: RouteOptions) {
  return [Authenticated({ roles: opts.roles }), ApiErrors(...(opts.errors ?? []))];
}

/**
 * Answers a create with safe retries: 201 with the record when it was written
 * now, 200 with the stored one when a retry found it. The route returns the
 * service's `CreateResult`.
 */
@Injectable()
export class CreateAnswer implements NestInterceptor<CreateResult<unknown>, unknown> {
  intercept(context: ExecutionContext, next: CallHandler<CreateResult<unknown>>) {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result) => {
        void reply.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
        return result.record;
      }),
    );
  }
}

/**
 * `POST path`: a create, with its OpenAPI: its summary, the 201 and the 200 of
 * a safe retry.
 *
 *     @CreateRecord(AdvocacyActionResponse, 'an advocacy action', { errors: [404, 409] })
 *     create(@CurrentUser() user: AuthUser, @Body() dto: CreateAdvocacyActionDto) {
 *       return this.advocacy.create(user, dto); // a CreateResult
 *     }
 *
 * A record without client-chosen ids (`retry: false`) has no retry: only the
 * 201, and the route returns the record itself.
 */
export function CreateRecord(
  type: new () => object,
  what: string,
  opts: RouteOptions & { path?: string; summary?: string; retry?: boolean } = {},
) {
  const retry = opts.retry ?? true;
  const thing = what.replace(/^an? /, '');
  const decorators = [
    Post(opts.path ?? ''),
    ...guarded(opts),
    HttpCode(HttpStatus.CREATED),
    ApiOperation({
      summary:
        opts.summary ??
        (retry
          ? `Record ${what} (201); a safe retry with the same id returns it (200)`
          : `Record ${what}`),
    }),
    ApiCreatedResponse({ type, description: `Created: the stored ${thing}` }),
  ];
  if (retry) {
    decorators.push(
      ApiOkResponse({
        type,
        description: `A safe retry: the stored ${thing}; nothing was written`,
      }),
      UseInterceptors(CreateAnswer),
    );
  }
  return applyDecorators(...decorators);
}

/** The `:id` (or another UUID parameter) of a record route, any UUID version (400 otherwise). */
export const RecordId = (name = 'id') => Param(name, new ParseUUIDPipe({ version: undefined }));

type RecordRoute = RouteOptions & { path?: string };

/** `GET path`: a page of records, with its OpenAPI. */
export function ListRecords(type: new () => object, summary: string, opts: RecordRoute = {}) {
  return applyDecorators(
    Get(opts.path ?? ''),
    ...guarded(opts),
    ApiOperation({ summary }),
    ApiOkResponse({ type: PageOf(type) }),
  );
}

/** `GET :id` (or `path`): one record, with its OpenAPI. */
export function ReadRecord(type: new () => object, summary: string, opts: RecordRoute = {}) {
  return applyDecorators(
    Get(opts.path ?? ':id'),
    ...guarded(opts),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
  );
}

/** `PATCH :id` (or `path`): a change to one record, with its OpenAPI. */
export function ChangeRecord(type: new () => object, summary: string, opts: RecordRoute = {}) {
  return applyDecorators(
    Patch(opts.path ?? ':id'),
    ...guarded(opts),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
  );
}

/**
 * `POST path`: an action on one record (sign, void, revoke…) answering 200 with
 * the record as it is now, with its OpenAPI.
 */
export function RecordAction(
  type: new () => object,
  path: string,
  summary: string,
  opts: RouteOptions = {},
) {
  return applyDecorators(
    Post(path),
    ...guarded(opts),
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
  );
}
