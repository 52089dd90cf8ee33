// Gzip size of the JavaScript a first visit downloads: the entry and its
// static imports, plus each named page's chunk and static imports.
// Usage: node scripts/bundle-size.mjs LoginPage CaseloadPage   (after `vite build`)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const gz = (key) => gzipSync(readFileSync(new URL(manifest[key].file, dist))).length;
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
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
for (const page of process.argv.slice(2)) {
  const key = Object.keys(manifest).find((k) => k.endsWith(`pages/${page}.tsx`));
  if (!key) throw new Error(`No chunk for page ${page}`);
  const first = closure([entry, key]);
  const size = [...first].reduce((n, k) => n + gz(k), 0);
  console.log(`${page}: ${kb(size)} gzip before first paint`);
}
