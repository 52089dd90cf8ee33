import { expect, test } from '@playwright/test';
import { addParticipant, DEMO, runToken, signIn, signOut } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('a warm handoff offers to record the disclosure, prefilled; an emergency one reaches the supervisor', async ({
  page,
}) => {
  const last = `Okoro${runToken()}`;
  await signIn(page, DEMO.worker);
  await addParticipant(page, { firstName: 'Tendai', lastName: last });

  // The consent form prints before it is saved, filled from what was written.
  const card = page.getByRole('region', { name: 'Consents and sharing' });
  await card.getByRole('button', { name: 'Add a consent' }).click();
  await card.getByLabel('Who may receive it').fill('Harbor Housing');
  await card.getByLabel('What it is for').fill('To find me a flat');
  await card.getByRole('checkbox', { name: 'Contact details' }).check();
  await card.getByRole('button', { name: 'Print the form to sign' }).click();
  const form = page.getByRole('dialog', { name: 'The consent form to sign' });
  await expect(form.getByTestId('consent-form')).toContainText(`Tendai ${last}`);
  await expect(form).toContainText('Harbor Housing');
  await expect(form).toContainText('To find me a flat');
  await expect(form).toContainText('does not include records about my substance use');
  await expect(form).toContainText('I can withdraw this consent at any time');
  await expect(form).toContainText('My signature');
  await page.screenshot({ path: 'test-results/consent-form-390.png', fullPage: true });
  await form.getByRole('button', { name: 'Close' }).click();
  await card.getByRole('button', { name: 'Cancel' }).click();

  // A warm handoff: the prompt comes up with the organisation, what and how filled in.
  await page.getByRole('button', { name: 'Share a resource' }).click();
  const share = page.getByRole('dialog', { name: /Share a resource with/ });
  const resource = share.getByRole('combobox', { name: 'Resource' });
  await resource.fill('food');
  await page.getByRole('option', { name: /food/i }).first().click();
  const resourceName = await resource.inputValue();
  await share.getByRole('combobox', { name: 'How it was shared' }).click();
  await page.getByRole('option', { name: 'Warm handoff' }).click();
  await share.getByRole('button', { name: 'Save' }).click();

  const prompt = page.getByRole('dialog', { name: 'Record this as a disclosure?' });
  await expect(prompt).toContainText(`over to ${resourceName} in a warm handoff`);
  await expect(prompt.getByLabel('Shared with')).toHaveValue(resourceName);
  await expect(prompt.getByRole('checkbox', { name: 'Contact details' })).toBeChecked();
  await expect(prompt.getByRole('combobox', { name: 'How' })).toContainText('In person');

  // No consent covers it: the server says so, and nothing is recorded.
  await prompt.getByRole('button', { name: 'Record sharing' }).click();
  await expect(prompt.getByRole('alert')).toContainText(`no consent on file to share with`);

  await prompt
    .getByRole('checkbox', { name: 'An emergency: it could not wait for consent' })
    .check();
  await prompt
    .getByLabel('Why it could not wait')
    .fill('Tendai had no food for three days and asked me to call ahead for them');
  await prompt.getByRole('button', { name: 'Record sharing' }).click();
  await expect(prompt).toBeHidden();
  await expect(card).toContainText('Emergency: Tendai had no food for three days');
  await expect(card).toContainText(resourceName);
  await page.screenshot({ path: 'test-results/consent-prompt-390.png', fullPage: true });

  // The team's supervisor sees it on their home page, with a way to the person.
  await signOut(page);
  await signIn(page, DEMO.supervisor);
  const review = page.getByRole('region', { name: 'Emergency disclosures to review' });
  const item = review.getByRole('listitem').filter({ hasText: `Tendai ${last}` });
  await expect(item).toContainText('Tendai had no food for three days');
  await expect(item).toContainText(resourceName);
  await page.screenshot({ path: 'test-results/emergency-review-390.png', fullPage: true });
  await item.getByRole('link', { name: `Open Tendai ${last}’s page` }).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
});
