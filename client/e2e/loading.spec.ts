import { expect, test, type Page } from '@playwright/test';
import { SHAPE, SHAPES } from '../src/theme/shapes';
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

/**
 * An answer is drawn a render after it arrives, in a transition that React splits into short
 * slices (`api/deferred.ts`): its placeholder stays until then. Every change to the page is
 * watched, so a moment with neither the placeholder nor the answer would be seen.
 */
test('what is due and the timeline go from placeholder to answer with nothing blank between', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const firstRow = page.getByRole('table', { name: 'Your caseload' }).getByRole('row').nth(1);
  const href = await firstRow.getByRole('link').first().getAttribute('href');
  // A slow phone, so that the transition's slices are many.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  /** Records, after every change to the page, whether `section` shows its placeholder or answer. */
  const watch = (section: string, answer: string) =>
    page.evaluate(
      ([sectionSel, answerSel]) => {
        const states: string[] = [];
        (window as unknown as { states: string[] }).states = states;
        new MutationObserver(() => {
          const s = document.querySelector(sectionSel);
          if (!s) return states.push('gone');
          if (s.querySelector('[aria-busy="true"]')) return states.push('placeholder');
          states.push(s.querySelector(answerSel) ? 'answer' : 'blank');
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      [section, answer],
    );
  const seen = () => page.evaluate(() => (window as unknown as { states: string[] }).states);

  let release = await holdBack(page, /^\/api\/agenda$/);
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Loading what is due…' })).toBeVisible();
  await watch('section[aria-labelledby="today-heading"]', 'article');
  release();
  await expect(page.getByRole('article').first()).toBeVisible();
  let states = await seen();
  expect(states).toContain('answer');
  expect(states).not.toContain('blank');
  expect(states).not.toContain('gone');
  await page.unrouteAll({ behavior: 'wait' });

  release = await holdBack(page, /^\/api\/participants\/[0-9a-f-]{36}\/timeline$/);
  await page.goto(href!);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('status')).toBeVisible();
  await watch('section[aria-labelledby="timeline-heading"]', 'ol');
  release();
  await expect(timeline.getByRole('list').first()).toBeVisible();
  states = await seen();
  expect(states).toContain('answer');
  expect(states).not.toContain('blank');
  expect(states).not.toContain('gone');
});

/**
 * The home page's placeholders, while what is due, the figures and the list are on their way:
 * a few plain elements, each group pulsing as one, not a styled element and an animation for
 * every grey line (51 of each before). They are drawn first on a phone and taken away when the
 * answers come, and each element costs something both times.
 */
test('the home page waits in a few grey shapes that pulse together, the same height as before', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 900 });
  await signIn(page, DEMO.worker);
  const release = await holdBack(page, /^\/api\/(agenda|reports\/caseload|participants)$/);
  await page.goto('/');
  const loadingDue = page.getByRole('status').filter({ hasText: 'Loading what is due…' });
  await expect(loadingDue).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading your figures…' })).toBeVisible();
  const drawn = await page.evaluate(
    (shape) => ({
      shapes: document.querySelectorAll(`.${shape}`).length,
      styled: document.querySelectorAll('.MuiSkeleton-root').length,
      animations: document.getAnimations().length,
      elements: document.querySelector('main')!.querySelectorAll('*').length,
      height: document.documentElement.scrollHeight,
    }),
    SHAPE,
  );
  expect(drawn.styled).toBe(0);
  expect(drawn.shapes).toBeGreaterThan(0);
  expect(drawn.shapes).toBeLessThanOrEqual(20);
  expect(drawn.animations).toBeLessThanOrEqual(6);
  expect(drawn.elements).toBeLessThanOrEqual(90);
  // Three people's cards in "Today", eight figures and the list: as tall as the styled shapes were.
  expect(drawn.height).toBeGreaterThan(2000);
  // The shapes are grey and pulse: each group's opacity changes over time.
  const opacity = () =>
    page.evaluate(
      (shapes) => getComputedStyle(document.querySelector(`.${shapes}`)!).opacity,
      SHAPES,
    );
  const first = await opacity();
  await expect.poll(opacity).not.toBe(first);
  release();
  await expect(loadingDue).toHaveCount(0);
  await expect(page.locator(`.${SHAPE}`)).toHaveCount(0);
});
