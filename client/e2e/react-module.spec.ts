import { expect, test } from '@playwright/test';
import { scriptsOfWorkerPages } from './support';

/**
 * React is one ES module in the build (scripts/react-esm.mjs). Without it the bundler wraps
 * React's CommonJS exports again in every module that imports React (about 430 of them), each
 * wrapper an object of getters made while the page starts, and each hook is then called through
 * a getter: `(0, x.useState)(…)` in the built code. With it, hooks are called by name.
 */
test('the pages call React’s hooks directly, not through a wrapper of React per module', async ({
  page,
}) => {
  const scripts = await scriptsOfWorkerPages(page);
  expect(scripts.size).toBeGreaterThan(10);
  const throughWrapper: string[] = [];
  for (const [file, text] of scripts) {
    const calls = text.match(/\(0,[\w$]+\.use[A-Z]\w*\)\(/g) ?? [];
    if (calls.length > 0) throughWrapper.push(`${file}: ${calls.length} (${calls[0]})`);
  }
  expect(throughWrapper).toEqual([]);
});
