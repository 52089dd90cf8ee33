import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

test('empty lists say what to do next, and the next step works', async ({ page }) => {
  await signIn(page, DEMO.worker);

  // The directory, searched for something it does not hold.
  await page.goto('/resources?search=zzzz-nothing-like-this');
  await expect(page.getByText('Nothing matches')).toBeVisible();
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('searchbox', { name: /Search by name/ })).toHaveValue('');

  // Advocacy filtered down to nothing: clearing the filters brings the list back.
  await page.goto('/advocacy?status=cancelled&level=systemic&due=overdue');
  await expect(page.getByText('Nothing matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(
    page.getByRole('table', { name: 'Advocacy actions' }).getByRole('row').nth(1),
  ).toBeVisible();
});
