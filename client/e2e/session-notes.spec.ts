import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn, signOut } from './support';

async function token(request: APIRequestContext, email: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function call(
  request: APIRequestContext,
  auth: string,
  method: 'post' | 'patch' | 'get',
  url: string,
  data?: object,
) {
  const res = await request[method](url, { data, headers: { Authorization: `Bearer ${auth}` } });
  expect(res.ok(), `${method} ${url}: ${res.status()}`).toBe(true);
  return (await res.json()) as Record<string, unknown> & { id: string };
}

test('the facilitator writes each attendee’s note from one screen, signs it, and a supervisor co-signs', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const tag = runToken();
  const worker = await token(request, DEMO.worker);
  const admin = await token(request, DEMO.admin);
  const me = await call(request, worker, 'get', '/api/auth/me');
  // This worker's notes wait for a supervisor's co-signature.
  await call(request, admin, 'patch', `/api/users/${me.id}`, { cosignRequired: true });
  const ana = await call(request, worker, 'post', '/api/participants', {
    firstName: 'Ana',
    lastName: `Notes${tag}`,
  });
  const ben = await call(request, worker, 'post', '/api/participants', {
    firstName: 'Ben',
    lastName: `Notes${tag}`,
  });
  const session = await call(request, worker, 'post', '/api/sessions', {
    type: 'support_group',
    setting: 'community_center',
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: 60,
    attendance: [
      { participantId: ana.id, status: 'attended' },
      { participantId: ben.id, status: 'attended' },
    ],
  });

  await signIn(page, DEMO.worker);
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole('heading', { name: 'A note for each person' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'What the group covered' })
    .fill('We practised the 5-4-3-2-1 grounding exercise and shared what helps on hard mornings.');

  // Ana first: the group text starts her note, then it is written for her alone.
  await page.getByRole('button', { name: 'Start from what the group covered' }).click();
  const note = page.getByRole('textbox', { name: 'Note', exact: true });
  await expect(note).toHaveValue(/grounding exercise/);
  await note.fill(`${await note.inputValue()} Ana said Ben’s tip about music helped her too.`);
  await expect(page.getByRole('alert')).toContainText('This note names Ben');
  await expect(page.getByRole('button', { name: 'Sign note' })).toBeDisabled();
  await note.fill(
    'We practised the 5-4-3-2-1 grounding exercise. Ana said music helps her on hard mornings and she will try it before work this week.',
  );
  await expect(page.getByRole('button', { name: 'Sign note' })).toBeEnabled();
  await page.screenshot({ path: 'test-results/session-notes-desktop.png', fullPage: true });
  await page.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed Ana')).toBeVisible();

  // On to Ben, without leaving the page.
  await expect(page.getByRole('tab', { name: /Ben/, selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start from what the group covered' }).click();
  await page
    .getByRole('textbox', { name: 'Note', exact: true })
    .fill('Ben led the grounding exercise for the group and said it felt good to help.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/Draft saved for Ben/)).toBeVisible();

  // Ana's note is locked now: only addenda.
  await page.getByRole('tab', { name: /Ana/ }).click();
  await expect(page.getByText('Waiting for co-signature')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Note', exact: true })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Add to this note' }).fill('Ana texted: it worked.');
  await page.getByRole('button', { name: 'Add addendum' }).click();
  await expect(page.getByText('Ana texted: it worked.')).toBeVisible();

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: 'test-results/session-notes-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await signOut(page);

  // The supervisor's queue: Ana's note, with how long it has waited; co-signed in one tap.
  await signIn(page, DEMO.supervisor);
  await page.goto('/notes/cosign');
  await expect(page.getByRole('heading', { level: 1, name: 'Notes to co-sign' })).toBeVisible();
  const item = page.getByTestId('queue-item').filter({ hasText: `Ana Notes${tag}` });
  await expect(item).toContainText('Waiting less than an hour');
  await page.screenshot({ path: 'test-results/cosign-queue-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: 'test-results/cosign-queue-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await item.getByRole('button', { name: 'Co-sign' }).click();
  await expect(page.getByText(`Co-signed Ana Notes${tag}’s note`)).toBeVisible();
  await expect(item).toHaveCount(0);

  await call(request, admin, 'patch', `/api/users/${me.id}`, { cosignRequired: false });
});
