import { expect, test } from '@playwright/test';
import { addParticipant, DEMO, PASSWORD, runToken, signIn } from './support';

test.use({ viewport: { width: 360, height: 740 } });

test('the open safety alert is on the worker’s home page and app bar, crisis resources one tap away', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  await page.goto('/');
  const alert = page.locator('#safety-alerts');
  await expect(alert.getByText(/^Follow up with/)).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Crisis resources' })).toHaveAttribute(
    'href',
    '/resources?category=crisis',
  );
  await expect(page.getByRole('link', { name: /open safety alert/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/measures-alert-360.png', fullPage: true });

  // Resolving needs written words.
  await alert.getByRole('button', { name: 'Resolve' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Resolve' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a person fills in a BARC-10 in the locked self-entry mode; the worker reviews and saves', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Quinn', lastName: `Hale${token}` });
  const measures = page.getByRole('region', { name: 'Outcome measures' });
  await measures.getByRole('link', { name: 'BARC-10' }).click();

  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    if (n === 3) await page.screenshot({ path: 'test-results/measures-self-entry-360.png' });
    await page
      .getByRole('button', { name: n <= 5 ? 'Agree' : 'Somewhat agree', exact: true })
      .click();
  }
  await expect(page.getByText('Please hand this back to your worker.')).toBeVisible();
  await expect(page.getByText(/Score/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/measures-handback-360.png' });

  await page.getByRole('button', { name: 'I’m the worker' }).click();
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Review the answers' }).click();
  await expect(page.getByText('That password is not right.')).toBeVisible();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Review the answers' }).click();
  // 5 × 5 + 5 × 4 = 45.
  await expect(page.getByText('Score 45 — building recovery capital')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(url);
  await expect(
    page.getByRole('region', { name: 'Outcome measures' }).getByText(/^Baseline 45 on/),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/measures-participant-360.png', fullPage: true });
});
