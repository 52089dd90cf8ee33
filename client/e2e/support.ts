import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const PASSWORD = 'walk-alongside-2026';

export const DEMO = {
  admin: 'admin@peerpath.example',
  supervisor: 'maya.okafor@northside.example',
  worker: 'alex.rivera@northside.example',
  otherWorker: 'jordan.blake@northside.example',
} as const;

/**
 * A README screenshot of the page as it is now (client/e2e/screenshots/NAME.png). Only
 * `pnpm screenshots` writes them (PEERPATH_SCREENSHOTS=1); a test run leaves the tracked
 * images alone.
 */
export async function readmeScreenshot(page: Page, name: string) {
  if (process.env.PEERPATH_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** A short token that makes names created by this run unique. */
export function runToken(): string {
  return Math.random().toString(36).slice(2, 7);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeVisible();
}

/**
 * The script files the sign-in page and a worker's caseload, log-session form and participants
 * list load, each with its text as served (fetched again: a page's own responses are gone once
 * it navigates away).
 */
export async function scriptsOfWorkerPages(page: Page): Promise<Map<string, string>> {
  const files = new Set<string>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) files.add(pathname);
  });
  await signIn(page, DEMO.worker);
  for (const path of ['/', '/sessions/new', '/participants']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  const scripts = new Map<string, string>();
  for (const file of files) scripts.set(file, await (await page.request.get(file)).text());
  return scripts;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Enrols a participant through the form; returns their page's URL. */
export async function addParticipant(
  page: Page,
  p: { firstName: string; lastName: string; preferredName?: string; pronouns?: string },
): Promise<string> {
  // Inside the app, move as a person would (no full page load); else open the form directly.
  const nav = page.getByRole('navigation', { name: 'Main' });
  if (await nav.isVisible()) {
    await nav.getByRole('link', { name: 'Participants' }).click();
    await page.getByRole('link', { name: 'Add participant' }).click();
  } else {
    await page.goto('/participants/new');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Add participant' })).toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill(p.firstName);
  await page.getByRole('textbox', { name: 'Last name' }).fill(p.lastName);
  if (p.preferredName)
    await page.getByRole('textbox', { name: 'Preferred name' }).fill(p.preferredName);
  if (p.pronouns) await page.getByRole('textbox', { name: 'Pronouns' }).fill(p.pronouns);
  await page.getByRole('button', { name: 'Save participant' }).click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${p.preferredName ?? p.firstName} ${p.lastName}`,
  );
  return page.url();
}

/**
 * Counts what a person does: a click, a key press, or typing a name and
 * pressing Enter (one interaction, as the brief counts it).
 */
export class Interactions {
  count = 0;
  constructor(private readonly page: Page) {}

  async click(locator: Locator) {
    this.count += 1;
    await locator.click();
  }

  async press(key: string) {
    this.count += 1;
    await this.page.keyboard.press(key);
  }

  /** Types into whatever has focus, waits for `option` to be offered, then presses Enter. */
  async typeAndEnter(text: string, option: Locator) {
    this.count += 1;
    await this.page.keyboard.type(text);
    await expect(option).toBeVisible();
    await this.page.keyboard.press('Enter');
  }
}

/** Signs in through the API: the headers of requests made as the given user. */
export async function apiHeaders(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** Ids of a few demo records, read through the API as the given user. */
export async function demoIds(request: APIRequestContext, email: string) {
  const headers = await apiHeaders(request, email);
  const first = async (path: string) => {
    const res = await request.get(`/api/${path}`, { headers });
    expect(res.ok(), path).toBe(true);
    const { items } = (await res.json()) as { items: { id: string }[] };
    expect(items.length, path).toBeGreaterThan(0);
    return items[0]!.id;
  };
  return {
    participant: await first('participants?status=active&pageSize=1'),
    session: await first('sessions?pageSize=1'),
    decisionNote: await first('decision-notes?pageSize=1'),
  };
}
