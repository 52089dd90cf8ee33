import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

test('logging a group: Enter adds only a single match, asks between similar names, and the list closes after each add', async ({
  page,
  request,
}) => {
  const token = runToken();
  const first = `Skyler${token}`;
  // Set-up through the API: two people with the same first name, and one other.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const add = async (body: Record<string, string>) => {
    const res = await request.post('/api/participants', {
      data: body,
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(res.status()).toBe(201);
  };
  await add({ firstName: first, lastName: 'Reed', dateOfBirth: '1990-05-01' });
  await add({ firstName: first, lastName: 'Nguyen', dateOfBirth: '1985-02-02' });
  await add({ firstName: `Quinn${token}`, lastName: 'Lowe' });

  await signIn(page, DEMO.worker);
  await page.goto('/sessions/new');
  const attendees = page.getByRole('combobox', { name: 'Add people who came' });
  const attendance = page.getByRole('list', { name: 'Attendance' });
  await attendees.click();
  await page.keyboard.type(first.toLowerCase().slice(0, -1));
  const options = page.getByRole('option');
  await expect(options).toHaveCount(2);
  // Similar names carry a second detail to tell them apart.
  await expect(
    page.getByRole('option', { name: new RegExp(`${first} Reed.*born 1990`) }),
  ).toBeVisible();
  await expect(
    page.getByRole('option', { name: new RegExp(`${first} Nguyen.*born 1985`) }),
  ).toBeVisible();

  // Enter does not guess: nobody is added, the list stays open and asks.
  await page.keyboard.press('Enter');
  await expect(page.getByText(/2 people match/).first()).toBeVisible();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(attendance).toBeHidden();

  // Choosing with the arrow keys adds that person; the list closes, the rows are in view.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(attendance.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(attendees).toBeFocused();
  await expect(attendance.getByRole('group', { name: /^Attendance for / })).toBeInViewport();

  // A name only one person matches is added with Enter straight away.
  await page.keyboard.type(`quinn${token}`);
  await expect(page.getByRole('option', { name: `Quinn${token} Lowe` })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(attendance.getByRole('listitem')).toHaveCount(2);
  await expect(attendance).toContainText(`Quinn${token} Lowe`);
  await expect(page.getByRole('listbox')).toBeHidden();
});
