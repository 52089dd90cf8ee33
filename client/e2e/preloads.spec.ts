import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

const PRELOAD = /<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+)">\s*/g;
const preloads = (html: string) => [...html.matchAll(PRELOAD)].map((m) => m[1]);

/**
 * A first visit to a page names in its HTML the script files the page needs (the app, the shell
 * and the page), so a phone fetches them beside the entry rather than in waves. Each file named
 * must be one the page loads anyway: the page is opened with the names taken out of its HTML,
 * and every named file must be among the scripts it then fetched by itself.
 */
for (const [who, path, chunk] of [
  [DEMO.worker, '/', 'CaseloadPage'],
  [DEMO.worker, '/sessions/new', 'NewSessionPage'],
  [DEMO.supervisor, '/reports', 'ReportsPage'],
] as const) {
  test(`${path}: its HTML names the scripts the page loads, and no others`, async ({
    page,
    context,
  }) => {
    await signIn(page, who);
    const entry = preloads(await (await context.request.get('/index.html')).text());
    expect(entry.length).toBeGreaterThan(0);

    let named: string[] = [];
    let html = '';
    await page.route(
      (url) => url.pathname === path,
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.fallback();
        const response = await route.fetch();
        html = await response.text();
        named = preloads(html).filter((file) => !entry.includes(file));
        // The page as it was before its HTML named its files: each is fetched when imported.
        const without = html.replace(PRELOAD, (link, file: string) =>
          named.includes(file) ? '' : link,
        );
        await route.fulfill({ response, body: without });
      },
    );
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(html).toContain('Opening PeerPath…');
    expect({ path, page: named.some((f) => f.startsWith(`/assets/${chunk}-`)) }).toEqual({
      path,
      page: true,
    });
    expect(named.some((f) => f.startsWith('/assets/App-'))).toBe(true);

    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/assets/')),
    );
    expect({ path, unused: named.filter((file) => !loaded.includes(file)) }).toEqual({
      path,
      unused: [],
    });
  });
}
