import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { withoutKeptStyles } from '../scripts/kept-styles.mjs';
import { KEPT_STYLE_ELEMENT_BYTES } from '../scripts/page-preloads.mjs';
import { SHAPE } from '../src/theme/shapes';
import { DEMO, signIn } from './support';

/**
 * Each page's HTML carries the styles its first view makes (kept-styles.json, collected by
 * scripts/kept-styles.mjs), named for the styles' cache, so the page makes only the rest while
 * React commits it. Run `pnpm kept-styles` after `pnpm build` when styles change.
 */

const KEPT_FILE = fileURLToPath(new URL('../kept-styles.json', import.meta.url));

/** The rules the server sent with the page, and those the page made itself while it ran. */
async function styleRules(page: Page) {
  return page.evaluate(() => {
    const count = (selector: string) =>
      [...document.querySelectorAll<HTMLStyleElement>(selector)].reduce(
        (n, el) => n + (el.sheet?.cssRules.length ?? 0),
        0,
      );
    const kept = [...document.querySelectorAll('style[data-emotion^="css "]')];
    return {
      keptNames: kept.reduce(
        (n, el) => n + (el.getAttribute('data-emotion') ?? '').split(' ').length - 1,
        0,
      ),
      kept: count('style[data-emotion^="css "]'),
      made: count('style[data-emotion="css"]'),
    };
  });
}

/** The page opened afresh, its data arrived and its placeholders gone. */
async function openLoaded(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator(`.${SHAPE}`)).toHaveCount(0);
  await expect(page.getByText('Opening PeerPath…')).toHaveCount(0);
}

test.describe('kept styles', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a worker’s caseload, log-session and participants pages arrive with the styles they show', async ({
    page,
  }) => {
    await signIn(page, DEMO.worker);
    for (const path of ['/', '/sessions/new', '/participants']) {
      await openLoaded(page, path);
      const rules = await styleRules(page);
      expect(rules.keptNames, `${path}: styles named in the HTML`).toBeGreaterThan(50);
      // A few styles may depend on the data; most of the first view's must have been sent.
      expect(
        rules.made,
        `${path} made ${rules.made} rules itself beside ${rules.kept} sent: run pnpm kept-styles after pnpm build`,
      ).toBeLessThanOrEqual(Math.ceil((rules.kept + rules.made) * 0.05));
    }
  });

  test('a page’s kept styles are read as CSS after its first paint, a piece at a time, while the app’s code downloads', async ({
    page,
  }) => {
    // What the document holds at the first frame after its head has been read.
    await page.addInitScript(() => {
      const look = () => {
        if (!document.body) return void requestAnimationFrame(look);
        const template = document.querySelector<HTMLTemplateElement>('template#kept-styles');
        (globalThis as { firstFrame?: object }).firstFrame = {
          keptInHead: document.querySelectorAll('style[data-emotion^="css "]').length,
          pieces: [...(template?.content.children ?? [])].map((style) => ({
            names: (style.getAttribute('data-emotion') ?? '').split(' ').length - 1,
            bytes: style.textContent?.length ?? 0,
          })),
        };
      };
      requestAnimationFrame(look);
    });
    await signIn(page, DEMO.worker);
    // The page as a phone shows it while the app's code is still on its way.
    const entry = /\/assets\/index-[^/]+\.js$/;
    await page.route(entry, (route) => route.abort());
    await page.goto('/sessions/new');
    await expect(page.getByText('Opening PeerPath…')).toBeVisible();
    const first = await page.evaluate(
      () =>
        (globalThis as { firstFrame?: unknown }).firstFrame as {
          keptInHead: number;
          pieces: { names: number; bytes: number }[];
        },
    );
    expect(first.keptInHead, 'kept styles read before the first paint').toBe(0);
    expect(first.pieces.reduce((n, p) => n + p.names, 0)).toBeGreaterThan(50);
    expect(first.pieces.length).toBeGreaterThan(1);
    for (const piece of first.pieces.filter((p) => p.names > 1)) {
      expect(piece.bytes).toBeLessThanOrEqual(KEPT_STYLE_ELEMENT_BYTES);
    }
    // Without the app, the page's start script puts every piece in the head, in turn.
    await expect
      .poll(() => page.locator('style[data-emotion^="css "]').count())
      .toBe(first.pieces.length);

    await page.unroute(entry);
    await openLoaded(page, '/sessions/new');
    expect(await page.locator('template#kept-styles').count()).toBe(0);
    expect((await styleRules(page)).keptNames).toBe(first.pieces.reduce((n, p) => n + p.names, 0));
  });

  test('the kept rules are the rules the page makes itself when its HTML has none', async ({
    page,
  }) => {
    const kept = JSON.parse(readFileSync(KEPT_FILE, 'utf8')) as { rules: Record<string, string> };
    // Each style the page inserts, by name, as the styles' cache inserts it (src/theme/emotionCache.ts).
    await page.addInitScript(() => {
      (globalThis as { peerpathStyleCapture?: object }).peerpathStyleCapture = {};
    });
    await signIn(page, DEMO.worker);
    // The pages' HTML without their kept styles.
    await withoutKeptStyles(page);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/', '/sessions/new']) {
        await openLoaded(page, path);
        expect((await styleRules(page)).keptNames).toBe(0);
        const made = await page.evaluate(
          () =>
            (globalThis as { peerpathStyleCapture?: Record<string, string[]> })
              .peerpathStyleCapture ?? {},
        );
        const names = Object.keys(made).filter((name) => made[name].length > 0);
        expect(names.length, `${path} at ${width} px`).toBeGreaterThan(50);
        const differ = names.filter((n) => n in kept.rules && kept.rules[n] !== made[n].join(''));
        expect(differ, `${path} at ${width} px`).toEqual([]);
        expect(names.filter((n) => n in kept.rules).length).toBeGreaterThan(names.length * 0.9);
      }
    }
  });
});
