import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from './harness';

const CLIENT = resolve(__dirname, '../../client');
const INDEX = `<!doctype html><html lang="en"><head><title>PeerPath</title><script type="module" crossorigin src="/assets/index-Ent00000.js"></script></head><body><div id="root"><p class="opening" role="status">Opening PeerPath…</p></div></body></html>`;

/**
 * The client build's preload list for a manifest shaped like the real one: every module the
 * real route table (client/src/App.tsx) imports is a chunk named after it, each importing a
 * shared chunk, the app importing one of its own, and the entry one the pages also use (which
 * index.html names already, so no page names it again). Made by the build's own script.
 */
function buildPreloads(dist: string): void {
  const script = `
    import { readFileSync, writeFileSync } from 'node:fs';
    import { pageRoutes, pagePreloads } from ${JSON.stringify(join(CLIENT, 'scripts/page-preloads.mjs'))};
    const app = readFileSync(${JSON.stringify(join(CLIENT, 'src/App.tsx'))}, 'utf8');
    const manifest = {
      'index.html': { file: 'assets/index-Ent00000.js', isEntry: true, imports: ['_start.js'] },
      '_start.js': { file: 'assets/start-Sta00000.js' },
      '_shared.js': { file: 'assets/shared-Sha00000.js', imports: ['_start.js'] },
      '_router.js': { file: 'assets/router-Rou00000.js' },
      'src/App.tsx': { file: 'assets/App-App00000.js', imports: ['_start.js', '_router.js'] },
    };
    for (const { module } of pageRoutes(app)) {
      const name = module.split('/').pop();
      manifest['src/' + module.slice(2) + '.tsx'] = {
        file: 'assets/' + name + '-Pag00000.js',
        imports: ['_start.js', '_shared.js'],
      };
    }
    writeFileSync(${JSON.stringify(join(dist, '.vite/page-preloads.json'))},
      JSON.stringify(pagePreloads(manifest, app)));
  `;
  execFileSync(process.execPath, ['--input-type=module', '-e', script]);
}

