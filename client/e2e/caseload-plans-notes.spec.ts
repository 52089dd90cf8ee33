import { expect, test, type Page } from '@playwright/test';
import { apiHeaders, DEMO, signIn } from './support';

// These walk through several pages on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** Sam Whitfield's signed notes wait for a supervisor's co-signature in the demo. */
const SAM = 'sam.whitfield@northside.example';
const GROUP = 'Your plans, notes and measures';

/** The number a figure's tile shows, read from its description-list entry. */
async function figure(page: Page, list: string, label: string): Promise<number> {
  const tile = page
    .getByLabel(list)
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return Number((await tile.innerText()).trim());
}

async function listed(page: Page, noun: RegExp): Promise<number> {
  const summary = page.getByText(noun).first();
  await expect(summary).toBeVisible();
  return Number((await summary.innerText()).split(' ')[0]);
}

test('a worker’s plan, note and measure figures open the lists behind them', async ({ page }) => {
  await signIn(page, SAM);
  const tiles = page.getByLabel(GROUP);
  await expect(tiles).toBeVisible();
  const waiting = await figure(page, GROUP, 'Waiting for co-signature');
  const toSign = await figure(page, GROUP, 'Notes to write or sign');
  const due = await figure(page, GROUP, 'Plans due for review');
  const noPlan = await figure(page, GROUP, 'No recovery plan yet');
  const measures = await figure(page, GROUP, 'Measures due');
  expect(waiting).toBeGreaterThan(0);
  expect(toSign).toBeGreaterThan(0);

  // Their own notes waiting for a co-signature: each one, and no co-sign button for them.
  await tiles.getByRole('link', { name: /your notes waiting for a co-signature: see/ }).click();
  await expect(page).toHaveURL(/\/notes\/cosign\?signer=[0-9a-f-]{36}$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Your notes waiting for a co-signature' }),
  ).toBeVisible();
  await expect(page.getByTestId('queue-item')).toHaveCount(waiting);
  await expect(page.getByRole('button', { name: 'Co-sign' })).toHaveCount(0);
  await expect(
    page.getByText('You wrote this note: a supervisor of your team co-signs it.'),
  ).toHaveCount(waiting);

  // Notes to write or sign: the sessions of the last 30 days where someone still needs one.
  await page.goto('/');
  await tiles.getByRole('link', { name: /sessions with notes to write or sign: see/ }).click();
  await expect(page).toHaveURL(
    /\/sessions\?facilitator=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&notesToSign=1$/,
  );
  await expect(
    page.getByText(/^Only sessions where someone who came still needs a signed note/),
  ).toBeVisible();
  const sessions = await listed(page, /^\d+ sessions?$/);
  expect(sessions).toBeGreaterThan(0);
  expect(sessions).toBeLessThanOrEqual(toSign);
  await page.getByRole('button', { name: 'Show every session' }).click();
  await expect(page.getByText(/^Only sessions where someone/)).toHaveCount(0);
  await expect.poll(() => listed(page, /^\d+ sessions?$/)).toBeGreaterThan(sessions);

  // Plans due for review, people without a plan, measures due: the people behind each figure.
  for (const [name, banner, count] of [
    [
      /people whose plan is due for review: see/,
      /^Only people whose recovery plan is due for review by /,
      due,
    ],
    [
      /people with no recovery plan yet: see/,
      /^Only people enrolled by .* recovery plan in use yet\.$/,
      noPlan,
    ],
    [/people with a measure due: see/, /^Only people with an outcome measure due by /, measures],
  ] as const) {
    await page.goto('/');
    await tiles.getByRole('link', { name }).click();
    await expect(page).toHaveURL(
      /\/participants\?worker=[0-9a-f-]{36}&status=active&\w+=\d{4}-\d{2}-\d{2}$/,
    );
    await expect(page.getByText(banner)).toBeVisible();
    if (count > 0) expect(await listed(page, /^\d+ (person|people)$/)).toBe(count);
    else await expect(page.getByText('No one matches these filters')).toBeVisible();
  }
});

