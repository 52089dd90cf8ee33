import {
  applyDecorators,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PageOf } from '../common/api-docs';
import type { CreateResult } from '../common/retry';

/**
 * The controller side of a create with safe retries: 201 with the record when
 * it was written now, 200 with the stored one when a retry found it.
 *
 *     @Post() @CreateRecord(AdvocacyActionResponse, 'an advocacy action')
 *     async create(@Body() dto, @Res({ passthrough: true }) reply) {
 *       return answerCreate(reply, await this.advocacy.create(user, dto));
 *     }
 */
export function answerCreate<T>(reply: FastifyReply, result: CreateResult<T>): T {
  void reply.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
  return result.record;
}

/**
 * The OpenAPI of such a create: its summary, the 201 and the 200 of a safe
 * retry. A record without client-chosen ids (`retry: false`) has no retry:
 * only the 201.
 */
export function CreateRecord(
  type: new () => object,
  what: string,
  opts: { summary?: string; retry?: boolean } = {},
) {
  const retry = opts.retry ?? true;
  const thing = what.replace(/^an? /, '');
  const decorators = [
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
    );
  }
  return applyDecorators(...decorators);
}

/** The `:id` (or another UUID parameter) of a record route, any UUID version (400 otherwise). */
export const RecordId = (name = 'id') => Param(name, new ParseUUIDPipe({ version: undefined }));

/** `GET path`: a page of records, with its OpenAPI. */
export function ListRecords(type: new () => object, summary: string, path = '') {
  return applyDecorators(
    Get(path),
    ApiOperation({ summary }),
    ApiOkResponse({ type: PageOf(type) }),
  );
}

/** `GET :id` (or `path`): one record, with its OpenAPI. */
export function ReadRecord(type: new () => object, summary: string, path = ':id') {
  return applyDecorators(Get(path), ApiOperation({ summary }), ApiOkResponse({ type }));
}

/** `PATCH :id` (or `path`): a change to one record, with its OpenAPI. */
export function ChangeRecord(type: new () => object, summary: string, path = ':id') {
  return applyDecorators(Patch(path), ApiOperation({ summary }), ApiOkResponse({ type }));
}

/**
 * `POST path`: an action on one record (sign, void, revoke…) answering 200 with
 * the record as it is now, with its OpenAPI.
 */
export function RecordAction(type: new () => object, path: string, summary: string) {
  return applyDecorators(
    Post(path),
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
  );
}
