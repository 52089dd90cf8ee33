import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { API_COMPRESS_THRESHOLD } from '../src/common/compression';
import { createTestApp, type TestApp } from './harness';
import { seedOrganisation, type Organisation } from './support/organisation';

const PRECOMPRESS = resolve(__dirname, '../../client/scripts/precompress.mjs');
const SCRIPT = `console.log(${JSON.stringify('PeerPath walks alongside. '.repeat(400))});`;
const HASHED = '/assets/index-B2xYz_9a.js';
const INDEX = `<!doctype html><html lang="en"><head><title>PeerPath</title>${'<!-- ☀ -->'.repeat(
  150,
)}</head><body><div id="root"></div><script type="module" src="${HASHED}"></script></body></html>`;

function decode(encoding: string | undefined, raw: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  return raw.toString('utf8');
}

describe('compression and caching', () => {
  let t: TestApp;
  let org: Organisation;
  let client: string;

  beforeAll(async () => {
    // A built web client, compressed by the same script `pnpm build` runs.
    client = await mkdtemp(join(tmpdir(), 'peerpath-client-'));
    await mkdir(join(client, 'assets'));
    await writeFile(join(client, 'index.html'), INDEX);
    await writeFile(join(client, HASHED.slice(1)), SCRIPT);
    await writeFile(join(client, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    execFileSync(process.execPath, [PRECOMPRESS, client]);
    t = await createTestApp({ clientDist: client });
    org = await seedOrganisation(t);
  });
  afterAll(async () => {
    await t.close();
    await rm(client, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('makes a brotli and a gzip copy of each text file at build time (not of tiny ones)', async () => {
    expect((await readdir(join(client, 'assets'))).sort()).toEqual([
      'index-B2xYz_9a.js',
      'index-B2xYz_9a.js.br',
      'index-B2xYz_9a.js.gz',
    ]);
    expect((await readdir(client)).filter((f) => f.startsWith('favicon'))).toEqual(['favicon.svg']);
  });

  it('sends hashed assets precompressed as the browser asks, cached for a year', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      ['', undefined],
    ] as const) {
      const res = await get(HASHED, accept ? { 'accept-encoding': accept } : {});
      expect({ accept, status: res.statusCode }).toEqual({ accept, status: 200 });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(String(res.headers['content-type'])).toMatch(/javascript/);
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(decode(encoding, res.rawPayload)).toBe(SCRIPT);
      if (encoding) expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    }
  });

  it('sends index.html (and every page route) with no-cache, compressed too', async () => {
    for (const url of ['/', '/index.html', '/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      expect({ url, cache: res.headers['cache-control'] }).toEqual({ url, cache: 'no-cache' });
      expect(String(res.headers['content-type'])).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(decode('br', res.rawPayload)).toBe(INDEX);
    }
    const plain = await get('/favicon.svg', { 'accept-encoding': 'br' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('compresses API JSON above the threshold, only when asked, and keeps no-store', async () => {
    const token = org.a.worker.token;
    for (let i = 0; i < 12; i++) {
      const res = await t.request('POST', '/api/participants', {
        token,
        body: { firstName: `Rowan${i}`, lastName: 'Featherstonehaugh', pronouns: 'they/them' },
      });
      expect(res.status).toBe(201);
    }
    const auth = { authorization: `Bearer ${token}` };
    const plain = await get('/api/participants?pageSize=25', auth);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(API_COMPRESS_THRESHOLD);
    const expected = JSON.parse(plain.body);
    expect(expected.total).toBeGreaterThanOrEqual(12);

    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await get('/api/participants?pageSize=25', {
        ...auth,
        'accept-encoding': accept,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(JSON.parse(decode(encoding, res.rawPayload))).toEqual(expected);
    }

    // A small answer goes as it is, even when the client takes brotli.
    const health = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', db: 'up' });
    // So does an error.
    const missing = await get('/api/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11', {
      ...auth,
      'accept-encoding': 'br',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });
});
