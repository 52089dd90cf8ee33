import { expect, test } from '@playwright/test';
import { DEMO, readmeScreenshot, signIn, signOut } from './support';

/** Everyone's first six; workers and supervisors also keep their time. */
const SHARED_NAV = ['Caseload', 'Participants', 'Sessions', 'Groups', 'Advocacy', 'Resources'];
const ADMIN_NAV = [...SHARED_NAV, 'Supervision', 'Reports', 'Billing', 'Audit trail', 'Admin'];

async function navItems(page: import('@playwright/test').Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

test('a worker signs in, sees the shell with their navigation, and signs out', async ({ page }) => {
  await signIn(page, DEMO.worker);
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  expect(await navItems(page)).toEqual([...SHARED_NAV, 'My time', 'Supervision']);
  await expect(page.getByRole('button', { name: 'Account: Alex Rivera' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await readmeScreenshot(page, 'caseload-worker');

  await signOut(page);
  // Signed out for real: the app no longer opens without signing in again.
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a supervisor sees Reports and the team toggle; an admin also sees Admin', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  // Co-signing notes is a supervisor's alone (admins do not co-sign).
  expect(await navItems(page)).toEqual([
    ...SHARED_NAV,
    'My time',
    'Supervision',
    'Co-sign notes',
    'Reports',
    'Billing',
    'Audit trail',
  ]);
  await expect(page.getByRole('button', { name: 'Whole team' })).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.admin);
  expect(await navItems(page)).toEqual(ADMIN_NAV);
  await signOut(page);
});

test('the session survives a reload (refresh cookie), and a wrong password says so', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await signOut(page);

  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO.worker);
  await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match an active account');
});

test('a worker opening the admin page is told it is not for them', async ({ page }) => {
  await signIn(page, DEMO.worker);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('heading', { name: 'Administration' })).toHaveCount(0);
});
