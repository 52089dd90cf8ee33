import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './support';

/** Holds back answers to GET requests whose path matches, until `release` is called. */
async function holdBack(page: Page, path: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => path.test(url.pathname),
    async (route) => {
      if (route.request().method() === 'GET') await released;
      await route.fallback();
    },
  );
  return release;
}

test('pages show skeletons, announced as loading, until their content arrives', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const firstRow = page.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1);
  const href = await firstRow.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/participants\/[0-9a-f-]{36}$/);

  // A participant's page.
  let release = await holdBack(page, /^\/api\/participants\/[0-9a-f-]{36}$/);
  await page.goto(href!);
  const loadingPerson = page.getByRole('status').filter({ hasText: 'Loading the participant…' });
  await expect(loadingPerson).toBeVisible();
  await expect(loadingPerson).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
  await expect(loadingPerson).toHaveCount(0);
  await page.unrouteAll({ behavior: 'wait' });

  // The resource directory: cards, under the page's heading and filters.
  release = await holdBack(page, /^\/api\/resources$/);
  await page.goto('/resources');
  const loadingDirectory = page.getByRole('status').filter({ hasText: 'Loading the directory…' });
  await expect(loadingDirectory).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Resources' })).toBeVisible();
  release();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(loadingDirectory).toHaveCount(0);
});
