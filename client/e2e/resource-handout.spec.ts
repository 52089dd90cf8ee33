import { expect, test } from '@playwright/test';
import { DEMO, addParticipant, runToken, signIn } from './support';

/** Today as the date field takes it (DD/MM/YYYY, the default en-GB), digits only. */
function todayDigits() {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`;
}

test('a resource shared from the participant page is followed up as connected', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  await addParticipant(page, { firstName: 'Keziah', lastName: `Brandt${token}` });
  const timeline = page.getByRole('region', { name: 'Timeline' });

  await page.getByRole('button', { name: 'Share a resource' }).click();
  const share = page.getByRole('dialog', { name: /Share a resource with/ });
  const resource = share.getByRole('combobox', { name: 'Resource' });
  await resource.fill('food');
  await page.getByRole('option', { name: /food/i }).first().click();
  const resourceName = await resource.inputValue();
  expect(resourceName).not.toBe('food');
  // Follow up today, so it is due at once.
  const followUp = share.getByRole('group', { name: 'Follow up on' });
  await followUp.getByRole('spinbutton', { name: 'Day' }).click();
  await page.keyboard.type(todayDigits());
  await share.getByRole('button', { name: 'Save' }).click();
  await expect(share).toBeHidden();
  await expect(timeline).toContainText(`${resourceName} · printed · awaiting follow-up`);

  const followUps = page.getByRole('region', { name: /^Follow-ups/ });
  await expect(followUps).toContainText(resourceName);
  await followUps
    .getByRole('group', { name: `How it went: ${resourceName}` })
    .getByRole('button', { name: 'Connected', exact: true })
    .click();
  await expect(page.getByText(`${resourceName}: connected`)).toBeVisible();
  await expect(followUps).toBeHidden();
  await expect(timeline).toContainText(`${resourceName} · printed · connected`);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    `${resourceName} · printed · connected`,
  );
});
