import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './support';

async function serious(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('sign-in, caseload, session form and a participant page have no serious accessibility problems', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await serious(page)).toEqual([]);

  await signIn(page, DEMO.worker);
  await expect(page.getByRole('grid', { name: 'Your caseload' })).toBeVisible();
  expect(await serious(page)).toEqual([]);

  await page
    .getByRole('grid', { name: 'Your caseload' })
    .getByRole('row')
    .nth(1)
    .getByRole('link')
    .click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  expect(await serious(page)).toEqual([]);

  await page.goto('/sessions/new');
  await expect(page.getByRole('combobox', { name: 'Add people who came' })).toBeVisible();
  expect(await serious(page)).toEqual([]);
});

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
  await page.screenshot({ path: 'e2e/screenshots/phone-dark.png', fullPage: true });
});
