import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, readmeScreenshot, signIn } from './support';

/** The first and last day of last month, `YYYY-MM-DD` (local time, as the page counts). */
function lastMonth() {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = new Date(now.getFullYear(), now.getMonth(), 0);
  const iso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: iso(first), to: iso(last) };
}

test('a supervisor reads last month’s activity and downloads the funder CSV', async ({ page }) => {
  await signIn(page, DEMO.supervisor);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Caseloads' })).toBeVisible();

  // The page opens on the last full month (this month is only partly done).
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveText('Last month');
  const { from, to } = lastMonth();

  // Key figures for the month: the demo organisation has six months of sessions.
  const activity = page.getByRole('region', { name: 'Activity' });
  for (const label of ['People supported', 'Sessions', 'Service hours', 'Resources shared']) {
    await expect(
      activity.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }),
    ).toBeVisible();
  }
  const sessions = activity
    .getByRole('term')
    .filter({ hasText: /^Sessions$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(sessions).toHaveText(/^[1-9]\d*$/);
  await expect(activity.getByRole('table', { name: 'Sessions by type' })).toBeVisible();
  // Service and contact hours are explained where they appear.
  await expect(activity.getByText(/^Service hours: the length of every session/)).toBeVisible();
  await expect(
    activity.getByText(/Contact hours: the length of a session counted once for each person/),
  ).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page
    .getByRole('group', { name: 'Download the funder export' })
    .getByRole('button', { name: 'CSV' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^peerpath-activity-[a-z0-9-]+-${from}-to-${to}\\.csv$`),
  );
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(lines[0]).toBe('section,metric,breakdown,value,label');
  expect(lines).toContain(`meta,from,,${from},First day of the period`);
  expect(lines).toContain(`meta,to,,${to},Last day of the period`);
  expect(lines.find((l) => l.startsWith('summary,participantsServed,,'))).toMatch(
    /,Participants served$/,
  );
  expect(csv).not.toMatch(/not for funders/i);
  await readmeScreenshot(page, 'reports');
});

test('the caseload table sorts, and its figures lead to the records behind them', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  const table = page.getByRole('table', { name: 'Caseloads' });
  await expect(table).toBeVisible();

  // Most past-due advocacy first.
  await table.getByRole('button', { name: 'Past due' }).click();
  await expect(table.getByRole('columnheader', { name: 'Past due' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const first = table.getByRole('row').nth(1);
  // The name is the first line; a credential ending soon is flagged under it (SPEC §11).
  const worker = (await first.getByRole('rowheader').innerText()).split('\n')[0];
  const overdue = first.getByRole('link', {
    name: new RegExp(`${worker}'s advocacy past its due date`),
  });
  const count = Number(await overdue.innerText());
  expect(count).toBeGreaterThan(0);
  await overdue.click();

  await expect(page).toHaveURL(/\/advocacy\?worker=[0-9a-f-]{36}&due=overdue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Advocacy' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Worker' })).toHaveText(new RegExp(worker));
  await expect(page.getByRole('combobox', { name: 'Due date' })).toHaveText('Past due date');

  // Referrals awaiting follow-up open that worker's follow-ups.
  await page.goBack();
  await expect(table).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(`^${worker}`) });
  const referrals = row.getByRole('link', { name: /referrals awaiting follow-up/ });
  if ((await referrals.count()) > 0) {
    await referrals.click();
    await expect(
      page.getByRole('heading', { name: new RegExp(`^Follow-ups due for ${worker}`) }),
    ).toBeVisible();
  }
});

test('a supervisor downloads the internal export, marked not for funders, with every count', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  const internal = page.getByRole('region', { name: 'Internal export — not for funders' });
  await expect(internal).toBeVisible();
  await expect(internal).toContainText('do not send it outside the organisation');
  const downloading = page.waitForEvent('download');
  await internal
    .getByRole('group', { name: 'Download the internal export (not for funders)' })
    .getByRole('button', { name: 'CSV, internal, not for funders' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^peerpath-activity-internal-not-for-funders-/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(lines[1]).toMatch(/^meta,audience,,internal,INTERNAL — NOT FOR FUNDERS/);
  expect(lines).toContain('meta,suppressionThreshold,,none,Small numbers are not hidden');
  expect(csv).not.toContain('<11');
});

test('on a phone the charts are drawn when scrolled to, in the room kept for them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const chartCode: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/BarChart-[\w-]+\.js$/.test(r.url())) chartCode.push(r.url());
  });
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  const byType = page.getByRole('region', { name: 'Sessions by type' });
  await expect(byType.getByRole('table')).toBeVisible();
  // The figures' table is there at once; the chart beside it, far below the fold, is not.
  const chart = byType.locator('[inert]');
  const room = await chart.boundingBox();
  expect(room?.height).toBeGreaterThan(100);
  await expect(chart.locator('svg')).toHaveCount(0);
  expect(chartCode).toEqual([]);

  await byType.getByRole('heading', { name: 'Sessions by type' }).scrollIntoViewIfNeeded();
  await expect(chart.locator('svg').first()).toBeVisible();
  expect(chartCode).toHaveLength(1);
  // Drawn in the room it had: nothing below moves.
  expect((await chart.boundingBox())?.height).toBe(room?.height);
});

test('custom dates: the date fields arrive when chosen, and the activity follows them', async ({
  page,
}) => {
  const pickerCode: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/(CustomPeriodFields|pickers)-[\w-]+\.js$/.test(r.url()))
      pickerCode.push(r.url());
  });
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity.getByRole('table', { name: 'Sessions by type' })).toBeVisible();
  // The page opens on last month: no date picker, and none of its code.
  await expect(page.getByRole('group', { name: 'From' })).toHaveCount(0);
  expect(pickerCode).toEqual([]);

  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Custom dates' }).click();
  const fromField = page.getByRole('group', { name: 'From' });
  const toField = page.getByRole('group', { name: 'To' });
  await expect(fromField).toBeVisible();
  expect(pickerCode.length).toBeGreaterThan(0);

  // Dates are typed as they are shown (DD/MM/YYYY, the default en-GB), at full speed on a slow
  // phone's CPU: "To" typed while the address is still catching up with "From" keeps both.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  const year = new Date().getFullYear() - 1;
  await fromField.getByRole('spinbutton', { name: 'Day' }).click();
  await page.keyboard.type(`0101${year}`);
  await toField.getByRole('spinbutton', { name: 'Day' }).click();
  await page.keyboard.type(`3112${year}`);
  await expect(page).toHaveURL(
    new RegExp(`from=${year}-01-01.*to=${year}-12-31|to=${year}-12-31.*from=${year}-01-01`),
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const answered = page.waitForResponse(
    (r) =>
      r.url().includes('/api/reports/activity?') &&
      r.url().includes(`from=${year}-01-01`) &&
      r.url().includes(`to=${year}-12-31`),
  );
  await page.reload();
  expect((await answered).status()).toBe(200);
  await expect(page.getByRole('group', { name: 'From' })).toBeVisible();
  await expect(activity.getByRole('table', { name: 'Sessions by type' })).toBeVisible();

  // "To" before "From" says so on the field, and the exports wait.
  await toField.getByRole('spinbutton', { name: 'Day' }).click();
  await page.keyboard.type(`0101${year - 1}`);
  await expect(page.getByText('“To” is before “From”')).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'Download the funder export' })
      .getByRole('button', { name: 'CSV' }),
  ).toBeDisabled();
});
