// Which script files each page of the web client needs before it can show, by its address, so
// the server can name them in the page's HTML (`<link rel="modulepreload">`) and a phone fetches
// them beside the entry instead of in waves: the entry, then the app and its router, then the
// page with the shell. Written by `pnpm build` to dist/.vite/page-preloads.json and read by the
// server when it starts (server/src/common/client-pages.ts).
//
// The pages and their modules are read from the route table in src/App.tsx: each route object
// `{ path: '…', lazy: … import('./pages/X') … }` (or `index: true`). An absolute path other than
// `/` stands alone (the sign-in page, the locked self-entry); `/` is the shell, and a relative
// path or the index route is a page inside it. A route the reader cannot make out stops the
// build, so a new page is never left out silently.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A first visit to the sign-in page loads that page alone, without the app (src/main.tsx). */
const SIGN_IN = '/login';
const APP = 'src/App.tsx';
const ENTRY = 'index.html';

const ROUTE =
  /\{\s*(?:\/\/[^\n]*\n\s*)*(?:(index):\s*true|path:\s*'([^']*)')\s*,(?:\s*\/\/[^\n]*)*\s*lazy:([^]*?)\bimport\('([^']+)'\)/g;

/** The routes of src/App.tsx with a module of their own: `{ path, module, inShell }`. */
export function pageRoutes(appSource) {
  const routes = [];
  for (const match of appSource.matchAll(ROUTE)) {
    const [, index, path, between, module] = match;
    if (between.includes('lazy:'))
      throw new Error(`page-preloads: a route's lazy has no import() (${path})`);
    const absolute = path?.startsWith('/');
    routes.push({
      path: index ? '/' : absolute ? path : `/${path}`,
      module,
      inShell: !absolute,
      shell: path === '/',
    });
  }
  const imports = appSource.match(/\bimport\('/g)?.length ?? 0;
  if (imports !== routes.length) {
    throw new Error(
      `page-preloads: src/App.tsx has ${imports} import() calls but ${routes.length} routes were read`,
    );
  }
  return routes;
}

/** The manifest key of a module imported from src/App.tsx ('./pages/X' → 'src/pages/X.tsx'). */
function manifestKey(manifest, module) {
  const base = `src/${module.replace(/^\.\//, '')}`;
  const key = ['.tsx', '.ts', '/index.tsx', '/index.ts']
    .map((ext) => base + ext)
    .find((k) => manifest[k]);
  if (!key) throw new Error(`page-preloads: ${module} is not in the build's manifest`);
  return key;
}

/** Every chunk a manifest entry imports statically, itself first. */
function closure(manifest, key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, into);
  return into;
}

/**
 * `{ pages: [{ path, files }], other }`: for each page's path (React Router's syntax), the files
 * its first visit loads beyond the entry's own (which index.html names already); `other` for an
 * address no page has (the not-found page, inside the shell).
 */
export function pagePreloads(manifest, appSource) {
  const routes = pageRoutes(appSource);
  const entry = closure(manifest, ENTRY);
  const files = (...keys) => {
    const all = new Set();
    for (const key of keys) closure(manifest, key, all);
    return [...all].filter((key) => !entry.has(key)).map((key) => `/${manifest[key].file}`);
  };
  const shell = routes.find((r) => r.shell);
  if (!shell) throw new Error('page-preloads: src/App.tsx has no shell route (path "/")');
  const shellKey = manifestKey(manifest, shell.module);
  const pages = routes
    .filter((r) => !r.shell)
    .map((r) => {
      const key = manifestKey(manifest, r.module);
      if (r.path === SIGN_IN) return { path: r.path, files: files(key) };
      return { path: r.path, files: r.inShell ? files(APP, shellKey, key) : files(APP, key) };
    });
  return { pages, other: files(APP, shellKey) };
}

/** The `<template>` a page's kept styles arrive in (scripts/start-requests.mjs, src/theme/emotionCache.ts). */
export const KEPT_STYLES_ID = 'kept-styles';

/**
 * At most this much CSS in one kept `<style>`: the browser reads each in a task of its own, a few
 * milliseconds on a slow phone, instead of all of a page's at once (the caseload's 85 KB took
 * 45–110 ms at 4× CPU slowdown). A style larger than this has an element of its own.
 */
export const KEPT_STYLE_ELEMENT_BYTES = 12 * 1024;

/**
 * A page's kept styles (kept-styles.json, written by scripts/kept-styles.mjs) as the element the
 * server puts in its HTML: the rules, and their styles' names for the styles' cache to take as
 * inserted (`data-emotion="css <name> …"`, as emotion's server rendering writes it), in `<style>`
 * elements of at most KEPT_STYLE_ELEMENT_BYTES, in the order the styles were made. They come
 * inside a `<template>`, whose content the browser keeps inert: it reads none of the CSS before
 * the page's first paint ("Opening PeerPath…"). The start script then puts them in the head one
 * at a time, each in a task of its own, while the app's code downloads; the styles' cache takes
 * any left when the app starts. Empty for a page with none kept.
 */
export function keptStyleElement(kept, route) {
  const names = (kept?.pages?.[route] ?? []).filter((name) => kept.rules[name] !== undefined);
  if (names.length === 0) return '';
  const groups = [];
  let group = null;
  for (const name of names) {
    const css = kept.rules[name];
    if (!group || group.bytes + css.length > KEPT_STYLE_ELEMENT_BYTES) {
      group = { names: [], css: [], bytes: 0 };
      groups.push(group);
    }
    group.names.push(name);
    group.css.push(css);
    group.bytes += css.length;
  }
  const styles = groups.map(
    (g) => `<style data-emotion="css ${g.names.join(' ')}">${g.css.join('')}</style>`,
  );
  return `<template id="${KEPT_STYLES_ID}">${styles.join('')}</template>`;
}

/** The Vite plugin: writes .vite/page-preloads.json beside the manifest once the build is written. */
export function pagePreloadsPlugin({ root }) {
  return {
    name: 'peerpath-page-preloads',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir, '.vite');
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const appSource = readFileSync(join(root, APP), 'utf8');
      const out = pagePreloads(manifest, appSource);
      const keptFile = join(root, 'kept-styles.json');
      const kept = existsSync(keptFile) ? JSON.parse(readFileSync(keptFile, 'utf8')) : null;
      for (const page of out.pages) {
        const styles = keptStyleElement(kept, page.path);
        if (styles) page.styles = styles;
      }
      writeFileSync(join(dir, 'page-preloads.json'), `${JSON.stringify(out, null, 2)}\n`);
    },
  };
}
