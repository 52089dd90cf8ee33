import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Agenda } from '@peerpath/shared';
import { DEMO, PASSWORD, signIn } from './support';

/** GET through the API as a demo user. */
async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken, user } = (await login.json()) as {
    accessToken: string;
    user: { id: string };
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await request.get(`/api/${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };
  return { get, id: user.id };
}

test.describe.configure({ timeout: 120_000 });

test('a worker’s “Today” lists what is due by person, overdue in words, each item opening where it is done', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.worker);
  const today = page.getByRole('region', { name: /^Today/ });
  await expect(today).toBeVisible();

  // What the page shows is the caller's agenda, person by person.
  const agenda = await (await apiAs(request, DEMO.worker)).get<Agenda>('agenda');
  expect(agenda.items.length).toBeGreaterThan(0);
  const overdue = agenda.items.filter((i) => i.dueOn < agenda.date).length;
  await expect(today).toContainText(
    `${agenda.items.length} thing${agenda.items.length === 1 ? '' : 's'} to do for you` +
      (overdue ? `, ${overdue} overdue.` : '.'),
  );
  const first = agenda.items[0];
  const person = today.getByRole('article', {
    name: first.participantName ?? 'Not about one person',
  });
  await expect(person).toBeVisible();
  const link = person.getByRole('link', { name: new RegExp(escape(first.title)) }).first();
  await expect(link).toBeVisible();
  if (first.dueOn < agenda.date) await expect(link).toContainText(/Overdue by \d+ days?/);
  else await expect(link).toContainText('Due today');

  // Big enough to tap, and the page does not scroll sideways on a phone.
  const box = await link.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(48);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );

  // A person with more than three things: the rest are one tap away.
  const byPerson = new Map<string, number>();
  for (const i of agenda.items) {
    const key = i.participantName ?? 'Not about one person';
    byPerson.set(key, (byPerson.get(key) ?? 0) + 1);
  }
  const busy = [...byPerson].slice(0, 5).find(([, n]) => n > 3);
  if (busy) {
    const [name, n] = busy;
    const article = today.getByRole('article', { name });
    await expect(article.locator('a.MuiListItemButton-root')).toHaveCount(3);
    await article.getByRole('button', { name: `${n - 3} more for ${name}` }).click();
    await expect(article.locator('a.MuiListItemButton-root')).toHaveCount(n);
  }

  await page.screenshot({ path: 'test-results/agenda-390.png' });
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${escape(first.link)}$`));
});

test('a supervisor picks a worker of the team and sees their day', async ({ page, request }) => {
  await signIn(page, DEMO.supervisor);
  const today = page.getByRole('region', { name: /^Today/ });
  await expect(today).toBeVisible();
  await today.getByRole('combobox', { name: 'Whose day' }).click();
  await page.getByRole('option', { name: /^Alex Rivera$/ }).click();
  await expect(today).toContainText(/to do for Alex Rivera|Nothing due for Alex Rivera/);
  const alex = await apiAs(request, DEMO.worker);
  const agenda = await (
    await apiAs(request, DEMO.supervisor)
  ).get<Agenda>(`agenda?workerId=${alex.id}`);
  const people = new Set(agenda.items.map((i) => i.participantId ?? i.participantName));
  await expect(today.getByRole('article')).toHaveCount(Math.min(people.size, 5));
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
