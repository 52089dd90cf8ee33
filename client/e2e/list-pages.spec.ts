import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

/**
 * A list's page controls: rows per page, "26–50 of 60", previous and next. They are drawn
 * without the browser's number formatting, whose first use on a page loads its locale data
 * (60–130 ms on a slow phone); nothing on the caseload or a list page needs it.
 */
test('a list pages forward and back and by 50, and its pages start no number formatting', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const counted = window as unknown as { numberFormats: number };
    counted.numberFormats = 0;
    const NumberFormat = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct(target, args: [string?]) {
        counted.numberFormats += 1;
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: [string?]) {
        counted.numberFormats += 1;
        return Reflect.apply(target, self, args) as unknown;
      },
    });
  });
  const numberFormats = () =>
    page.evaluate(() => (window as unknown as { numberFormats: number }).numberFormats);

  await signIn(page, DEMO.worker);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+–\d+ of \d+$/)).toBeVisible();
  expect(await numberFormats()).toBe(0);

  await page.goto('/participants');
  const table = page.getByRole('table', { name: 'Participants' });
  const range = page.getByText(/^\d+–\d+ of \d+$/);
  await expect(range).toHaveText(/^1–25 of \d+$/);
  expect(Number((await range.textContent())!.split(' of ')[1])).toBeGreaterThan(50);
  await expect(table.getByRole('row')).toHaveCount(26);
  const previous = page.getByRole('button', { name: 'Go to previous page' });
  const next = page.getByRole('button', { name: 'Go to next page' });
  await expect(previous).toBeDisabled();

  const firstOfPageOne = await table.getByRole('row').nth(1).textContent();
  await next.click();
  await expect(range).toHaveText(/^26–50 of \d+$/);
  await expect(previous).toBeEnabled();
  await expect(table.getByRole('row').nth(1)).not.toHaveText(firstOfPageOne!);

  await previous.click();
  await expect(range).toHaveText(/^1–25 of \d+$/);
  await expect(previous).toBeDisabled();

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
  await expect(range).toHaveText(/^1–50 of \d+$/);
  await expect(table.getByRole('row')).toHaveCount(51);
  await next.click();
  await expect(range).toHaveText(/^51–\d+ of \d+$/);
  expect(await numberFormats()).toBe(0);
});
