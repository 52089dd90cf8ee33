import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

test.describe.configure({ timeout: 120_000 });

test('a supervisor sees this month’s billable units and what to fix, on a phone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, DEMO.supervisor);
  await page.goto('/billing');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  await expect(page.getByText(/\d+ units/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Download claims (CSV)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /No coverage on file/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/billing-360.png', fullPage: true });
});
