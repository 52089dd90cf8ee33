import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, readmeScreenshot, runToken, signIn, signOut } from './support';

// These walk through several pages on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** Signs in with a temporary password: only the "choose your own password" page opens, then all. */
async function choosePassword(page: Page, email: string, temporary: string, own: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(temporary);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Choose your own password' });
  await expect(heading).toBeVisible();
  // Nothing else opens first.
  await page.goto('/participants');
  await expect(heading).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByLabel('Password you were given').fill(temporary);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(own);
  await page.getByLabel('New password again').fill(own);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

test('an admin creates a team and a user, who can then sign in; deactivation asks first', async ({
  page,
}) => {
  const token = runToken();
  const teamName = `Eastside Outreach ${token}`;
  const email = `river.stone.${token}@eastside.example`;

  await signIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();

  // Team
  await page.getByRole('button', { name: 'Create team' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Create a team' });
  await teamDialog.getByRole('textbox', { name: 'Team name' }).fill(teamName);
  await teamDialog.getByRole('button', { name: 'Create team' }).click();
  await expect(teamDialog).toBeHidden();
  await expect(
    page.getByRole('table', { name: 'Teams' }).getByRole('rowheader', { name: teamName }),
  ).toBeVisible();

  // User: a short password is refused on its field before anything is sent.
  await page.getByRole('button', { name: 'Create user' }).click();
  const userDialog = page.getByRole('dialog', { name: 'Create a user' });
  await userDialog.getByRole('textbox', { name: 'Name' }).fill('River Stone');
  await userDialog.getByRole('textbox', { name: 'Email' }).fill(email);
  await userDialog.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: teamName }).click();
  const password = userDialog.getByRole('textbox', { name: 'First password' });
  await password.fill('too-short');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog.getByText('Use at least 12 characters')).toBeVisible();

  // The server's own field errors land on the field: an email already in use.
  await userDialog.getByRole('textbox', { name: 'Email' }).fill(DEMO.worker);
  await password.fill('river-runs-deep-2026');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog.getByRole('textbox', { name: 'Email' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(userDialog.getByText(/already in use/i)).toBeVisible();

  await userDialog.getByRole('textbox', { name: 'Email' }).fill(email);
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Users' });
  const row = table.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('River Stone');
  await expect(row).toContainText('Peer support worker');
  await expect(row).toContainText(teamName);
  await readmeScreenshot(page, 'admin');

  // The new worker signs in with the temporary password, and first chooses their own.
  await signOut(page);
  await choosePassword(page, email, 'river-runs-deep-2026', 'moss-on-the-riverbank-88');
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await signOut(page);

  // Deactivation asks first, then the person can no longer sign in.
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Deactivate River Stone' }).click();
  const confirm = page.getByRole('dialog', { name: 'Deactivate River Stone?' });
  await expect(confirm).toContainText('signed out straight away');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(
    page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: email }),
  ).toContainText('Deactivated');
  await signOut(page);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill('moss-on-the-riverbank-88');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match an active account');
});

test('an admin changes a user’s role and team and sets a temporary password; users change their own', async ({
  page,
}) => {
  const token = runToken();
  const email = `sage.moon.${token}@northside.example`;
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Create user' }).click();
  const create = page.getByRole('dialog', { name: 'Create a user' });
  await create.getByRole('textbox', { name: 'Name' }).fill(`Sage Moon ${token}`);
  await create.getByRole('textbox', { name: 'Email' }).fill(email);
  await create.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option').first().click();
  await create.getByRole('textbox', { name: 'First password' }).fill('first-light-on-water-12');
  await expect(create.getByRole('checkbox', { name: /^Temporary/ })).toBeChecked();
  await create.getByRole('button', { name: 'Create user' }).click();
  await expect(create).toBeHidden();

  // Role and team change, with a new temporary password.
  await page
    .getByRole('button', { name: `Change Sage Moon ${token}: role, team or password` })
    .click();
  const change = page.getByRole('dialog', { name: `Change Sage Moon ${token}` });
  await change.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Supervisor' }).click();
  await change.getByLabel(/^New password$/).fill('second-tide-at-noon-34');
  await expect(change.getByRole('checkbox', { name: /^Temporary/ })).toBeChecked();
  await change.getByRole('button', { name: 'Save changes' }).click();
  await expect(change).toBeHidden();
  const row = page
    .getByRole('table', { name: 'Users' })
    .getByRole('row')
    .filter({ hasText: email });
  await expect(row).toContainText('Supervisor');

  // The new temporary password must be changed at sign-in.
  await signOut(page);
  await choosePassword(page, email, 'second-tide-at-noon-34', 'evening-heron-stands-56');

  // Anyone can change their own password from the account menu.
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your password' })).toBeVisible();
  await page.getByLabel('Current password').fill('not-my-password-at-all');
  await page
    .getByRole('textbox', { name: 'New password', exact: true })
    .fill('quiet-orchard-road-78');
  await page.getByLabel('New password again').fill('quiet-orchard-road-78');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText(/not your current password/)).toBeVisible();
  await page.getByLabel('Current password').fill('evening-heron-stands-56');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText(/Your password is changed/)).toBeVisible();
  await signOut(page);
  await signIn(page, email, 'quiet-orchard-road-78');
});

test('a supervisor reads the team’s audit trail with filters and downloads it as CSV', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit trail' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();

  // Their own sign-ins, by action and by who.
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Signed in' }).click();
  await page.getByRole('combobox', { name: 'Done by' }).click();
  await page.getByRole('option', { name: 'Maya Okafor' }).click();
  await expect(page).toHaveURL(/action=login/);
  await expect(page).toHaveURL(/actor=[0-9a-f-]{36}/);
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  // Every row the filtered table shows (waiting for the filtered page to replace the first one).
  await expect(rows.first()).toContainText('Signed in');
  await expect(rows.filter({ hasNotText: 'Signed in' })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: 'Maya Okafor' })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^peerpath-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trimEnd().split(/\r?\n/);
  expect(lines[0]).toBe('at,actor,actorId,action,entityType,entityId,participantId,teamId,details');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain('"login"');
});
