import { expect, test, type Page } from '@playwright/test';
import { DEMO, PASSWORD, addParticipant, runToken, signIn } from './support';

// Times are typed and read in London, whatever the machine's zone (GMT in November).
test.use({ timezoneId: 'Europe/London' });

/** Logs a one-to-one typed as `typed` (digits and letters, section by section); returns its stored `startsAt`. */
async function logOneToOne(page: Page, typed: string, hint: string, firstSection: string) {
  const token = runToken();
  const url = await addParticipant(page, { firstName: 'Dana', lastName: `Okoro${token}` });
  const participantId = url.split('/').pop()!;
  await page.getByRole('link', { name: 'Log one-to-one' }).click();
  const when = page.getByRole('group', { name: 'Date and time' });
  await expect(when).toBeVisible();
  // The format is shown beside the field, not only as a placeholder.
  await expect(page.getByText(`Format ${hint}`, { exact: true })).toBeVisible();
  // Entry follows the locale's order.
  await expect(when.getByRole('spinbutton').first()).toHaveAccessibleName(firstSection);
  await when.getByRole('spinbutton').first().click();
  await page.keyboard.type(typed);
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page).toHaveURL(url);

  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await page.request.get(`/api/sessions?participantId=${participantId}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const { items } = (await res.json()) as { items: { startsAt: string }[] };
  expect(items).toHaveLength(1);
  return items[0]!.startsAt;
}

test('en-GB (the default): dates are typed day first, in 24-hour time, and shown the same way', async ({
  page,
}) => {
  const settings = await page.request.get('/api/settings');
  expect(await settings.json()).toEqual({ locale: 'en-GB' });
  await signIn(page, DEMO.worker);
  // 03/11/2026 20:45 is the 3rd of November, never the 11th of March.
  const startsAt = await logOneToOne(page, '031120262045', 'DD/MM/YYYY HH:mm', 'Day');
  expect(startsAt).toBe('2026-11-03T20:45:00.000Z');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    'Tue 3 Nov 2026, 20:45',
  );
  // Every date picker carries the hint: the participant form's dates too.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit participant' });
  await expect(
    form.getByRole('group', { name: 'Date of birth' }).getByRole('spinbutton').first(),
  ).toHaveAccessibleName('Day');
  await expect(form.getByText('Format DD/MM/YYYY').first()).toBeVisible();
});

test('en-US: month first with AM/PM, shown the same way', async ({ page }) => {
  await page.route('**/api/settings', (route) => route.fulfill({ json: { locale: 'en-US' } }));
  await signIn(page, DEMO.worker);
  const startsAt = await logOneToOne(page, '110320260845P', 'MM/DD/YYYY hh:mm AM/PM', 'Month');
  expect(startsAt).toBe('2026-11-03T20:45:00.000Z');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    'Tue Nov 3, 2026, 8:45 PM',
  );
});

test('es: day first in 24-hour time, shown in Spanish', async ({ page }) => {
  await page.route('**/api/settings', (route) => route.fulfill({ json: { locale: 'es' } }));
  await signIn(page, DEMO.worker);
  const startsAt = await logOneToOne(page, '031120262045', 'DD/MM/YYYY HH:mm', 'Day');
  expect(startsAt).toBe('2026-11-03T20:45:00.000Z');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    '3 de nov de 2026, 20:45',
  );
});

test('a list’s date filter keeps a date typed quickly over the one shown, and clears', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/sessions?from=2026-11-01');
  const from = page.getByRole('group', { name: 'From' });
  await expect(from).toContainText('01/11/2026');
  await from.getByRole('spinbutton', { name: 'Day' }).click();
  // At full speed: the address bar catches up after the keys that follow.
  await page.keyboard.type('01012025');
  await expect(page).toHaveURL(/[?&]from=2025-01-01(&|$)/);
  await expect(from).toContainText('01/01/2025');
  const listed = page.waitForResponse(
    (r) => r.url().includes('/api/sessions?') && r.url().includes('from=2025-01-01'),
  );
  await page.reload();
  expect((await listed).status()).toBe(200);
  await expect(page.getByRole('group', { name: 'From' })).toContainText('01/01/2025');

  // Emptied, the filter goes.
  await page.getByRole('group', { name: 'From' }).getByRole('spinbutton', { name: 'Day' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await expect(page).not.toHaveURL(/from=/);
});
