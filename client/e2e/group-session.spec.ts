import { expect, test } from '@playwright/test';
import {
  addParticipant,
  DEMO,
  Interactions,
  readmeScreenshot,
  runToken,
  signIn,
  signOut,
} from './support';

const FIRST_NAMES = ['Ada', 'Bea', 'Cyrus', 'Dara', 'Eli', 'Fern', 'Gus', 'Hana', 'Ira', 'Jude'];

test('a group session of 10 is logged from the keyboard in at most 15 interactions', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const token = runToken();
  const lastName = `Keyes${token}`;
  const people = FIRST_NAMES.map((firstName) => ({ firstName, lastName }));

  await signIn(page, DEMO.worker);
  // Set-up, not counted: the ten people, enrolled through the form.
  const urls: string[] = [];
  for (const p of people) urls.push(await addParticipant(page, p));
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Caseload' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();

  // From here every click, key press or typed name counts.
  const act = new Interactions(page);
  await act.click(page.getByRole('link', { name: 'Log session' }).first());
  const attendees = page.getByRole('combobox', { name: 'Add people who came' });
  await expect(attendees).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveText('Support group');

  const started = Date.now();
  for (const p of people) {
    const name = `${p.firstName} ${p.lastName}`;
    await act.typeAndEnter(name, page.getByRole('option', { name }));
    // The list closes after each add; focus stays in the field for the next name.
    await expect(attendees).toBeFocused();
  }
  const attendance = page.getByRole('list', { name: 'Attendance' });
  await expect(attendance.getByRole('listitem')).toHaveCount(10);
  await expect(page.getByText('10 people: 10 attended.', { exact: true })).toBeVisible();
  await readmeScreenshot(page, 'log-group-session');

  await act.press('Control+Enter');
  await expect(page).toHaveURL(/\/sessions$/);
  expect(act.count).toBeLessThanOrEqual(15);
  test.info().annotations.push({
    type: 'interactions',
    description: `${act.count} interactions, ${Math.round((Date.now() - started) / 1000)} s at the keyboard`,
  });

  // It is in the sessions list (newest first)…
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: 'Support group' })
      .filter({ hasText: '10 of 10 attended' })
      .first(),
  ).toBeVisible();

  // …and it holds exactly these ten people (reached through one of them, so
  // another session logged at the same minute cannot be mistaken for it).
  await page.goto(urls[0]!);
  await page
    .getByRole('region', { name: 'Timeline' })
    .getByRole('link', { name: 'Support group · attended · 60 min' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support group' })).toBeVisible();
  for (const p of people) {
    await expect(page.getByRole('link', { name: `${p.firstName} ${p.lastName}` })).toBeVisible();
  }
});

test('one click marks someone absent, and the session can be edited and voided by its facilitator only', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const token = runToken();
  const a = { firstName: 'Kit', lastName: `Marsh${token}` };
  const b = { firstName: 'Lou', lastName: `Marsh${token}` };
  await signIn(page, DEMO.worker);
  await addParticipant(page, a);
  await addParticipant(page, b);

  await page.goto('/sessions/new');
  await expect(page.getByRole('combobox', { name: 'Add people who came' })).toBeFocused();
  for (const p of [a, b]) {
    const name = `${p.firstName} ${p.lastName}`;
    await page.keyboard.type(name);
    await expect(page.getByRole('option', { name })).toBeVisible();
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await page
    .getByRole('group', { name: `Attendance for Lou ${b.lastName}` })
    .getByRole('button', { name: 'Absent' })
    .click();
  await expect(page.getByText('2 people: 1 attended, 1 absent.', { exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title (optional)' }).fill(`Walk and talk ${token}`);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(/\/sessions$/);

  const row = page
    .getByRole('table', { name: 'Sessions' })
    .getByRole('row')
    .filter({ hasText: `Walk and talk ${token}` });
  await expect(row).toContainText('1 of 2 attended');
  await row.getByRole('link').click();

  await page.getByRole('button', { name: 'Edit session' }).click();
  await page.getByRole('button', { name: '90 minutes' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByText('1 h 30 min')).toBeVisible();

  // Another worker of the team can read the session, but not change or void it.
  const sessionUrl = page.url();
  await signOut(page);
  await signIn(page, DEMO.otherWorker);
  await page.goto(sessionUrl);
  await expect(page.getByText('1 h 30 min')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit session' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Void this session' })).toHaveCount(0);
  await signOut(page);
  await signIn(page, DEMO.worker);
  await page.goto(sessionUrl);

  await page.getByRole('button', { name: 'Void this session' }).click();
  const confirm = page.getByRole('dialog', { name: 'Void this session?' });
  // A reason is needed.
  await confirm.getByRole('button', { name: 'Void session' }).click();
  await expect(confirm.getByText('Please say why, so the record makes sense later')).toBeVisible();
  await confirm.getByRole('textbox', { name: 'Why are you voiding it?' }).fill('Logged twice');
  await confirm.getByRole('button', { name: 'Void session' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(page.getByRole('table', { name: 'Sessions' })).not.toContainText(
    `Walk and talk ${token}`,
  );
});
