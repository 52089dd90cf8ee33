import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@peerpath/shared';
import { isScanUpload } from '../consents/scan-upload';

/** PostgreSQL error codes that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|connect ETIMEDOUT|Client has encountered a connection error|Connection is not established/;

/**
 * What a unique-key clash (PostgreSQL 23505) means, by the constraint or index
 * that refused it: a message and the field at fault. Any other unique key
 * gets the general message. Neither names a table, a constraint nor SQL.
 */
const UNIQUE_CLASHES: Record<string, { message: string; field: string }> = {
  team_name_lower_key: { message: 'A team with this name already exists', field: 'name' },
  session_note_session_participant_key: {
    message: 'This person already has a note for this session',
    field: 'participantId',
  },
  UQ_3fa909d0e37c531ebc237703391: {
    message: 'A user with this email already exists',
    field: 'email',
  },
};

function uniqueClash(exception: unknown): ApiError | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const driver = (exception as { driverError?: { code?: string; constraint?: string } })
    .driverError;
  if (driver?.code !== '23505') return null;
  const known = driver.constraint ? UNIQUE_CLASHES[driver.constraint] : undefined;
  if (known) {
    return {
      statusCode: HttpStatus.CONFLICT,
      message: known.message,
      errors: { [known.field]: ['is already in use'] },
    };
  }
  return {
    statusCode: HttpStatus.CONFLICT,
    message: 'This clashes with a record already stored; reload and try again',
  };
}

/** Duck-typed: errors from the network layer may come from another realm (test runners). */
function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown };
  // TypeORM releases a transaction's connection when the database drops it mid-way.
  if (
    e.name === 'QueryRunnerAlreadyReleasedError' ||
    e.name === 'QueryRunnerProviderAlreadyReleasedError'
  ) {
    return true;
  }
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return (
    e.driverError !== undefined && e.driverError !== err && isDatabaseUnavailable(e.driverError)
  );
}

/**
 * One error shape for the whole API: `{ statusCode, message, errors? }`.
 * A 500 says nothing about its cause; the cause goes to the log only.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (body.statusCode === 503) void reply.header('Retry-After', '5');
    return reply.status(body.statusCode).header('Cache-Control', 'no-store').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      if (typeof res === 'object' && res !== null) {
        const r = res as {
          message?: unknown;
          errors?: Record<string, string[]>;
          record?: object;
        };
        const message = Array.isArray(r.message)
          ? r.message.join('; ')
          : typeof r.message === 'string'
            ? r.message
            : exception.message;
        const body: ApiError = r.errors
          ? { statusCode: status, message, errors: r.errors }
          : { statusCode: status, message };
        // A 409 of an action repeated by someone else, or differently, carries the record as it is.
        if (status === HttpStatus.CONFLICT && r.record && typeof r.record === 'object') {
          body.record = r.record;
        }
        return body;
      }
      return { statusCode: status, message: String(res) };
    }
    // Errors raised by Fastify itself (bad JSON, body too large, bad content type).
    const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const message =
        fastifyStatus === 413
          ? isScanUpload(request)
            ? 'The file is too large: 5 MB at most'
            : 'Request body is too large (1 MB at most)'
          : fastifyStatus === 415
            ? 'Send JSON (Content-Type: application/json)'
            : 'The request body is not valid JSON';
      return { statusCode: fastifyStatus, message };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        `Database unavailable during ${request.method} ${request.routeOptions?.url ?? ''}`,
      );
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        message: 'PeerPath cannot reach its database right now. Please try again in a moment.',
      };
    }
    // A clash the service's own check could not see (two requests at once): 409, never 500.
    const clash = uniqueClash(exception);
    if (clash) return clash;
    if (exception instanceof QueryFailedError) {
      const code = (exception as { driverError?: { code?: string } }).driverError?.code;
      // Values PostgreSQL refuses (an out-of-range number, a bad date that slipped past validation).
      if (
        code === '22P02' ||
        code === '22007' ||
        code === '22008' ||
        code === '22003' ||
        code === '22001'
      ) {
        return {
          statusCode: HttpStatus.BAD_REQUEST,
          message: 'A value in the request is not valid',
        };
      }
    }
    this.logger.error(
      `${request.method} ${request.routeOptions?.url ?? ''} failed: ` +
        ((exception as { stack?: string })?.stack ?? String(exception)),
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Something went wrong on our side',
    };
  }
}
