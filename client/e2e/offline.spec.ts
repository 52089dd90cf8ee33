import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

/**
 * Saving without a connection: a create is kept on the device with its
 * client id, said so in plain words, and sent once when the connection
 * returns — never lost, never saved twice.
 */

// Each test signs in, goes offline and back, and waits for the sync: on a busy machine that is slow.
test.describe.configure({ timeout: 120_000 });

interface StoredEntry {
  id: string;
  state: string;
  body: Record<string, unknown>;
}

async function apiAs(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** The participant's sessions whose notes hold `token`, read through the API. */
async function sessionsWith(
  request: APIRequestContext,
  headers: Record<string, string>,
  participantId: string,
  token: string,
) {
  const res = await request.get(`/api/sessions?participantId=${participantId}&pageSize=100`, {
    headers,
  });
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; notes: string | null }[] };
  return items.filter((s) => s.notes?.includes(token));
}

/** What the outbox holds on this device (every signed-in person's key). */
function outbox(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('peerpath.outbox.'))
      .flatMap((k) => JSON.parse(localStorage.getItem(k)!) as StoredEntry[]),
  );
}

/**
 * Waits until the forms' code has been fetched (the shell does so once signed in, so that the
 * forms open after the connection drops) and nothing more arrives.
 */
async function formsFetched(page: Page) {
  const count = () =>
    page.evaluate(() => {
      const names = performance.getEntriesByType('resource').map((e) => e.name);
      return [
        'NewSessionPage',
        'NewDecisionNotePage',
        'AdvocacyDialog',
        'HandoutDialog',
        'OutboxDialog',
      ].every((n) => names.some((name) => name.includes(`/assets/${n}-`)))
        ? names.length
        : -1;
    });
  let last = -1;
  await expect
    .poll(async () => {
      const now = await count();
      const settled = now > 0 && now === last;
      last = now;
      return settled;
    })
    .toBe(true);
}

async function openFirstParticipant(page: Page): Promise<string> {
  const caseload = page.getByRole('table', { name: 'Your caseload' });
  const cards = page.getByRole('list', { name: 'Your caseload' });
  // The caseload loads after Today and the figures: wait for it, as a table or as cards.
  await expect(caseload.or(cards)).toBeVisible();
  const first = (await caseload.isVisible())
    ? caseload.getByRole('row').nth(1)
    : cards.getByRole('listitem').first();
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: 'Log one-to-one' })).toBeVisible();
  return page.url().split('/').pop()!;
}

async function logOneToOne(page: Page, notes: string) {
  await page.getByRole('link', { name: 'Log one-to-one' }).click();
  await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
  await page.getByRole('button', { name: 'Save session' }).click();
}

async function serious(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const syncButton = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: /^Saved on this device/ });

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('a one-to-one logged offline is kept on the device, said so, and arrives once when back online', async ({
    page,
    context,
    request,
  }) => {
    const token = runToken();
    await signIn(page, DEMO.worker);
    const participantId = await openFirstParticipant(page);
    const headers = await apiAs(request, DEMO.worker);
    await formsFetched(page);

    await context.setOffline(true);
    await expect(page.getByRole('status').filter({ hasText: "You're offline" })).toBeVisible();
    const notes = `Walked to the library together ${token}; talked about the job fair.`;
    await logOneToOne(page, notes);

    // Back on the person's page at once, told in plain words where the entry is.
    await expect(page).toHaveURL(new RegExp(`/participants/${participantId}$`));
    const banner = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: "Saved on this device — will send when you're back online" });
    await expect(banner).toBeVisible();
    await expect(banner).toBeInViewport();
    await expect(syncButton(page)).toBeVisible();
    const kept = await outbox(page);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.body.id).toBe(kept[0]!.id);
    expect(kept[0]!.body.notes).toBe(notes);
    expect(await sessionsWith(request, headers, participantId, token)).toHaveLength(0);

    await page.screenshot({ path: 'test-results/offline-saved-on-device-360.png' });
    await banner.getByRole('button', { name: 'Open' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saved on this device' });
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('listitem')).toContainText('Waiting to send');
    await expect(dialog.getByRole('listitem')).toContainText('One-to-one mentoring with');
    await page.screenshot({ path: 'test-results/offline-outbox-360.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await context.setOffline(false);
    await expect(page.getByRole('banner').getByRole('button', { name: /^All saved/ })).toBeVisible({
      timeout: 20_000,
    });
    await expect(banner).toBeHidden();
    expect(await outbox(page)).toHaveLength(0);
    const stored = await sessionsWith(request, headers, participantId, token);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(kept[0]!.id);
    // The person's timeline shows it, fetched again.
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(token);
    await page.screenshot({ path: 'test-results/offline-all-saved-360.png' });
  });
});

