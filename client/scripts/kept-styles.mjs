// The styles each page makes as it first opens, collected from the built app so the server can
// send them in the page's HTML (client/kept-styles.json; scripts/page-preloads.mjs puts them in
// the build, server/src/common/client-pages.ts in each page's HTML).
//
// MUI's components make their CSS in the browser: each new style is turned into rules (stylis)
// and inserted into a style sheet while React commits the page, a step that cannot be split. On
// the caseload at 4× CPU slowdown that was 220 of the 370 ms of commits. A style sent in the HTML
// is named in its `<style data-emotion="css …">` element, so the styles' cache takes it as
// inserted and only makes the styles it does not name. The rules are the ones the app itself
// inserted, as it inserted them, so a page looks the same with or without them; a style that
// has changed since they were collected has a new name and is made as before.
//
// Usage: pnpm kept-styles   (after `pnpm build`; run it again when styles change:
// e2e/kept-styles.spec.ts fails when a page makes most of its styles itself).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { signIn, startApp, SUPERVISOR, WORKER, workersFirstParticipant } from './lighthouse.mjs';
import { KEPT_STYLES_ID } from './page-preloads.mjs';

const OUT = fileURLToPath(new URL('../kept-styles.json', import.meta.url));

/** The pages whose first view is kept: route (as in src/App.tsx), who opens it, and where. */
const PAGES = [
  { route: '/login', as: [null], path: () => '/login' },
  { route: '/', as: [WORKER, SUPERVISOR], path: () => '/' },
  { route: '/participants', as: [WORKER], path: () => '/participants' },
  { route: '/participants/:id', as: [WORKER], path: (c) => `/participants/${c.participantId}` },
  {
    route: '/participants/:id/plan',
    as: [WORKER],
    path: (c) => `/participants/${c.participantId}/plan`,
  },
  { route: '/sessions', as: [WORKER], path: () => '/sessions' },
  { route: '/sessions/new', as: [WORKER], path: () => '/sessions/new' },
  { route: '/groups', as: [WORKER], path: () => '/groups' },
  { route: '/advocacy', as: [WORKER], path: () => '/advocacy' },
  { route: '/resources', as: [WORKER], path: () => '/resources' },
  { route: '/reports', as: [SUPERVISOR], path: () => '/reports' },
  { route: '/notes/cosign', as: [SUPERVISOR], path: () => '/notes/cosign' },
  { route: '/supervision', as: [SUPERVISOR], path: () => '/supervision' },
];

/** A phone and a desktop: the shell's navigation and some layouts differ. */
const WIDTHS = [390, 1280];

/** Rules that could end the style element they are sent in are never kept. */
const unsafe = (rules) => rules.some((r) => r.includes('</'));

/** The pages' HTML as `page` gets it from now on: without their kept styles. */
export async function withoutKeptStyles(page) {
  await page.route(
    (url) => !/^\/(api|assets)\//.test(url.pathname),
    async (route) => {
      const answer = await route.fetch();
      const body = (await answer.text()).replace(
        new RegExp(`<template id="${KEPT_STYLES_ID}">[^]*?</template>`),
        '',
      );
      const headers = { ...answer.headers() };
      delete headers['content-encoding'];
      delete headers['content-length'];
      await route.fulfill({ response: answer, body, headers });
    },
  );
}

async function collect(browser, base, page, as, width, ctx) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  try {
    if (as) {
      const { cookie } = await signIn(base, as);
      const [name, value] = cookie.split('=');
      await context.addCookies([{ name, value, url: base }]);
    }
    await context.addInitScript(() => {
      globalThis.peerpathStyleCapture = {};
    });
    const tab = await context.newPage();
    // The styles are collected from a page without those kept so far.
    await withoutKeptStyles(tab);
    await tab.goto(base + page.path(ctx));
    await tab.getByRole('heading', { level: 1 }).first().waitFor();
    // The page's data and the sections drawn once it has arrived.
    await tab.waitForTimeout(2500);
    return await tab.evaluate(() => globalThis.peerpathStyleCapture);
  } finally {
    await context.close();
  }
}

async function main() {
  const app = await startApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  });
  try {
    const ctx = { participantId: await workersFirstParticipant(app.base) };
    const rules = {};
    const pages = {};
    for (const page of PAGES) {
      const names = [];
      for (const as of page.as) {
        for (const width of WIDTHS) {
          const captured = await collect(browser, app.base, page, as, width, ctx);
          for (const [name, made] of Object.entries(captured)) {
            if (made.length === 0 || unsafe(made)) continue;
            rules[name] ??= made.join('');
            if (!names.includes(name)) names.push(name);
          }
        }
      }
      pages[page.route] = names;
      process.stdout.write(`  ${page.route}: ${names.length} styles\n`);
    }
    const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(OUT, `${JSON.stringify({ pages, rules: sorted }, null, 1)}\n`);
    process.stdout.write(`Written to ${OUT}: ${Object.keys(sorted).length} styles\n`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`kept-styles failed: ${err?.stack ?? err}\n`);
    process.exitCode = 1;
  });
}