test('the team’s figures: the co-signature queue and the open safety alerts, on a phone too', async ({
  page,
}) => {
  await signIn(page, DEMO.supervisor);
  await page.getByRole('button', { name: 'Whole team' }).click();
  const group = 'Your team’s plans, notes and measures';
  const tiles = page.getByLabel(group);
  await expect(tiles).toBeVisible();
  const waiting = await figure(page, group, 'Waiting for co-signature');
  const alerts = await figure(page, group, 'Safety alerts open');
  expect(waiting).toBeGreaterThan(0);
  expect(alerts).toBeGreaterThan(0);
  expect(await figure(page, group, 'Plans due for review')).toBeGreaterThan(0);

  // On a 390 px phone every tile fits, two a row, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(tiles.getByRole('term')).toHaveCount(6);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/caseload-figures-390.png', fullPage: true });

  await tiles.getByRole('link', { name: /open safety alerts: see/ }).click();
  await expect(page).toHaveURL(/\/\?scope=team#safety-alerts$/);
  await expect(page.getByRole('button', { name: 'Whole team', pressed: true })).toBeVisible();
  await expect(page.locator('#safety-alerts')).toBeInViewport();

  await page.goto('/?scope=team');
  await tiles.getByRole('link', { name: /notes waiting for a co-signature: see/ }).click();
  await expect(page).toHaveURL(/\/notes\/cosign$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Notes to co-sign' })).toBeVisible();
  // Another browser spec may add or co-sign a note meanwhile: the page agrees with itself.
  const total = Number(
    (await page.getByText(/^\d+ waiting, the longest-waiting first$/).innerText()).split(' ')[0],
  );
  expect(total).toBeGreaterThan(0);
  await expect(page.getByTestId('queue-item')).toHaveCount(total);
});

test('a goal chip in the timeline opens the goal, with every note that worked on it', async ({
  page,
  request,
}) => {
  const headers = await apiHeaders(request, DEMO.worker);
  // A demo note of this worker's team that worked on a goal, signed.
  const res = await request.get('/api/notes?status=signed&pageSize=100', { headers });
  const notes = (await res.json()) as {
    items: { participantId: string; goalIds: string[]; sessionId: string }[];
  };
  const linked = notes.items.find((n) => n.goalIds.length > 0)!;
  expect(linked).toBeDefined();
  const goalId = linked.goalIds[0]!;
  const onGoal = await request.get(
    `/api/notes?participantId=${linked.participantId}&goalId=${goalId}&pageSize=100`,
    { headers },
  );
  const { total } = (await onGoal.json()) as { total: number };
  expect(total).toBeGreaterThan(0);

  await signIn(page, DEMO.worker);
  await page.goto(`/participants/${linked.participantId}/plan`);
  await expect(page.getByTestId('plan-version')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Notes that worked on this goal' }).first(),
  ).toBeVisible();
  // The plan in use links each goal to its notes; a goal of an earlier version still shows its own.
  await page.goto(`/participants/${linked.participantId}/goals/${goalId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^“.+”$/ })).toBeVisible();
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: `${total} ${total === 1 ? 'note' : 'notes'} worked on this goal`,
    }),
  ).toBeVisible();
  await expect(page.getByTestId('goal-note')).toHaveCount(total);
  const statement = (await page.getByRole('heading', { level: 1 }).innerText()).slice(1, -1);

  // From the timeline: the note's goal chip opens the same page.
  await page.goto(`/participants/${linked.participantId}`);
  const chip = page.getByRole('link', { name: statement }).first();
  await chip.scrollIntoViewIfNeeded();
  await chip.click();
  await expect(page).toHaveURL(
    new RegExp(`/participants/${linked.participantId}/goals/[0-9a-f-]{36}$`),
  );
  await expect(page.getByTestId('goal-note').first()).toBeVisible();

  // On a phone it reads top to bottom with nothing sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
});

test('an admin says whose notes a supervisor co-signs', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  const open = async (name: string) => {
    await page.getByRole('button', { name: `Change ${name}: role, team or password` }).click();
    return page.getByRole('dialog', { name: `Change ${name}` });
  };
  const cosign = /^A supervisor co-signs the session notes they sign$/;
  // The demo's Sam Whitfield has their notes co-signed; Jordan Blake does not.
  let dialog = await open('Sam Whitfield');
  await expect(dialog.getByRole('checkbox', { name: cosign })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  dialog = await open('Jordan Blake');
  await expect(dialog.getByRole('checkbox', { name: cosign })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: cosign }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  dialog = await open('Jordan Blake');
  await expect(dialog.getByRole('checkbox', { name: cosign })).toBeChecked();
  // Back as it was.
  await dialog.getByRole('checkbox', { name: cosign }).uncheck();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
});