test('a save whose answer is lost is sent again with its id and stored once', async ({
  page,
  request,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const participantId = await openFirstParticipant(page);
  const headers = await apiAs(request, DEMO.worker);
  // The server gets the first try and stores it; the answer never reaches the page.
  let first = true;
  await page.route('**/api/sessions', async (route) => {
    if (route.request().method() === 'POST' && first) {
      first = false;
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      await route.abort('connectionfailed');
      return;
    }
    await route.continue();
  });
  await logOneToOne(page, `Planned the week ${token}.`);
  await expect(page).toHaveURL(new RegExp(`/participants/${participantId}$`));
  await expect(
    page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /^Saved on this device/ }),
  ).toBeVisible();
  // The retry repeats the id: the server answers with the stored session, writes nothing.
  await expect(page.getByRole('banner').getByRole('button', { name: /^All saved/ })).toBeVisible({
    timeout: 20_000,
  });
  expect(first).toBe(false);
  expect(await sessionsWith(request, headers, participantId, token)).toHaveLength(1);
  expect(await outbox(page)).toHaveLength(0);
});

test('a retry answered 409 is shown with what to do, and can be sent as a new entry', async ({
  page,
  context,
  request,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const participantId = await openFirstParticipant(page);
  const headers = await apiAs(request, DEMO.worker);
  await formsFetched(page);

  await context.setOffline(true);
  const notes = `Practised the phone call to the GP ${token}.`;
  await logOneToOne(page, notes);
  await expect(syncButton(page)).toBeVisible();
  const [kept] = await outbox(page);

  // Meanwhile a session with the same id but other details reached PeerPath.
  const other = await request.post('/api/sessions', {
    headers,
    data: { ...kept!.body, notes: `Someone else's notes ${token}` },
  });
  expect(other.status()).toBe(201);

  await context.setOffline(false);
  const banner = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: "1 entry couldn't be saved — open it" });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole('banner').getByRole('button', { name: /^1 entry couldn't be saved/ }),
  ).toBeVisible();
  const stillKept = await outbox(page);
  expect(stillKept).toHaveLength(1);
  expect(stillKept[0]!.state).toBe('failed');

  await banner.getByRole('button', { name: 'Open' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved on this device' });
  const entry = dialog.getByRole('listitem');
  await expect(entry).toContainText("Couldn't be saved");
  await expect(entry).toContainText('PeerPath already has this entry, with different details');
  // The server's word on the field, beside what was typed.
  await expect(entry.getByText('Differs from the stored record with this id.')).toBeVisible();
  await expect(entry.getByRole('link', { name: 'Open the saved one' })).toHaveAttribute(
    'href',
    `/sessions/${kept!.id}`,
  );
  // Nothing typed is lost: the notes are there to read and correct.
  await expect(entry.getByRole('textbox', { name: 'Notes' })).toHaveValue(notes);
  await page.screenshot({ path: 'test-results/offline-409.png' });
  expect(await serious(page)).toEqual([]);

  // Corrected, then sent as a new record.
  const corrected = `${notes} Booked for Tuesday.`;
  await entry.getByRole('textbox', { name: 'Notes' }).fill(corrected);
  await entry.getByRole('button', { name: 'Send as a new entry' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/All saved/, { timeout: 20_000 });
  const stored = await sessionsWith(request, headers, participantId, token);
  expect(stored).toHaveLength(2);
  expect(stored.find((s) => s.id === kept!.id)!.notes).toBe(`Someone else's notes ${token}`);
  expect(stored.find((s) => s.id !== kept!.id)!.notes).toBe(corrected);
});

test('a refused entry shows the server’s word on the field, keeps what was typed, and can be discarded', async ({
  page,
  context,
  request,
}) => {
  const token = runToken();
  const admin = await apiAs(request, DEMO.admin);
  const created = await request.post('/api/resources', {
    headers: admin,
    data: { name: `Corner Pantry ${token}`, category: 'housing' },
  });
  expect(created.status()).toBe(201);
  const resource = (await created.json()) as { id: string; name: string };

  await signIn(page, DEMO.worker);
  const participantId = await openFirstParticipant(page);
  await formsFetched(page);
  await page.getByRole('button', { name: 'Share a resource' }).click();
  const share = page.getByRole('dialog', { name: /Share a resource with/ });
  await share.getByRole('combobox', { name: 'Resource' }).fill(resource.name);
  await page.getByRole('option', { name: new RegExp(resource.name) }).click();
  const note = `Bring a photo ID and a bag ${token}.`;
  await share.getByRole('textbox', { name: 'Note' }).fill(note);
  // The connection drops before Save.
  await context.setOffline(true);
  await share.getByRole('button', { name: 'Save' }).click();
  await expect(share).toBeHidden();
  await expect(syncButton(page)).toBeVisible();

  // Meanwhile the resource is taken out of the directory.
  const off = await request.patch(`/api/resources/${resource.id}`, {
    headers: admin,
    data: { active: false },
  });
  expect(off.ok()).toBe(true);

  await context.setOffline(false);
  const banner = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: "1 entry couldn't be saved — open it" });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await banner.getByRole('button', { name: 'Open' }).click();
  const entry = page
    .getByRole('dialog', { name: 'Saved on this device' })
    .getByRole('listitem', { name: /^Resource shared:/ });
  await expect(entry).toContainText(`${resource.name} shared with`);
  await expect(entry).toContainText(
    'Resource: This resource is no longer active and cannot be handed out.',
  );
  await expect(entry.getByRole('textbox', { name: 'Note' })).toHaveValue(note);

  await entry.getByRole('button', { name: 'Discard' }).click();
  await page
    .getByRole('dialog', { name: 'Discard this entry?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  const list = page.getByRole('dialog', { name: 'Saved on this device' });
  await expect(list.getByRole('status')).toHaveText(/^All saved/);
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^All saved/ })).toBeVisible();
  expect(await outbox(page)).toHaveLength(0);
  const handouts = await request.get(`/api/handouts?participantId=${participantId}&pageSize=100`, {
    headers: await apiAs(request, DEMO.worker),
  });
  const { items } = (await handouts.json()) as { items: { note: string | null }[] };
  expect(items.filter((h) => h.note?.includes(token))).toHaveLength(0);
});

