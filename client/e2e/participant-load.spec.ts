import { expect, test } from '@playwright/test';
import { DEMO, apiHeaders, signIn } from './support';

/** A demo participant of the worker's with a plan in use (so the Crisis plan button shows). */
async function personWithPlan(request: Parameters<typeof apiHeaders>[0]) {
  const headers = await apiHeaders(request, DEMO.worker);
  const list = await request.get('/api/participants?status=active&pageSize=100', { headers });
  const { items } = (await list.json()) as {
    items: { id: string }[];
  };
  for (const p of items) {
    const plans = await request.get(`/api/participants/${p.id}/plans?pageSize=100`, { headers });
    const { items: found } = (await plans.json()) as { items: { status: string }[] };
    if (found.some((plan) => plan.status === 'active')) return p;
  }
  throw new Error('no demo participant of the worker has a plan in use');
}

/**
 * A person's page draws without the code of its dialogs (the crisis plan, voiding a measure,
 * a consent's printable copy): on a phone that is a sixth less script before the page shows.
 * The crisis plan's is fetched a little after the page has loaded, with the other forms kept
 * for a dropped connection, so it still opens offline.
 */
test('a person’s page draws without its dialogs’ code, and the crisis plan opens offline', async ({
  page,
  context,
  request,
}) => {
  const person = await personWithPlan(request);
  await signIn(page, DEMO.worker);
  const scripts: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path);
  });
  const crisisCode = page.waitForResponse(
    (r) => /^\/assets\/CrisisPlanDialog-[^/]+\.js$/.test(new URL(r.url()).pathname),
    { timeout: 30_000 },
  );
  await page.goto(`/participants/${person.id}`);
  await expect(page.getByRole('heading', { name: 'Outcome measures' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Consents and sharing' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  const dialogs = /\/(CrisisPlanDialog|VoidMeasurementDialog|ConsentFormCopy)-/;
  expect(scripts.filter((s) => dialogs.test(s))).toEqual([]);

  // Fetched once the page has loaded, a few seconds later.
  expect((await crisisCode).ok()).toBe(true);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Crisis plan' }).click();
  await expect(page.getByRole('dialog', { name: /’s crisis plan$/ })).toBeVisible();
  await context.setOffline(false);
});