describe('the web client’s pages name their script files', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'peerpath-client-'));
    await mkdir(join(dist, 'assets'));
    await mkdir(join(dist, '.vite'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets', 'index-Ent00000.js'), 'console.log("PeerPath");');
    buildPreloads(dist);
    t = await createTestApp({ clientDist: dist });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  /** The files a page's HTML names for the browser to fetch at once, in order. */
  async function preloadsOf(url: string): Promise<string[]> {
    const res = await get(url);
    expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    return [...res.body.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
      (m) => m[1],
    );
  }

  const APP = ['/assets/App-App00000.js', '/assets/router-Rou00000.js'];
  const SHELL = ['/assets/AppShell-Pag00000.js', '/assets/shared-Sha00000.js'];
  const page = (name: string) => `/assets/${name}-Pag00000.js`;

  it('reads every page of the route table (the build stops if one cannot be read)', async () => {
    const app = await readFile(join(CLIENT, 'src/App.tsx'), 'utf8');
    const list = JSON.parse(await readFile(join(dist, '.vite/page-preloads.json'), 'utf8')) as {
      pages: { path: string }[];
    };
    // Every import() of the table is a page, but the shell's, which every page inside it names.
    expect(list.pages).toHaveLength((app.match(/\bimport\('/g) ?? []).length - 1);
    expect(list.pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/', '/reports', '/sessions/new', '/sessions/:id', '/login']),
    );
  });

  it('names the app, the shell and the page for each page inside the shell, and nothing else', async () => {
    for (const [url, name] of [
      ['/', 'CaseloadPage'],
      ['/reports', 'ReportsPage'],
      ['/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11', 'ParticipantPage'],
      ['/participants/new', 'NewParticipantPage'],
      ['/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11/plan/compare', 'PlanPage'],
      ['/sessions/new', 'NewSessionPage'],
      ['/sessions/5f0c2a8e-7d7b-4a53-9a64-2b7f1c9e0d11', 'SessionPage'],
      ['/groups/5f0c2a8e-7d7b-4a53-9a64-2b7f1c9e0d11', 'GroupPage'],
    ]) {
      expect({ url, files: await preloadsOf(url) }).toEqual({
        url,
        files: [...APP, SHELL[0], SHELL[1], page(name)],
      });
    }
  });

  it('matches as the client’s router does: any case, a closing slash, the query ignored', async () => {
    const reports = [...APP, ...SHELL, page('ReportsPage')];
    expect(await preloadsOf('/Reports/?period=lastMonth')).toEqual(reports);
    expect(await preloadsOf('/reports?period=custom&from=2026-01-01')).toEqual(reports);
  });

  it('names only the sign-in page on /login, which loads without the app', async () => {
    expect(await preloadsOf('/login')).toEqual([page('LoginPage'), SHELL[1]]);
  });

  it('names no shell on the locked self-entry page, and the shell alone on an unknown address', async () => {
    expect(
      await preloadsOf('/participants/0b9a1d4e-1c55-4f62-9a6a-8f1a3f0f2b11/self-entry/phq9'),
    ).toEqual([...APP, page('SelfEntryPage'), SHELL[1]]);
    expect(await preloadsOf('/no/such/page')).toEqual([...APP, ...SHELL]);
  });

  it('sends each page compressed as asked, checked every time, and 304 when unchanged', async () => {
    const plain = await get('/reports');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(String(plain.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
    expect(plain.body).toContain('Opening PeerPath…');
    expect(plain.body.indexOf('modulepreload')).toBeLessThan(plain.body.indexOf('</head>'));

    const br = await get('/reports', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    const gz = await get('/reports', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);

    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await get('/reports', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Another page's HTML is another document: its own validator.
    const other = await get('/sessions/new', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('leaves index.html itself, files, missing files and the API as they were', async () => {
    const index = await get('/index.html');
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe(INDEX);
    const asset = await get('/assets/index-Ent00000.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("PeerPath");');
    const missing = await get('/assets/ReportsPage-Old00000.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/json/);
    const api = await get('/api/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ statusCode: 404 });
    const head = await t.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
  });
});

describe('the web client’s pages carry their kept styles', () => {
  let t: TestApp;
  let dist: string;
  /** What client/scripts/kept-styles.mjs writes, in small: two pages' styles by name. */
  const KEPT = {
    pages: { '/reports': ['r1', 'shell', 'gone'], '/login': ['l1'] },
    rules: {
      r1: '.css-r1{color:var(--mui-palette-text-primary);}',
      // A `$` in the CSS must reach the page as it is (not read as a replacement pattern).
      shell: ".css-shell::after{content:'$&';}",
      l1: '.css-l1{margin:0;}',
    },
  };

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'peerpath-client-'));
    await mkdir(join(dist, '.vite'));
    await writeFile(join(dist, 'index.html'), INDEX);
    const script = `
      import { writeFileSync } from 'node:fs';
      import { keptStyleElement } from ${JSON.stringify(join(CLIENT, 'scripts/page-preloads.mjs'))};
      const kept = ${JSON.stringify(KEPT)};
      const pages = ['/reports', '/login', '/sessions'].map((path) => {
        const styles = keptStyleElement(kept, path);
        return styles ? { path, files: [], styles } : { path, files: [] };
      });
      writeFileSync(${JSON.stringify(join(dist, '.vite/page-preloads.json'))},
        JSON.stringify({ pages, other: [] }));
    `;
    execFileSync(process.execPath, ['--input-type=module', '-e', script]);
    t = await createTestApp({ clientDist: dist });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  const html = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
    return res.body;
  };

  it('sends a page’s kept styles in its head, named for the styles’ cache, and no name without its rules', async () => {
    const page = await html('/reports');
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toContain(
      `<template id="kept-styles"><style data-emotion="css r1 shell">${KEPT.rules.r1}${KEPT.rules.shell}</style></template>`,
    );
    expect(page.match(/<style/g)).toHaveLength(1);
    expect(await html('/login')).toContain(
      `<template id="kept-styles"><style data-emotion="css l1">${KEPT.rules.l1}</style></template>`,
    );
  });

  it('sends a page without kept styles, and an unknown address, as before', async () => {
    for (const url of ['/sessions', '/no-such-page']) {
      const page = await html(url);
      expect(page).not.toContain('<style');
      expect(page).toContain('Opening PeerPath…');
    }
  });
});
