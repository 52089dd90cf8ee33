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

test('a line without coverage leads to the person’s form, where coverage is added and later removed', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/billing');
  const noCoverage = page.getByLabel('No coverage on file');
  await expect(noCoverage.getByRole('heading', { name: /No coverage on file/ })).toBeVisible({
    timeout: 20_000,
  });
  const firstLine = noCoverage.getByRole('listitem').first();
  // "2026-12-01 · First Last · Worker name"
  const name = (await firstLine.textContent())!.split(' · ')[1]!;
  await firstLine.getByRole('link', { name: 'Add their coverage' }).click();

  // The form opens at Billing coverage, its first field ready.
  await expect(page.getByRole('heading', { name: 'Billing coverage' })).toBeVisible();
  const payer = page.getByRole('combobox', { name: 'Who pays' });
  await expect(payer).toBeFocused();
  await expect(payer).toHaveText('No coverage');

  // A member id without a payer is refused in place.
  const memberId = page.getByRole('textbox', { name: 'Member id' });
  await memberId.fill('MC7700123');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Choose who pays, or clear the member id')).toBeVisible();

  await payer.click();
  await page.getByRole('option', { name: 'State Medicaid peer support (H0038)' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page).not.toHaveURL(/edit=coverage/);
  const details = page.getByRole('region', { name: 'Details' });
  await expect(
    details.getByText('State Medicaid peer support · member id MC7700123'),
  ).toBeVisible();

  // Read again from the server: the coverage was stored.
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Details' }).getByText(/member id MC7700123/),
  ).toBeVisible();

  // Their lines no longer wait for coverage.
  await page.goto('/billing');
  await expect(page.getByText(/\d+ units/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('No coverage on file').getByText(name)).toHaveCount(0);

  // Clearing both parts removes the coverage again.
  await page.goBack();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByRole('combobox', { name: 'Who pays' }).click();
  await page.getByRole('option', { name: 'No coverage' }).click();
  await page.getByRole('textbox', { name: 'Member id' }).fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' }).getByText(/member id/)).toHaveCount(0);
  await page.goto('/billing');
  await expect(page.getByLabel('No coverage on file').getByText(name).first()).toBeVisible({
    timeout: 20_000,
  });
});
