import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, demoIds, signIn } from './support';

/**
 * A user of one team asking for another team's records again and again gets
 * 404 each time (SPEC §1); after 20 in 10 minutes the admin's home page and
 * the administration page say so.
 */
test('an admin sees a warning when someone opens many records of other teams', async ({
  page,
  request,
}) => {
  const { participant } = await demoIds(request, DEMO.worker);
  const signInApi = async (email: string) => {
    const res = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { accessToken: string; user: { teamId: string | null } };
    return { headers: { Authorization: `Bearer ${body.accessToken}` }, teamId: body.user.teamId };
  };
  const northside = await signInApi(DEMO.worker);
  const admin = await signInApi(DEMO.admin);
  const users = await request.get('/api/users?role=worker&active=true&pageSize=100', {
    headers: admin.headers,
  });
  const { items } = (await users.json()) as {
    items: { email: string; displayName: string; teamId: string }[];
  };
  expect(northside.teamId, 'the demo worker’s team').toEqual(expect.any(String));
  const outsider = items.find((u) => u.teamId !== northside.teamId);
  expect(outsider?.teamId, 'a worker of another team in the demo organisation').toEqual(
    expect.any(String),
  );
  const prober = await signInApi(outsider!.email);
  for (let i = 0; i < 20; i++) {
    const res = await request.get(`/api/participants/${participant}`, { headers: prober.headers });
    expect(res.status()).toBe(404);
  }

  await signIn(page, DEMO.admin);
  const warning = page.getByTestId('access-warnings');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Someone is opening other teams’ records');
  await expect(warning).toContainText(outsider!.displayName);
  await expect(warning).toContainText(
    /asked for \d+ records of other teams in the last 10 minutes/,
  );

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByTestId('access-warnings')).toContainText(outsider!.displayName);

  // On a phone the warning fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await page.getByTestId('access-warnings').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});
