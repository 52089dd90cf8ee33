import type { FastifyInstance, FastifyReply } from 'fastify';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * API answers smaller than this go as they are: compressing a few hundred
 * bytes saves less than it costs (a single participant, an error, a health
 * check). A list page of 25 participants is several kilobytes.
 */
export const API_COMPRESS_THRESHOLD = 1024;

/** Brotli at quality 4: most of the saving of 11 at a small fraction of the CPU, made per request. */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP_OPTIONS = { level: 6 };

/** The encoding to answer with: brotli when the client takes it, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

function addVary(reply: FastifyReply) {
  const vary = reply.getHeader('vary');
  if (!vary) void reply.header('vary', 'Accept-Encoding');
  else if (!/accept-encoding|\*/i.test(String(vary))) {
    void reply.header('vary', `${String(vary)}, Accept-Encoding`);
  }
}

/**
 * Compresses JSON answers of the API above {@link API_COMPRESS_THRESHOLD},
 * only when the client asks for it (`Accept-Encoding`). Streams (exports)
 * and other types go as they are.
 */
export function registerApiCompression(fastify: FastifyInstance): void {
  // A callback hook: the common case (not asked, or small) costs no promise.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!request.url.startsWith('/api') || request.method === 'HEAD') return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      return done(null, payload);
    }
    // Whatever its size, a JSON answer depends on Accept-Encoding for caches.
    addVary(reply);
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    if (size < API_COMPRESS_THRESHOLD || reply.getHeader('content-encoding')) {
      return done(null, payload);
    }
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return done(null, payload);
    const finish = (err: Error | null, compressed: Buffer) => {
      if (err) return done(err);
      void reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      done(null, compressed);
    };
    if (encoding === 'br') brotliCompress(payload, BROTLI_OPTIONS, finish);
    else gzip(payload, GZIP_OPTIONS, finish);
  });
}

/** Vite names every file under `assets/` with a hash of its content, so they never change. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.br|\.gz)?$/;

/**
 * Cache rules for the built web client: hashed assets for a year (a new build
 * has new names), `index.html` and other unhashed files checked every time.
 */
export function clientCacheControl(path: string): string {
  if (HASHED_ASSET.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
