import 'reflect-metadata';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';
import { IMPORT_ROUTE, jsonBodiesOnly, sameOriginForCookies } from './auth/request-guards';
import { SCAN_BODY_LIMIT } from './consents/scan-upload';
import { IMPORT_BODY_LIMIT } from './resources/hsds/hsds.dto';
import { ClientPages } from './common/client-pages';
import { clientCacheControl, registerApiCompression } from './common/compression';
import { ErrorsFilter } from './common/errors.filter';
import { createOpenApiDocument } from './common/openapi';
import { createValidationPipe } from './common/validation.pipe';
import type { ResolvedConfig } from './config/config';

export const BODY_LIMIT = 1024 * 1024;

const closing = new WeakSet<object>();

/**
 * Stops PeerPath gracefully: no new connections, requests in flight finish
 * (their responses close keep-alive connections), then modules and the pool.
 */
export async function shutdown(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  closing.add(fastify);
  await fastify.close();
  await app.close();
}

/** The security headers of every response (Helmet's, with PeerPath's content security policy). */
const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * Browser features no PeerPath page uses, denied to the app and anything it
 * could ever embed (only features Chromium knows, so it logs no warnings).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/**
 * The headers Helmet sets for `options`, worked out once: with no nonce and no
 * directive computed per request they are the same for every response, so a
 * request only copies them. (`@fastify/helmet` builds Helmet's middleware,
 * parsing the content security policy, on every request: about 35 µs of CPU,
 * against 0.5 µs for the copy, a sixth to a third of a cheap request's Node CPU.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

function clientDist(config: ResolvedConfig): string | undefined {
  const dir = config.clientDist ?? resolve(__dirname, '../../client/dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/** A page of the web client: a GET outside /api of no file (a missing file, such as an old chunk, stays a 404). */
function isClientPage(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !request.url.startsWith('/api') &&
    !/\.[a-z0-9]+$/i.test(request.url.split('?')[0])
  );
}

/**
 * Fastify's not-found handler, set by Nest, extended: with a built web client a
 * page route (a deep link such as /participants/…) is answered with its
 * index.html, as the client routes itself; anything else goes on to Nest's 404
 * in the one error shape.
 */
class PeerPathAdapter extends FastifyAdapter {
  /** The built web client's pages, when one is served. */
  clientPages: ClientPages | undefined;

  override setNotFoundHandler(handler: Function) {
    const pages = this.clientPages;
    if (!pages) return super.setNotFoundHandler(handler);
    return super.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
      isClientPage(request) ? pages.send(request, reply) : handler(request, reply),
    );
  }
}

/**
 * Builds the whole HTTP application: API under /api and the web client at /.
 * `extraModules` are added to the app's own (only the benchmark's baseline uses them).
 */
export async function createApp(
  config: ResolvedConfig,
  extraModules: Type[] = [],
): Promise<NestFastifyApplication> {
  const dist = clientDist(config);
  const adapter = new PeerPathAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy ?? false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const clientPages = dist ? new ClientPages(dist) : undefined;
  adapter.clientPages = clientPages;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, extraModules),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      // Nest would add a form (urlencoded) parser: bodies are JSON only, parsed by Fastify itself.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
  });

  await app.register(cookie as never);

  const fastify = app.getHttpAdapter().getInstance();
  // Fastify parses JSON and plain text by default; only JSON is accepted.
  fastify.removeContentTypeParser('text/plain');
  // The signed copy of a consent comes as multipart/form-data (the only route
  // that takes it: jsonBodiesOnly); its body is read whole and parsed there.
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: SCAN_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  // The directory import alone takes a zip, and up to 10 MB (SPEC common rules §7–§13).
  fastify.addContentTypeParser('application/zip', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  fastify.addHook('onRoute', (route) => {
    if (route.url === IMPORT_ROUTE) route.bodyLimit = IMPORT_BODY_LIMIT;
  });
  const security = {
    ...securityHeaders(HELMET_OPTIONS),
    'permissions-policy': PERMISSIONS_POLICY,
  };
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(security);
    done();
  });
  fastify.addHook('onRequest', jsonBodiesOnly);
  fastify.addHook('onRequest', sameOriginForCookies(config.corsOrigins));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api')) void reply.header('Cache-Control', 'no-store');
    // While stopping, answer and then close the connection, so keep-alive clients cannot hold it open.
    if (closing.has(fastify)) void reply.header('Connection', 'close');
    done(null, payload);
  });
  registerApiCompression(fastify);

  if (dist) {
    await app.register(fastifyStatic as never, {
      root: dist,
      prefix: '/',
      wildcard: true,
      // `/` is a page like any other (below), sent with its script files named.
      index: false,
      // The build leaves a .br and a .gz beside each text file; the browser's Accept-Encoding chooses.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: { header(name: string, value: string): unknown }, path: string) =>
        reply.header('Cache-Control', clientCacheControl(path)),
    });
    if (clientPages) fastify.get('/', (request, reply) => clientPages.send(request, reply));
  }
  app.useGlobalFilters(new ErrorsFilter());
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  await fastify.ready();
  return app;
}
