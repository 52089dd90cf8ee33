// Gzip size of the JavaScript a first visit downloads: the entry and its
// static imports, plus each named page's chunk and static imports, and for a
// page inside the app's shell the shell's chunk too (from Vite's manifest). Used by `pnpm --filter @peerpath/client size` and by the
// server's benchmark (`pnpm bench`), which imports `firstLoadGzipBytes`.
// Usage: node scripts/bundle-size.mjs LoginPage CaseloadPage   (after `vite build`)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Pages shown outside the signed-in shell (navigation, outbox, alerts): they do not load it. */
const OUTSIDE_SHELL = new Set(['LoginPage']);

/** Bytes (gzip) each page in `pages` loads before its first paint, from the build in `dist`. */
export function firstLoadGzipBytes(dist, pages) {
  const manifestFile = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: build the client first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const gz = (key) => {
    const file = join(dist, manifest[key].file);
    if (!existsSync(file)) {
      throw new Error(`the manifest names ${manifest[key].file}, which is not in ${dist}`);
    }
    return gzipSync(readFileSync(file)).length;
  };
  const closure = (roots) => {
    const seen = new Set();
    const visit = (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const dep of manifest[key].imports ?? []) visit(dep);
    };
    roots.forEach(visit);
    return seen;
  };
  const shell = Object.keys(manifest).find((k) => k.endsWith('components/AppShell.tsx'));
  const sizes = {};
  for (const page of pages) {
    const key = Object.keys(manifest).find((k) => k.endsWith(`pages/${page}.tsx`));
    if (!key) throw new Error(`no chunk for ${page}`);
    const roots = [entry, key];
    if (shell && !OUTSIDE_SHELL.has(page)) roots.push(shell);
    sizes[page] = [...closure(roots)].reduce((n, k) => n + gz(k), 0);
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const sizes = firstLoadGzipBytes(dist, process.argv.slice(2));
  for (const [page, bytes] of Object.entries(sizes)) {
    console.log(`${page}: ${(bytes / 1024).toFixed(1)} KB gzip before first paint`);
  }
}
