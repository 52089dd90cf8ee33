import { expect, test } from '@playwright/test';
import { addParticipant, DEMO, Interactions, readmeScreenshot, runToken, signIn } from './support';

test('editing a participant persists after a reload', async ({ page }) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Morgan', lastName: `Reyes${token}` });

  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit participant' });
  await form.getByRole('textbox', { name: 'Preferred name' }).fill('Mo');
  await form.getByRole('textbox', { name: 'Pronouns' }).fill('they/them');
  await form.getByRole('checkbox', { name: 'Anxiety' }).check();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mo Reyes${token}`);

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mo Reyes${token}`);
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('they/them')).toBeVisible();
  await expect(details.getByText('Anxiety')).toBeVisible();
  await expect(page.getByText(`Full name: Morgan Reyes${token}`)).toBeVisible();
  await readmeScreenshot(page, 'participant');
});

test('a stale edit is refused with "Someone else changed this" and reloads cleanly', async ({
  browser,
}) => {
  const token = runToken();
  const mine = await browser.newPage();
  await signIn(mine, DEMO.worker);
  const url = await addParticipant(mine, { firstName: 'Rowan', lastName: `Vale${token}` });

  const theirs = await browser.newPage();
  await signIn(theirs, DEMO.otherWorker);
  await theirs.goto(url);

  // Both open the form; the other worker saves first.
  await mine.getByRole('button', { name: 'Edit details' }).click();
  await theirs.getByRole('button', { name: 'Edit details' }).click();
  await theirs.getByRole('textbox', { name: 'Pronouns' }).fill('he/him');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(theirs.getByRole('region', { name: 'Details' }).getByText('he/him')).toBeVisible();

  await mine.getByRole('textbox', { name: 'Pronouns' }).fill('she/her');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(mine.getByRole('alert')).toContainText('Someone else changed this — reload');
  await mine.getByRole('button', { name: 'Reload' }).click();
  await expect(mine.getByRole('textbox', { name: 'Pronouns' })).toHaveValue('he/him');
  await mine.close();
  await theirs.close();
});

test('the participant page shows the timeline; a one-to-one is logged from it in at most 6 interactions', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Noor', lastName: `Haddad${token}` });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Nothing recorded yet');

  const act = new Interactions(page);
  await act.click(page.getByRole('link', { name: 'Log one-to-one' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Log a one-to-one with Noor Haddad${token}`,
  );
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveText('One-to-one mentoring');
  await expect(page.getByRole('spinbutton', { name: 'Duration (minutes)' })).toHaveValue('60');
  await expect(page.getByRole('list', { name: 'Attendance' })).toContainText(`Noor Haddad${token}`);
  await act.click(page.getByRole('button', { name: 'Save session' }));
  await expect(page).toHaveURL(url);
  expect(act.count).toBeLessThanOrEqual(6);

  await expect(timeline.getByRole('listitem').first()).toContainText('Session');
  await expect(
    timeline.getByRole('link', { name: /One-to-one mentoring · attended · 60 min/ }),
  ).toBeVisible();
});

test('a demo participant’s timeline lists sessions and other records, newest first', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  // The first person on Alex's caseload (the demo organisation has six months of records).
  const firstRow = page.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1);
  await firstRow.getByRole('link').click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  const items = await timeline.getByRole('listitem').allInnerTexts();
  expect(items.length).toBeGreaterThan(0);
  const kind = /^(Session|Advocacy|Resource shared|Decision note|Recovery plan) · /;
  expect(items.filter((t) => !kind.test(t))).toEqual([]);
  expect(items.some((t) => t.startsWith('Session · '))).toBe(true);
  await readmeScreenshot(page, 'timeline');
});

test('a caseload row opens with the keyboard, and shows where focus is', async ({ page }) => {
  await signIn(page, DEMO.worker);
  const table = page.getByRole('table', { name: 'Your caseload' });
  const first = table.getByRole('row').nth(1);
  const link = first.getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/participants\/[0-9a-f-]{36}$/);

  // The row is a tab stop of its own, just before the name link inside it.
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();

  await page.goBack();
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(href!);
});

test('advocacy and a shared resource, added from the participant page, appear on the timeline', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  await addParticipant(page, { firstName: 'Tamsin', lastName: `Ode${token}` });
  const timeline = page.getByRole('region', { name: 'Timeline' });

  await page.getByRole('button', { name: 'Add advocacy' }).click();
  const advocacy = page.getByRole('dialog', { name: 'New advocacy action' });
  await advocacy
    .getByRole('textbox', { name: 'What it is about' })
    .fill(`Appeal the benefits decision ${token}`);
  await advocacy.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Benefits' }).click();
  await advocacy.getByRole('button', { name: 'Save advocacy' }).click();
  await expect(advocacy).toBeHidden();
  await expect(timeline).toContainText(
    `Benefits advocacy · Appeal the benefits decision ${token} · open`,
  );

  await page.getByRole('button', { name: 'Share a resource' }).click();
  const share = page.getByRole('dialog', { name: /Share a resource with/ });
  await share.getByRole('combobox', { name: 'Resource' }).fill('food');
  await page.getByRole('option').first().click();
  await share.getByRole('button', { name: 'Save' }).click();
  await expect(share).toBeHidden();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Resource shared' })).toHaveCount(
    1,
  );
  await expect(timeline).toContainText('printed · awaiting follow-up');
});
