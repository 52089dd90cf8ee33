import { expect, test, type Page } from '@playwright/test';
import { DEMO, addParticipant, runToken, signIn } from './support';

// These walk through several pages on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** The number a figure's tile shows, read from its description-list entry. */
async function figure(page: Page, list: string, label: string): Promise<number> {
  const tile = page
    .getByLabel(list)
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return Number((await tile.innerText()).trim());
}

/**
 * How many people the participants list says it shows. The caseload figures count the people
 * each worker is primary worker for; the list also shows the team's people with no primary
 * worker (other browser specs add some), so it holds at least the figure.
 */
async function listedAtLeast(page: Page, figureCount: number): Promise<number> {
  const summary = page.getByText(/^\d+ (person|people)$/).first();
  const count = async () => Number((await summary.innerText()).split(' ')[0]);
  // Polled: after a filter changes, the count shown is the old list's until the new one arrives.
  await expect.poll(count).toBeGreaterThanOrEqual(figureCount);
  return count();
}

test('the home figures open the lists behind them; “no contact in 30 days” lists only those people', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.getByRole('button', { name: 'Whole team' }).click();
  const group = 'Your team’s last 30 days';
  const tiles = page.getByLabel(group);
  await expect(tiles).toBeVisible();
  const noContact = await figure(page, group, 'No contact in 30 days');
  const active = await figure(page, group, 'Active participants');
  expect(noContact).toBeGreaterThan(0);
  expect(noContact).toBeLessThan(active);

  await tiles
    .getByRole('link', { name: /people with no contact in 30 days: see the list/ })
    .click();
  await expect(page).toHaveURL(
    /\/participants\?status=active&noContactSince=\d{4}-\d{2}-\d{2}&sort=lastContact$/,
  );
  await expect(page.getByText(/^Only people with no session attended since /)).toBeVisible();
  const listed = await listedAtLeast(page, noContact);
  const table = page.getByRole('table', { name: 'Participants' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(Math.min(listed, 25));
  // Every one of them is flagged; the longest without contact come first.
  for (const row of await rows.all()) {
    await expect(row).toContainText(/No contact in 30 days|New — no session yet/);
  }
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveText(
    'Last contact, longest ago first',
  );

  // “Show everyone” drops the filter.
  await page.getByRole('button', { name: 'Show everyone' }).click();
  await expect(page.getByText(/^Only people with no session attended since /)).toHaveCount(0);
  await listedAtLeast(page, active);

  // Sessions in 30 days open the sessions list for those dates.
  await page.goto('/?scope=team');
  await page
    .getByLabel(group)
    .getByRole('link', { name: /sessions in 30 days: see the list/ })
    .click();
  await expect(page).toHaveURL(/\/sessions\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
});

test('the reports’ figures open their lists too', async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  const table = page.getByRole('table', { name: 'Caseloads' });
  await expect(table).toBeVisible();
  // The team's total of people without recent contact opens those people.
  const total = table.getByRole('link', {
    name: /the team's participants with no contact in 30 days/,
  });
  const count = Number(await total.innerText());
  await total.click();
  await expect(page).toHaveURL(/noContactSince=\d{4}-\d{2}-\d{2}&sort=lastContact$/);
  await listedAtLeast(page, count);

  // Sessions of the period, and of one type.
  await page.goBack();
  const activity = page.getByRole('region', { name: 'Activity' });
  await activity.getByRole('link', { name: /sessions in the period: see the list/ }).click();
  await expect(page).toHaveURL(/\/sessions\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  await page.goBack();
  await activity
    .getByRole('table', { name: 'Sessions by type' })
    .getByRole('link', { name: /Support group: see the list/ })
    .click();
  await expect(page).toHaveURL(/\/sessions\?from=.*&type=support_group$/);
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveText('Support group');
});

test('someone enrolled lately with no session yet is shown as new, not as neglected', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const lastName = `Newcomer${runToken()}`;
  await addParticipant(page, { firstName: 'Ash', lastName });
  await page.goto(`/participants?search=${lastName}`);
  const row = page
    .getByRole('table', { name: 'Participants' })
    .getByRole('row')
    .filter({ hasText: lastName });
  await expect(row).toContainText('New — no session yet');
  await expect(row).not.toContainText('No contact in 30 days');
});

test('caseload rows lead with the person: name, pronouns, next step, last contact — no focus areas', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.worker);
  const caseload = page.getByRole('table', { name: 'Your caseload' });
  await expect(caseload.getByRole('row').nth(1)).toBeVisible();
  await expect(caseload.getByRole('columnheader')).toHaveText([
    'Name',
    'Pronouns',
    'Next step',
    'Last contact',
  ]);
  await expect(caseload).not.toContainText('Focus areas');
  // Someone's next step is shown in words, with its date.
  await expect(caseload.getByText(/^(By|Past due ·) \d{1,2} \w{3} \d{4}$/).first()).toBeVisible();

  // The admin's home too.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  const all = admin.getByRole('table', { name: 'Team caseload' });
  await expect(all.getByRole('row').nth(1)).toBeVisible();
  const headers = await all.getByRole('columnheader').allInnerTexts();
  expect(headers.slice(0, 4)).toEqual(['Name', 'Pronouns', 'Next step', 'Last contact']);
  expect(headers).not.toContain('Focus areas');
});
