import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { addParticipant, DEMO, runToken, signIn } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('a consent is added, sharing outside it is refused with the reason, sharing inside it is listed', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  await addParticipant(page, { firstName: 'Robin', lastName: `Ames${runToken()}` });
  const card = page.getByRole('region', { name: 'Consents and sharing' });
  await expect(card.getByText('No consents yet.', { exact: false })).toBeVisible();

  await card.getByRole('button', { name: 'Add a consent' }).click();
  await card.getByLabel('Who may receive it').fill('Harbor Housing');
  await card.getByLabel('What it is for').fill('To find me a flat');
  await card.getByRole('checkbox', { name: 'Contact details' }).check();
  await card.getByLabel('Or ends when…').fill('When I have moved in');
  await card.getByRole('button', { name: 'Save consent' }).click();
  await expect(card.getByText('Harbor Housing')).toBeVisible();
  await expect(card.getByText('In force')).toBeVisible();

  await card.getByRole('button', { name: 'Record sharing' }).click();
  await card.getByLabel('Shared with').fill('harbor housing');
  await card.getByRole('checkbox', { name: 'Recovery plan' }).check();
  await card.getByRole('button', { name: 'Record sharing' }).last().click();
  await expect(card.getByRole('alert')).toContainText('does not cover: plan');

  await card.getByRole('checkbox', { name: 'Recovery plan' }).uncheck();
  await card.getByRole('checkbox', { name: 'Contact details' }).check();
  await card.getByRole('button', { name: 'Record sharing' }).last().click();
  await expect(card.getByText('To find me a flat · by', { exact: false })).toBeVisible();

  const accounting = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download the accounting (CSV)' }).click();
  const csvFile = await accounting;
  expect(csvFile.suggestedFilename()).toMatch(/^peerpath-disclosures-[\d-]+-to-[\d-]+\.csv$/);
  const csv = await readFile(await csvFile.path(), 'utf8');
  expect(csv.split('\n')[0]).toBe(
    'date,recipient,information,purpose,consent or emergency reason,who,redisclosure notice',
  );
  expect(csv).toContain('harbor housing');
  const record = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download their record (PDF)' }).click();
  const pdfFile = await record;
  expect(pdfFile.suggestedFilename()).toMatch(/^peerpath-record-[\d-]+\.pdf$/);
  expect((await readFile(await pdfFile.path(), 'latin1')).startsWith('%PDF-')).toBe(true);
  await page.screenshot({ path: 'test-results/consents-390.png', fullPage: true });
});
