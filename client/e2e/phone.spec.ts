import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, demoIds, readmeScreenshot, signIn, signOut } from './support';

const WIDTH = 390;

/**
 * Opens a page on a 390 px phone, waits for `ready`, and expects no sideways
 * scrolling and the page's main action on screen horizontally and usable.
 */
async function check(page: Page, path: string, ready: Locator, action: Locator) {
  await page.goto(path);
  await expect(ready, path).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  const overflow = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    // The widest elements, to say what overflows when something does.
    const wide = [...document.querySelectorAll<HTMLElement>('main *, header *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    return { scrollWidth: doc.scrollWidth, wide };
  });
  expect(
    overflow.scrollWidth,
    `${path} scrolls sideways: ${overflow.wide.join(', ')}`,
  ).toBeLessThanOrEqual(WIDTH + 1);
  await action.scrollIntoViewIfNeeded();
  await expect(action, path).toBeVisible();
  await expect(action, path).toBeEnabled();
  const box = await action.boundingBox();
  expect(box, path).not.toBeNull();
  expect(box!.x, path).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, path).toBeLessThanOrEqual(WIDTH);
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: WIDTH, height: 844 } });

  test('every page fits a 390 px phone, with its main action on screen', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const ids = await demoIds(request, DEMO.supervisor);
    const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
    const button = (name: string | RegExp) => page.getByRole('button', { name }).first();
    const link = (name: string | RegExp) => page.getByRole('link', { name }).first();

    await check(page, '/login', h1('Sign in'), button('Sign in'));
    await signIn(page, DEMO.supervisor);

    await check(
      page,
      '/',
      page.getByRole('list', { name: 'Your caseload' }).getByRole('listitem').first(),
      link('Log a session'),
    );
    await check(
      page,
      '/participants',
      page.getByRole('list', { name: 'Participants' }).getByRole('listitem').first(),
      link('Add participant'),
    );
    await check(
      page,
      `/participants/${ids.participant}`,
      page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first(),
      link('Log one-to-one'),
    );
    await check(page, '/participants/new', h1('Add participant'), button('Save participant'));
    await check(
      page,
      '/sessions',
      page.getByRole('list', { name: 'Sessions' }).getByRole('listitem').first(),
      link('Log a session'),
    );
    await check(
      page,
      '/sessions/new',
      page.getByRole('combobox', { name: 'Add people who came' }),
      button('Save session'),
    );
    await check(page, `/sessions/${ids.session}`, h1(/.+/), button('Edit session'));
    await check(
      page,
      `/sessions/new?participantId=${ids.participant}`,
      h1(/^Log a one-to-one with/),
      button('Save session'),
    );
    await check(
      page,
      '/advocacy',
      page.getByRole('list', { name: 'Advocacy actions' }).getByRole('listitem').first(),
      button('New advocacy action'),
    );
    await check(
      page,
      '/resources',
      page.getByRole('article').first(),
      button(/^Share .+ with someone$/),
    );
    await check(
      page,
      `/decision-notes/new?participantId=${ids.participant}`,
      page.getByRole('form', { name: 'New decision note' }),
      button('Save decision note'),
    );
    await check(
      page,
      `/decision-notes/${ids.decisionNote}`,
      page.getByRole('article', { name: 'Copy for the participant' }),
      button('Print'),
    );
    await check(
      page,
      '/reports',
      page.getByRole('table', { name: 'Sessions by type' }),
      button('CSV'),
    );
    await check(page, '/no-such-page', h1('Page not found'), link('Go to your caseload'));

    await signOut(page);
    await signIn(page, DEMO.admin);
    await check(
      page,
      '/admin',
      page.getByRole('list', { name: 'Users' }).getByRole('listitem').first(),
      button('Create user'),
    );
    await readmeScreenshot(page, 'phone-admin');
  });
});

test('on a wide screen the navigation runs the whole length of a long page, its links in view', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.goto('/reports');
  await expect(page.getByRole('table', { name: 'Sessions by type' })).toBeVisible();
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeGreaterThan(page.viewportSize()!.height * 1.5);
  const drawer = await page.locator('#main-navigation').boundingBox();
  expect(drawer!.height).toBeGreaterThanOrEqual(pageHeight - 1);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' }),
  ).toBeInViewport();
});
