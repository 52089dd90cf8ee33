import type { FastifyReply, FastifyRequest } from 'fastify';
import { isScanUpload } from '../consents/scan-upload';
import { REFRESH_COOKIE } from './auth.controller';

/**
 * Guards against requests a foreign web page can make a browser send (SPEC §4).
 *
 * A page on another site can make the browser POST a form (urlencoded,
 * multipart or text/plain) with the user's cookies, but it cannot send an
 * `application/json` body without a CORS preflight, which PeerPath refuses.
 * So every body must be JSON, and the requests a cookie can carry (sign-in,
 * refresh and sign-out, under /api/auth where the refresh cookie lives) must
 * come from the app's own origin or one CORS_ORIGINS names.
 */

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const ZIP_TYPE = /^application\/zip\s*(;|$)/i;

/** The one route that also takes a zip body: the directory's HSDS import (SPEC §12). */
export const IMPORT_ROUTE = '/api/resources/import';

/** A zip body is allowed only on a POST to IMPORT_ROUTE (its query aside). */
function zipAllowed(request: FastifyRequest): boolean {
  return (
    request.method === 'POST' &&
    request.url.split('?')[0] === IMPORT_ROUTE &&
    ZIP_TYPE.test(request.headers['content-type'] ?? '')
  );
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function refuse(reply: FastifyReply, statusCode: number, message: string) {
  void reply.code(statusCode).type('application/json; charset=utf-8').send({ statusCode, message });
}

const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

/**
 * `415` for any request whose body is not `application/json`, on every route;
 * the exceptions are the signed copy of a consent, sent as
 * `multipart/form-data` (SPEC Common rules, `isScanUpload`), and a zip to
 * IMPORT_ROUTE (the directory import).
 */
export function jsonBodiesOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  done: () => void,
): void {
  const type = request.headers['content-type'] ?? '';
  if (isScanUpload(request) && MULTIPART_TYPE.test(type)) {
    done();
    return;
  }
  if (hasBody(request) && !JSON_TYPE.test(type) && !zipAllowed(request)) {
    refuse(reply, 415, 'Request bodies must be JSON (Content-Type: application/json)');
    return;
  }
  done();
}

/** True when `origin` is the origin the request was sent to (same host and port). */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // Read the Host under the Origin's scheme, so default ports compare equal (`host:443` = `host`).
    return from.host === new URL(`${from.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/**
 * `403` for a request that a cookie can authenticate (anything under
 * /api/auth, or any request carrying the refresh cookie) when its `Origin`
 * is neither the app's own nor one of `corsOrigins`. Clients that send no
 * Origin (servers, scripts, the same page in older browsers) are not browsers
 * on a foreign page and pass.
 */
export function sameOriginForCookies(corsOrigins: string[]) {
  const allowed = new Set(corsOrigins);
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const origin = request.headers.origin;
    const cookieBorne =
      request.url.startsWith('/api/auth/') ||
      (request.headers.cookie ?? '').includes(`${REFRESH_COOKIE}=`);
    if (
      origin !== undefined &&
      cookieBorne &&
      !allowed.has(origin) &&
      !isOwnOrigin(origin, request)
    ) {
      refuse(reply, 403, 'This request must come from PeerPath’s own pages');
      return;
    }
    done();
  };
}
