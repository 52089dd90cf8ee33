import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

const HINT = '//# allFunctionsCalledOnLoad';

/**
 * Every script file a page loads starts with V8's compile hint, so Chromium compiles it while it
 * downloads instead of function by function on the main thread (scripts/compile-hints.mjs). The
 * comment counts only for what follows it, so it must be the first line, before the line Vite
 * writes at the top of a chunk.
 */
test('every script the sign-in page and a worker’s pages load starts with the compile hint', async ({
  page,
}) => {
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) {
      scripts.set(url.pathname, (await response.text()).split('\n', 1)[0]);
    }
  });
  await signIn(page, DEMO.worker);
  for (const path of ['/', '/sessions/new', '/participants']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect.poll(() => scripts.size).toBeGreaterThan(10);
  const without = [...scripts].filter(([, first]) => first !== HINT).map(([file]) => file);
  expect(without).toEqual([]);
});
