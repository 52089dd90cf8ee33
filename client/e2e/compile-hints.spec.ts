import { expect, test } from '@playwright/test';
import { COMPILE_HINT } from '../scripts/compile-hints.mjs';
import { DEMO, signIn } from './support';

/**
 * Every script file a page loads starts with V8's compile hint, so Chromium compiles it while it
 * downloads instead of function by function on the main thread (scripts/compile-hints.mjs). The
 * comment counts only for what follows it, so it must be the first line, before the line Vite
 * writes at the top of a chunk.
 */
test('every script the sign-in page and a worker’s pages load starts with the compile hint', async ({
  page,
}) => {
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) scripts.add(pathname);
  });
  await signIn(page, DEMO.worker);
  for (const path of ['/', '/sessions/new', '/participants']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  expect(scripts.size).toBeGreaterThan(10);
  // Each file fetched again as served (a page's own responses are gone once it navigates away).
  const without: string[] = [];
  for (const file of scripts) {
    const text = await (await page.request.get(file)).text();
    if (text.split('\n', 1)[0] !== COMPILE_HINT) without.push(file);
  }
  expect(without).toEqual([]);
});
