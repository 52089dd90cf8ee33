import { expect, test, type Page, type Route } from '@playwright/test';
import { DEMO, signIn } from './support';

/**
 * Holds the script files whose path matches until `release` is called (or 10 s pass), and
 * tells whether the browser has been sent one yet.
 */
async function hold(page: Page, file: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const state = { asked: false, sent: false, release };
  await page.route(
    (url) => file.test(url.pathname),
    async (route: Route) => {
      state.asked = true;
      await Promise.race([released, new Promise((r) => setTimeout(r, 10_000))]);
      state.sent = true;
      await route.continue();
    },
  );
  return state;
}

/** The API requests the page makes (from when `counting` says so), by path and query, in order. */
function apiRequests(page: Page, counting: () => boolean = () => true) {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && counting())
      seen.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

/**
 * The session (from the refresh cookie) and the organisation's settings are asked for by the
 * first script of the page's HTML, while the app's code downloads: on a phone that code takes
 * seconds, and the app asking for them only after it had arrived put a round trip before every
 * page. The app then takes those answers instead of asking again.
 */
test('the session and the settings are asked for while the app’s code is on its way', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  const entry = await hold(page, /^\/assets\/index-[^/]+\.js$/);
  // The signed-in page may still be asking for its data as the new one is opened: only the
  // new document's requests count, from the moment it is committed.
  let committed = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) committed = true;
  });
  const seen = apiRequests(page, () => committed);
  const whileHeld: string[] = [];
  page.on('request', (request) => {
    if (committed && new URL(request.url()).pathname.startsWith('/api/') && !entry.sent) {
      whileHeld.push(new URL(request.url()).pathname);
    }
  });
  const goto = page.goto('/');
  await expect.poll(() => entry.asked).toBe(true);
  await expect.poll(() => [...whileHeld].sort()).toEqual(['/api/auth/refresh', '/api/settings']);
  expect(entry.sent).toBe(false);
  await expect(page.getByText('Opening PeerPath…')).toBeVisible();
  entry.release();
  await goto;

  await expect(page.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
  // One of each: the app used the answers it found rather than asking again.
  expect(seen.filter((r) => r === 'POST /api/auth/refresh')).toHaveLength(1);
  expect(seen.filter((r) => r === 'GET /api/settings')).toHaveLength(1);
});

/**
 * The first read of a page's local storage waits while the browser loads it. The app's first
 * render reads it (the colour mode, the outbox), so the start script reads it first, while the
 * app's code downloads.
 */
test('the page’s local storage is read while the app’s code is on its way', async ({ page }) => {
  await page.addInitScript(() => {
    const reads: string[] = [];
    (globalThis as { storageReads?: string[] }).storageReads = reads;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      reads.push(key);
      return getItem.call(this, key);
    };
  });
  await signIn(page, DEMO.worker);
  const entry = await hold(page, /^\/assets\/index-[^/]+\.js$/);
  const goto = page.goto('/');
  await expect.poll(() => entry.asked).toBe(true);
  await expect(page.getByText('Opening PeerPath…')).toBeVisible();
  const reads = () =>
    page.evaluate(() => (globalThis as { storageReads?: string[] }).storageReads?.length ?? 0);
  await expect.poll(reads).toBeGreaterThan(0);
  expect(entry.sent).toBe(false);
  entry.release();
  await goto;
  await expect(page.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
});

test('a page opened with no session still goes to the sign-in page, asked once', async ({
  page,
}) => {
  const seen = apiRequests(page);
  await page.goto('/participants');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect(seen.filter((r) => r === 'POST /api/auth/refresh')).toHaveLength(1);
});

/**
 * Logging a session: the heading and the form's placeholder are drawn before the form's own
 * file (its pickers and their date library) has arrived, and the names the attendance field
 * matches are asked for meanwhile, so the form works as soon as its code is there.
 */
test('log a session: the heading first, the names asked for while the form’s code arrives', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  // Away from the caseload signing in opened, so what follows is the new page's alone.
  await page.goto('about:blank');
  const form = await hold(page, /^\/assets\/SessionForm-[^/]+\.js$/);
  const seen = apiRequests(page);
  await page.goto('/sessions/new');

  await expect(page.getByRole('heading', { name: 'Log a session' })).toBeVisible();
  await expect(
    page.getByText('Add the people who came first: type a name and press Enter for each.'),
  ).toBeVisible();
  await expect.poll(() => form.asked).toBe(true);
  await expect
    .poll(() => seen.filter((r) => r.startsWith('GET /api/participants?')).sort())
    .toEqual([
      'GET /api/participants?pageSize=100',
      'GET /api/participants?status=active&pageSize=100',
    ]);
  expect(form.sent).toBe(false);
  await expect(page.getByRole('combobox', { name: 'Add people who came' })).toHaveCount(0);

  form.release();
  const field = page.getByRole('combobox', { name: 'Add people who came' });
  await expect(field).toBeFocused();
  await field.fill('a');
  await expect(page.getByRole('option').first()).toBeVisible();
  // The form read the names asked for before it arrived: no list was asked for twice.
  const lists = seen.filter((r) => r.startsWith('GET /api/participants?'));
  expect(lists).toEqual([...new Set(lists)]);
});

/**
 * A page's queries subscribe in the one task that runs its effects as it first draws. Each asks
 * the network from a task of its own, so that task stays short on a slow phone. Every call of
 * `fetch` is given the task it was made in (a mark that the next microtask checkpoint clears);
 * two requests started in one task share a mark.
 */
test('the home page starts each of its requests in a task of its own', async ({ page }) => {
  await signIn(page, DEMO.worker);
  await page.addInitScript(() => {
    const w = window as unknown as { started: { path: string; task: number }[] };
    w.started = [];
    let task = 0;
    let current: number | null = null;
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (current === null) {
        current = ++task;
        queueMicrotask(() => (current = null));
      }
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/auth/'))
        w.started.push({ path: url.pathname, task: current });
      return original(input, init);
    };
  });
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Your caseload' }).getByRole('row')).not.toHaveCount(
    0,
  );
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  const started = await page.evaluate(
    () => (window as unknown as { started: { path: string; task: number }[] }).started,
  );
  const paths = started.map((s) => s.path);
  expect(paths).toEqual(
    expect.arrayContaining(['/api/agenda', '/api/reports/caseload', '/api/participants']),
  );
  expect(new Set(started.map((s) => s.task)).size, JSON.stringify(started)).toBe(started.length);
});
