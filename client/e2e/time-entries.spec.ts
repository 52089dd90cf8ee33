import { expect, test } from '@playwright/test';
import { DEMO, Interactions, PASSWORD, readmeScreenshot, runToken, signIn } from './support';

test('a worker logs 30 minutes of outreach in two taps from the app bar', async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.otherWorker);
  const act = new Interactions(page);
  await act.click(page.getByRole('button', { name: 'Log time', exact: true }));
  const dialog = page.getByRole('dialog', { name: 'Log time' });
  await expect(dialog.getByRole('button', { name: '30 min', pressed: true })).toBeVisible();
  const started = new Date().toISOString();
  await act.click(dialog.getByRole('button', { name: 'Outreach', exact: true }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('30 min of outreach logged')).toBeVisible();
  expect(act.count).toBe(2);

  // The entry is stored: today, 30 minutes, outreach, the worker's own.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.otherWorker, password: PASSWORD },
  });
  const { accessToken, user } = (await login.json()) as {
    accessToken: string;
    user: { id: string; teamId: string };
  };
  const res = await request.get('/api/time-entries?pageSize=100&kind=outreach', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as {
    items: {
      workerId: string;
      teamId: string;
      minutes: number;
      kind: string;
      note: string | null;
      createdAt: string;
    }[];
  };
  const mine = items.filter((e) => e.createdAt >= started);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({
    workerId: user.id,
    teamId: user.teamId,
    minutes: 30,
    kind: 'outreach',
    note: null,
  });
});

test('My time lists the month with totals by kind, and an entry can be changed', async ({
  page,
}) => {
  const note = `Library drop-in ${runToken()}`;
  await signIn(page, DEMO.worker);
  // Another length and a note first, then the kind saves it.
  await page.getByRole('button', { name: 'Log time', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Log time' });
  await dialog.getByRole('button', { name: '1 h', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
  await dialog.getByRole('button', { name: 'Community event', exact: true }).click();
  await expect(dialog).toBeHidden();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My time' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'My time' })).toBeVisible();
  const entry = page
    .getByRole('list', { name: 'Time entries' })
    .getByRole('button')
    .filter({ hasText: note });
  await expect(entry).toContainText('Community event · 1 h');
  await expect(page.getByRole('link', { name: /every entry: see the list$/ })).toBeVisible();

  await entry.click();
  const edit = page.getByRole('dialog', { name: 'Change time entry' });
  await edit.getByRole('spinbutton', { name: 'Minutes' }).fill('75');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Time entries' }).getByRole('button').filter({ hasText: note }),
  ).toContainText('Community event · 1 h 15 min');

  // A total opens the entries of its kind.
  await page.getByRole('link', { name: /community event entries/i }).click();
  await expect(page).toHaveURL(/kind=community_event/);
  await expect(page.getByText(/community event entr/)).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the Log time dialog fits a 360px screen', async ({ page }) => {
    await signIn(page, DEMO.worker);
    await page.getByRole('button', { name: 'Log time', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Log time' });
    await expect(dialog.getByRole('button', { name: 'Outreach', exact: true })).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/log-time-phone.png' });
    await readmeScreenshot(page, 'log-time-phone');
  });
});
