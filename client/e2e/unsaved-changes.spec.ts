import { expect, test } from '@playwright/test';
import { DEMO, addParticipant, runToken, signIn } from './support';

test('leaving a form with unsaved changes asks first; saved or untouched forms do not', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });

  // Untouched: the link just works.
  await nav.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('link', { name: 'Add participant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add participant' })).toBeVisible();
  await nav.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await expect(ask).toHaveCount(0);

  // Edited: a link in the shell asks; keeping the edits keeps the page and what was typed.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Add participant' })).toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill('Unsaved');
  await nav.getByRole('link', { name: 'Caseload' }).click();
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(/\/participants\/new$/);
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Unsaved');

  // Back asks too; discarding goes on.
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();

  // Cancel of an edit in place asks, and discarding leaves the details as they were.
  const token = runToken();
  await addParticipant(page, { firstName: 'Wren', lastName: `Hale${token}` });
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit participant' });
  await form.getByRole('textbox', { name: 'Pronouns' }).fill('xe/xem');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('region', { name: 'Details' })).not.toContainText('xe/xem');

  // Saved: moving on does not ask.
  await page.getByRole('button', { name: 'Edit details' }).click();
  await form.getByRole('textbox', { name: 'Pronouns' }).fill('they/them');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await nav.getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(ask).toHaveCount(0);
});

test('closing a dialog with unsaved changes asks first', async ({ page }) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  await addParticipant(page, { firstName: 'Idris', lastName: `Moss${token}` });
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });

  // Opened and closed untouched: no question.
  await page.getByRole('button', { name: 'Add advocacy' }).click();
  const advocacy = page.getByRole('dialog', { name: 'New advocacy action' });
  await expect(advocacy).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(advocacy).toBeHidden();
  await expect(ask).toHaveCount(0);

  await page.getByRole('button', { name: 'Share a resource' }).click();
  const share = page.getByRole('dialog', { name: /Share a resource with/ });
  const note = share.getByRole('textbox', { name: 'Note (optional)' });
  await note.fill('Talked through the bus route');
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Enter'); // "Keep editing" has focus
  await expect(ask).toBeHidden();
  await expect(note).toHaveValue('Talked through the bus route');

  await share.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(share).toBeHidden();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    'Nothing recorded yet',
  );
});

test('closing the tab with unsaved changes asks the browser to confirm', async ({ page }) => {
  await signIn(page, DEMO.worker);
  await page.goto('/sessions/new');
  await expect(page.getByRole('combobox', { name: 'Add people who came' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Evening group');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.accept();
});