test('signing out warns about entries not yet sent, and deletes them from the device', async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.worker);
  await openFirstParticipant(page);
  await formsFetched(page);
  await context.setOffline(true);
  await logOneToOne(page, `Not sent yet ${runToken()}.`);
  await expect(syncButton(page)).toBeVisible();

  const signOut = async () => {
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  };
  await signOut();
  const warning = page.getByRole('dialog', { name: '1 entry has not been sent' });
  await expect(warning).toContainText('Signing out deletes it');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  expect(await outbox(page)).toHaveLength(1);

  await signOut();
  await page
    .getByRole('dialog', { name: '1 entry has not been sent' })
    .getByRole('button', { name: 'Delete and sign out' })
    .click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await outbox(page)).toHaveLength(0);
  await expect(page.getByText('Entries saved on this device have not been sent')).toBeHidden();
});

for (const mode of ['light', 'dark'] as const) {
  test(`the sync state and the list of waiting entries have no serious accessibility problems (${mode})`, async ({
    page,
    context,
  }) => {
    await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      'peerpath-color-mode',
      mode,
    ] as const);
    await page.emulateMedia({ colorScheme: mode });
    await signIn(page, DEMO.worker);
    await openFirstParticipant(page);
    await formsFetched(page);
    await context.setOffline(true);
    await expect(page.getByRole('main').getByRole('status').first()).toContainText(
      "You're offline",
    );
    expect(await serious(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add advocacy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'What it is about' })
      .fill(`Call the GP ${runToken()}`);
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await expect(dialog).toBeHidden();
    await expect(syncButton(page)).toBeVisible();
    expect(await serious(page)).toEqual([]);

    // From the keyboard: the app bar's button opens the list.
    await syncButton(page).focus();
    await page.keyboard.press('Enter');
    const outboxList = page.getByRole('dialog', { name: 'Saved on this device' });
    await expect(outboxList.getByRole('listitem')).toContainText('Advocacy action');
    await expect(outboxList.getByRole('listitem')).toContainText('Waiting to send');
    expect(await serious(page)).toEqual([]);
    await page.screenshot({ path: `test-results/offline-outbox-${mode}.png` });
  });
}
