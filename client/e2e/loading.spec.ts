import { expect, test, type Page } from '@playwright/test';
import { apiHeaders, DEMO, signIn } from './support';

/** Holds back answers to GET requests whose path matches, until `release` is called. */
async function holdBack(page: Page, path: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => path.test(url.pathname),
    async (route) => {
      if (route.request().method() === 'GET') await released;
      await route.fallback();
    },
  );
  return release;
}

test('pages show skeletons, announced as loading, until their content arrives', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const firstRow = page.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1);
  const href = await firstRow.getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/participants\/[0-9a-f-]{36}$/);

  // A participant's page.
  let release = await holdBack(page, /^\/api\/participants\/[0-9a-f-]{36}$/);
  await page.goto(href!);
  const loadingPerson = page.getByRole('status').filter({ hasText: 'Loading the participant…' });
  await expect(loadingPerson).toBeVisible();
  await expect(loadingPerson).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
  await expect(loadingPerson).toHaveCount(0);
  await page.unrouteAll({ behavior: 'wait' });

  // The resource directory: cards, under the page's heading and filters.
  release = await holdBack(page, /^\/api\/resources$/);
  await page.goto('/resources');
  const loadingDirectory = page.getByRole('status').filter({ hasText: 'Loading the directory…' });
  await expect(loadingDirectory).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Resources' })).toBeVisible();
  release();
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(loadingDirectory).toHaveCount(0);
});

/**
 * On a phone a person's plan and follow-ups stand above the timeline: the page shows once they
 * are known, so that nothing the reader is looking at is pushed down as they arrive.
 */
test('a person’s page does not move under the reader as the plan and follow-ups arrive', async ({
  page,
  request,
}) => {
  const headers = await apiHeaders(request, DEMO.worker);
  // Someone with open follow-ups and a plan in use.
  const open = (await (
    await request.get('/api/handouts?open=true&pageSize=100', { headers })
  ).json()) as { items: { participantId: string }[] };
  let person: string | undefined;
  for (const id of new Set(open.items.map((h) => h.participantId))) {
    const plans = (await (
      await request.get(`/api/participants/${id}/plans`, { headers })
    ).json()) as { items: { status: string; goals: unknown[] }[] };
    if (plans.items.some((p) => p.status === 'active' && p.goals.length > 0)) {
      person = id;
      break;
    }
  }
  expect(person, 'a demo participant with follow-ups and a plan').toEqual(expect.any(String));

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.worker);
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!e.hadRecentInput) w.shifts.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // The plan and the follow-ups come after everything else on the page.
  const releasePlans = await holdBack(page, /^\/api\/participants\/[0-9a-f-]{36}\/plans$/);
  const releaseFollowUps = await holdBack(page, /^\/api\/handouts$/);
  await page.goto(`/participants/${person}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await page.waitForTimeout(1_000);
  releasePlans();
  releaseFollowUps();
  await expect(page.getByRole('region', { name: /^Follow-ups/ })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Recovery plan' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.02);
  await page.unrouteAll({ behavior: 'wait' });
});
