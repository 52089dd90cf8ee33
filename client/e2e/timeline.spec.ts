import { expect, test } from '@playwright/test';
import { DEMO, runToken, signIn } from './support';

test('a one-to-one logged from a demo participant’s page shows its notes, highlighted, in view', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  // Paddy has follow-ups above his timeline, so it starts below the fold.
  await page
    .getByRole('table', { name: 'Your caseload' })
    .getByRole('link', { name: /Paddy Ali/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
  const url = page.url();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();

  // Every entry says what happened, not only its label.
  await expect(timeline.getByTestId('timeline-snippet').first()).toBeVisible();

  await page.getByRole('link', { name: 'Log one-to-one' }).click();
  const notes = `Talked through the job interview ${token}; practised a grounding exercise.`;
  await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(url);

  const entry = timeline.locator('li[aria-current="true"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(notes);
  await expect(entry).toContainText('One-to-one mentoring · attended · 60 min');
  await expect(entry).toBeFocused();
  await expect(entry.getByRole('link', { name: /One-to-one mentoring/ })).toHaveAttribute(
    'href',
    /^\/sessions\/[0-9a-f-]{36}$/,
  );
  // The new entry is in view, whatever sits above the timeline (follow-ups, alerts).
  await expect(entry).toBeInViewport();
});

test('an advocacy entry opens its dialog to update it in place', async ({ page }) => {
  await signIn(page, DEMO.worker);
  const firstRow = page.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1);
  await firstRow.getByRole('link').first().click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await page.getByRole('button', { name: 'Add advocacy' }).click();
  const dialog = page.getByRole('dialog');
  const title = `Call the housing office ${runToken()}`;
  await dialog.getByRole('textbox', { name: 'What it is about' }).fill(title);
  await dialog.getByRole('button', { name: /^Save/ }).click();
  await expect(dialog).toBeHidden();

  const open = timeline.getByRole('button', { name: new RegExp(title) });
  await expect(open).toBeVisible();
  await expect(open.locator('xpath=ancestor::li')).toContainText('Open');
  await open.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(
    page.getByRole('dialog').getByRole('textbox', { name: 'What it is about' }),
  ).toHaveValue(title);
});
