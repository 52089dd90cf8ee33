import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn, signOut } from './support';

test('a supervisor sees when each worker was last supervised and logs a supervision; the worker reads it', async ({
  page,
  request,
}) => {
  const topic = `Celebrated the first month of the library drop-in ${runToken()}`;
  await signIn(page, DEMO.supervisor);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Supervision' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision' })).toBeVisible();
  const workers = page.getByRole('list', { name: 'Workers and their last supervision' });
  // The demo team has someone not seen for over four weeks.
  await expect(workers.getByText('Over 4 weeks')).toBeVisible();
  await workers.getByRole('button', { name: 'Log supervision with Alex Rivera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log supervision' });
  await expect(dialog.getByRole('combobox', { name: 'Worker' })).toHaveText('Alex Rivera');
  await dialog.getByRole('textbox', { name: 'What you talked about (optional)' }).fill(topic);
  await dialog.getByRole('textbox', { name: 'Next steps (optional)' }).fill('Share the flyer');
  await dialog.getByRole('button', { name: 'Save supervision' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    workers.getByRole('link', { name: 'Alex Rivera: Today. Show their supervision' }),
  ).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Supervision records' }).getByText(topic),
  ).toBeVisible();

  // Stored as the supervisor's record of Alex, today, 60 minutes one to one.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken, user } = (await login.json()) as {
    accessToken: string;
    user: { id: string };
  };
  const res = await request.get('/api/supervisions?pageSize=100', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await res.json()) as {
    items: { workerId: string; topics: string | null; minutes: number; format: string }[];
  };
  expect(items.every((s) => s.workerId === user.id)).toBe(true);
  expect(items.filter((s) => s.topics === topic)).toEqual([
    expect.objectContaining({ minutes: 60, format: 'individual', workerId: user.id }),
  ]);

  // Alex reads it on their own page, with no view of colleagues.
  await signOut(page);
  await signIn(page, DEMO.worker);
  await page.goto('/supervision');
  await expect(
    page.getByRole('list', { name: 'Supervision records' }).getByText(topic),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Workers and their last supervision' })).toHaveCount(
    0,
  );
});
