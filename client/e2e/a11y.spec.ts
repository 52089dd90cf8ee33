import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, demoIds, readmeScreenshot, signIn, signOut } from './support';

async function serious(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a page, waits for it to settle, and expects no serious or critical problems. */
async function check(page: Page, path: string, ready: (page: Page) => Locator) {
  await page.goto(path);
  await expect(ready(page)).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  expect(await serious(page), path).toEqual([]);
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

for (const mode of ['light', 'dark'] as const) {
  test.describe(`${mode} mode`, () => {
    test.use({ colorScheme: mode });
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
        'peerpath-color-mode',
        mode,
      ] as const);
    });

    test(`every page has no serious accessibility problems (${mode})`, async ({
      page,
      request,
    }) => {
      // A walk through every page: 1.9–2.7 min on a 2-core machine with other work running; 3 min
      // was reached with a second test run beside it (load average 20).
      test.setTimeout(360_000);
      // Read through the API with its own cookies, so the browser starts signed out.
      const ids = await demoIds(request, DEMO.supervisor);

      await check(page, '/login', (p) => p.getByRole('heading', { name: 'Sign in' }));
      await signIn(page, DEMO.supervisor);
      const toggle = mode === 'dark' ? 'Use light colours' : 'Use dark colours';
      await expect(page.getByRole('button', { name: toggle })).toBeVisible();

      await check(page, '/', (p) =>
        p.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1),
      );
      await check(page, '/participants', (p) =>
        p.getByRole('table', { name: 'Participants' }).getByRole('row').nth(1),
      );
      await check(page, `/participants/${ids.participant}`, (p) =>
        p.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first(),
      );
      await check(page, '/participants/new', h1('Add participant'));
      await check(page, '/sessions/new', (p) =>
        p.getByRole('combobox', { name: 'Add people who came' }),
      );
      await check(page, '/sessions', (p) =>
        p.getByRole('table', { name: 'Sessions' }).getByRole('row').nth(1),
      );
      await check(page, `/sessions/${ids.session}`, (p) => p.getByRole('heading', { level: 1 }));
      await check(page, '/advocacy', (p) =>
        p.getByRole('table', { name: 'Advocacy actions' }).getByRole('row').nth(1),
      );
      await check(page, '/resources', h1('Resources'));
      await check(page, `/decision-notes/new?participantId=${ids.participant}`, (p) =>
        p.getByRole('form', { name: 'New decision note' }),
      );
      await check(page, `/decision-notes/${ids.decisionNote}`, (p) =>
        p.getByRole('article', { name: 'Copy for the participant' }),
      );
      await check(page, '/reports', (p) => p.getByRole('table', { name: 'Sessions by type' }));

      await signOut(page);
      await signIn(page, DEMO.admin);
      await check(page, '/admin', (p) =>
        p.getByRole('table', { name: 'Users' }).getByRole('row').nth(1),
      );
    });
  });
}

test('the shell works on a 390 px phone, in dark mode too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.supervisor);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  await expect(nav).toBeHidden();
  // No sideways scrolling of the page itself.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: 'Use dark colours' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Use light colours' })).toBeVisible();
  expect(await serious(page)).toEqual([]);
  await readmeScreenshot(page, 'phone-dark');
});
