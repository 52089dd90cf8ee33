import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO, PASSWORD } from './support';

/**
 * Login CSRF (SPEC §4): a page on another origin makes the browser post a
 * sign-in form to PeerPath with the attacker's credentials. The browser must
 * not end up signed in (the app answers 415 and sets no cookie).
 */
let foreign: Server;
let foreignOrigin: string;

/** The attacker's page: posts their credentials to PeerPath as soon as it opens. */
function attackPage(appOrigin: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>You have won</title></head>
<body>
  <form id="f" method="POST" action="${appOrigin}/api/auth/login">
    <input type="hidden" name="email" value="${DEMO.worker}">
    <input type="hidden" name="password" value="${PASSWORD}">
  </form>
  <script>document.getElementById('f').submit();</script>
</body></html>`;
}

test.beforeAll(async ({ baseURL }) => {
  const appOrigin = new URL(baseURL!).origin;
  foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(appOrigin));
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => foreign.close(resolve));
});

test('a form posted from another origin does not sign the browser in', async ({
  page,
  context,
  baseURL,
}) => {
  const posted = page.waitForResponse(
    (r) =>
      r.url() === `${new URL(baseURL!).origin}/api/auth/login` && r.request().method() === 'POST',
  );
  await page.goto(`${foreignOrigin}/prize`);
  const answer = await posted;
  expect(answer.status()).toBe(415);
  expect(await answer.headerValue('set-cookie')).toBeNull();

  // No refresh cookie for the app, so no session the app could pick up.
  const cookies = await context.cookies(baseURL!);
  expect(cookies.map((c) => c.name)).not.toContain('pp_refresh');

  // Opening the app asks the person to sign in; the API agrees there is no session.
  const warnings: string[] = [];
  page.on('console', (m) => warnings.push(m.text()));
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const statuses = await page.evaluate(async () => {
    const refresh = await fetch('/api/auth/refresh', { method: 'POST' });
    const me = await fetch('/api/auth/me');
    return { refresh: refresh.status, me: me.status };
  });
  expect(statuses).toEqual({ refresh: 401, me: 401 });
  // The Permissions-Policy header names only features the browser knows.
  expect(warnings.filter((w) => /permissions.policy/i.test(w))).toEqual([]);
});
