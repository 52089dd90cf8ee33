import { expect, test } from '@playwright/test';
import { DEMO, readmeScreenshot, runToken, signIn, signOut } from './support';

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

  // The new worker can sign in.
  await signOut(page);
  await signIn(page, email, 'river-runs-deep-2026');
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
  await page.getByRole('textbox', { name: 'Password' }).fill('river-runs-deep-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match an active account');
});
