import { expect, test } from '@playwright/test';
import { DEMO, runToken, signIn } from './support';

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
  // The count of services ready to bill opens the list behind it.
  const ready = page.getByRole('button', { name: /^\d+ services?, .* · see them$/ });
  const count = Number((await ready.textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThan(0);
  await ready.click();
  await expect(
    page.getByRole('list', { name: 'Services ready to bill' }).getByRole('listitem'),
  ).toHaveCount(count);
  await expect(page.getByRole('heading', { name: /No coverage on file/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/billing-360.png', fullPage: true });

  // Last month, for the biller at the start of a month: chosen by name, kept in the address.
  await page.getByRole('combobox', { name: 'Month' }).click();
  const lastMonth = page.getByRole('option').nth(1);
  const lastMonthName = (await lastMonth.textContent())!;
  await lastMonth.click();
  await expect(page).toHaveURL(/[?&]month=\d{4}-\d{2}-01/);
  await expect(
    page.getByRole('heading', { name: `Ready to bill for ${lastMonthName}` }),
  ).toBeVisible();
  await expect(page.getByText(/^\d+ units$/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveText(lastMonthName);
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
  // "1 Dec 2026 · First Last · Worker name"
  const [shownOn, name] = (await firstLine.textContent())!.split(' · ');
  // The day as every other page shows it, not the file's ISO date.
  expect(shownOn).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
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

test('an admin adds, changes and turns off a billing profile; the server’s objection shows on its field', async ({
  page,
}) => {
  const name = `County peer programme ${runToken()}`;
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  const section = page.getByRole('region', { name: 'Billing profiles' });
  await expect(section.getByRole('cell', { name: 'State Medicaid peer support' })).toBeVisible();

  await section.getByRole('button', { name: 'Add billing profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a billing profile' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await expect(dialog.getByRole('textbox', { name: 'Service code' })).toHaveValue('H0038');
  await dialog.getByRole('textbox', { name: 'Modifiers' }).fill('U1 U2 U3 U4');
  await dialog.getByRole('textbox', { name: 'Group modifier' }).fill('hq');
  await expect(dialog.getByText(/A unit counts from 8 minutes/)).toBeVisible();
  await dialog.getByRole('radio', { name: 'Whole 15 minutes only' }).check();
  await dialog.getByRole('textbox', { name: 'Most units a day' }).fill('8');
  await dialog.getByRole('textbox', { name: 'Largest group' }).fill('10');
  await dialog.getByRole('textbox', { name: 'Amount per unit' }).fill('12.50');
  await dialog.getByRole('checkbox', { name: 'Needs a current recovery plan' }).check();
  await dialog.getByRole('checkbox', { name: 'Needs a certified worker' }).check();
  await dialog.getByRole('button', { name: 'Add profile' }).click();

  // Five modifiers with the group one: the server names the field, and it says so there.
  const modifiers = dialog.getByRole('textbox', { name: 'Modifiers' });
  await expect(modifiers).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/At most 4 modifiers, the group modifier included/)).toBeVisible();
  await modifiers.fill('U1');
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByText(`${name} added`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const row = section.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('H0038 U1 (groups: HQ)');
  await expect(row).toContainText(
    'Whole 15 minutes only · 8 units a day · groups up to 10 · recovery plan · certified worker',
  );
  await expect(row).toContainText('$12.50');
  await expect(row).toContainText('In use');

  // Change it: the dialog shows what is stored.
  await row.getByRole('button', { name: `Change ${name}` }).click();
  const change = page.getByRole('dialog', { name: `Change ${name}` });
  await expect(change.getByRole('textbox', { name: 'Modifiers' })).toHaveValue('U1');
  await expect(change.getByRole('textbox', { name: 'Group modifier' })).toHaveValue('HQ');
  await expect(change.getByRole('radio', { name: 'Whole 15 minutes only' })).toBeChecked();
  await expect(change.getByRole('checkbox', { name: 'Needs a co-signed note' })).not.toBeChecked();
  await change.getByRole('textbox', { name: 'Most units a day' }).fill('12');
  await change.getByRole('checkbox', { name: 'Needs a co-signed note' }).check();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${name} saved`)).toBeVisible();
  await expect(row).toContainText('12 units a day');
  await expect(row).toContainText('co-signed notes');

  // Turn it off, then read the list again from the server.
  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Turned off');
  await page.reload();
  const again = page
    .getByRole('region', { name: 'Billing profiles' })
    .getByRole('row', { name: new RegExp(name) });
  await expect(again).toContainText('Turned off');
  await expect(again).toContainText('12 units a day');
  await expect(again.getByRole('button', { name: `Activate ${name}` })).toBeVisible();
});
