import { expect, test } from '@playwright/test';
import { COMPILE_HINT } from '../scripts/compile-hints.mjs';
import { scriptsOfWorkerPages } from './support';

/**
 * Every script file a page loads starts with V8's compile hint, so Chromium compiles it while it
 * downloads instead of function by function on the main thread (scripts/compile-hints.mjs). The
 * comment counts only for what follows it, so it must be the first line, before the line Vite
 * writes at the top of a chunk.
 */
test('every script the sign-in page and a worker’s pages load starts with the compile hint', async ({
  page,
}) => {
  const scripts = await scriptsOfWorkerPages(page);
  expect(scripts.size).toBeGreaterThan(10);
  const without = [...scripts]
    .filter(([, text]) => text.split('\n', 1)[0] !== COMPILE_HINT)
    .map(([file]) => file);
  expect(without).toEqual([]);
});
