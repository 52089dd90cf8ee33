import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, signIn } from './support';

test('a worker adds PeerPath to their phone calendar: counts, no names; a new address ends the old', async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.worker);
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Add PeerPath to my phone calendar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add PeerPath to my phone calendar' });
  await dialog.getByRole('button', { name: 'Get my calendar address' }).click();
  const address = dialog.getByRole('textbox', { name: 'Your calendar address' });
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const first = await address.inputValue();
  await expect(dialog.getByRole('button', { name: 'Copy address' })).toBeVisible();

  // Read without signing in, as a phone does.
  const feed = await request.get(new URL(first).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/SUMMARY:\d+ [a-z]/);

  // None of the demo team's people is named in it.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const people = await request.get('/api/participants?pageSize=100', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await people.json()) as {
    items: { firstName: string; lastName: string; id: string }[];
  };
  expect(items.length).toBeGreaterThan(5);
  for (const p of items) {
    expect(ics).not.toContain(p.lastName);
    expect(ics).not.toContain(p.id);
  }

  await dialog.getByRole('button', { name: 'Make a new address' }).click();
  await expect(address).not.toHaveValue(first);
  await expect(dialog.getByText('the old one has stopped working')).toBeVisible();
  expect((await request.get(new URL(first).pathname)).status()).toBe(404);
  expect((await request.get(new URL(await address.inputValue()).pathname)).status()).toBe(200);
});
