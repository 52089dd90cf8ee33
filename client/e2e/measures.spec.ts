import { expect, test, type APIRequestContext } from '@playwright/test';
import { addParticipant, DEMO, PASSWORD, runToken, signIn } from './support';

async function tokenOf(request: APIRequestContext, email: string, password = PASSWORD) {
  const res = await request.post('/api/auth/login', { data: { email, password } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

test.use({ viewport: { width: 360, height: 740 } });

test('the open safety alert is on the worker’s home page and app bar, crisis resources one tap away', async ({
  page,
}) => {
  await signIn(page, DEMO.worker);
  await page.goto('/');
  const alert = page.locator('#safety-alerts');
  await expect(alert.getByText(/^Follow up with/)).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Crisis resources' })).toHaveAttribute(
    'href',
    '/resources?category=crisis',
  );
  // In the app bar (the home page's figures link to the alerts too).
  await expect(
    page.getByRole('banner').getByRole('link', { name: /open safety alert/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/measures-alert-360.png', fullPage: true });

  // Resolving needs written words.
  await alert.getByRole('button', { name: 'Resolve' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Resolve' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The person's page shows it too, until it is resolved, crisis resources one tap away.
  const name = (await alert
    .getByText(/^Follow up with/)
    .first()
    .textContent())!
    .replace('Follow up with ', '')
    .replace(' today', '');
  await alert.getByRole('link', { name: 'Open their page' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const measures = page.getByRole('region', { name: 'Outcome measures' });
  await expect(measures.getByText(`Follow up with ${name} today`)).toBeVisible();
  await expect(measures.getByRole('link', { name: 'Crisis resources' })).toHaveAttribute(
    'href',
    '/resources?category=crisis',
  );
});

test('a person fills in a BARC-10 in the locked self-entry mode; the worker reviews and saves', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Quinn', lastName: `Hale${token}` });
  const measures = page.getByRole('region', { name: 'Outcome measures' });
  await measures.getByRole('link', { name: 'BARC-10' }).click();

  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start' }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    if (n === 3) await page.screenshot({ path: 'test-results/measures-self-entry-360.png' });
    await page
      .getByRole('button', { name: n <= 5 ? 'Agree' : 'Somewhat agree', exact: true })
      .click();
  }
  await expect(page.getByText('Please hand this back to your worker.')).toBeVisible();
  await expect(page.getByText(/Score/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/measures-handback-360.png' });

  // Another person's password does not unlock it: only the signed-in worker's own does.
  const otherPassword = `someone-else-${token}-2026`;
  const admin = await tokenOf(page.request, DEMO.admin);
  const teams = await page.request.get('/api/teams', {
    headers: { Authorization: `Bearer ${admin}` },
  });
  const northside = ((await teams.json()) as { items: { id: string; name: string }[] }).items.find(
    (t) => t.name.startsWith('Northside'),
  );
  const other = await page.request.post('/api/users', {
    headers: { Authorization: `Bearer ${admin}` },
    data: {
      email: `sam.other.${token}@northside.example`,
      displayName: `Sam Other ${token}`,
      role: 'supervisor',
      teamId: northside!.id,
      password: otherPassword,
    },
  });
  expect(other.status()).toBe(201);

  await page.getByRole('button', { name: 'I’m the worker' }).click();
  for (const wrong of ['not-the-password', otherPassword]) {
    await page.getByLabel('Password').fill(wrong);
    await page.getByRole('button', { name: 'Review the answers' }).click();
    // The field is cleared once the answer has come.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByText('That password is not right.')).toBeVisible();
    await expect(page.getByText(/Score/)).toHaveCount(0);
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Review the answers' }).click();
  // 5 × 5 + 5 × 4 = 45.
  await expect(page.getByText('Score 45 — building recovery capital')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(url);
  await expect(
    page.getByRole('region', { name: 'Outcome measures' }).getByText(/^Baseline 45 on/),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/measures-participant-360.png', fullPage: true });
});

test('a wrong measure is voided with a reason and leaves the trend; leaving self-entry keeps one sign-in', async ({
  page,
}) => {
  // The access token the page's API calls carry (sign-out names the one it ends: left out).
  let bearer = '';
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (auth && r.url().includes('/api/') && !r.url().includes('/api/auth/logout')) bearer = auth;
  });
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Rowan', lastName: `Vale${token}` });
  const measures = page.getByRole('region', { name: 'Outcome measures' });

  // The worker leaves the locked mode with their own password, then the app goes on as before.
  await measures.getByRole('link', { name: 'BARC-10' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  const before = bearer;
  expect(before).toMatch(/^Bearer /);
  await page.getByRole('button', { name: 'Worker: leave' }).click();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Leave the questions' }).click();
  await expect(page).toHaveURL(url);
  await expect(measures.getByRole('link', { name: 'BARC-10' })).toBeVisible();
  // It carries on in the sign-in the password check made (its cookie still opens the app after
  // a reload); the one it was on has ended.
  await page.reload();
  await expect(measures.getByRole('link', { name: 'BARC-10' })).toBeVisible();
  await expect.poll(() => bearer).not.toBe(before);
  const ended = await page.request.get('/api/auth/me', { headers: { Authorization: before } });
  expect(ended.status()).toBe(401);
  const current = await page.request.get('/api/auth/me', { headers: { Authorization: bearer } });
  expect(current.status()).toBe(200);

  // Two measures, the first entered by mistake.
  await measures.getByRole('link', { name: 'BARC-10' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    await page.getByRole('button', { name: 'Disagree', exact: true }).click();
  }
  await page.getByRole('button', { name: 'I’m the worker' }).click();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Review the answers' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(url);
  await expect(measures.getByText(/^Baseline 20 on/)).toBeVisible();

  const list = measures.getByRole('list', { name: 'BARC-10 measures taken' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: /^Void the BARC-10 of/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Void the BARC-10 of/ });
  // A reason is required.
  await dialog.getByRole('button', { name: 'Void measure' }).click();
  await expect(dialog.getByText('Write a reason for voiding it')).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await list.getByRole('button', { name: /^Void the BARC-10 of/ }).click();
  await dialog.getByLabel('Why is it wrong?').fill('Filled in for the wrong person');
  await page.screenshot({ path: 'test-results/measures-void-360.png' });
  await dialog.getByRole('button', { name: 'Void measure' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    measures.getByText('No measures yet. The person can fill one in on this device.'),
  ).toBeVisible();
  await expect(measures.getByText(/^Baseline 20 on/)).toHaveCount(0);

  // Stored as voided with the reason, left out of the list behind the trend.
  const worker = await tokenOf(page.request, DEMO.worker);
  const participantId = url.split('/').pop()!;
  const listed = await page.request.get(`/api/measurements?participantId=${participantId}`, {
    headers: { Authorization: `Bearer ${worker}` },
  });
  expect(((await listed.json()) as { total: number }).total).toBe(0);
});

test('an admin chooses a team’s outcome measures and note format', async ({ page }) => {
  const token = runToken();
  const teamName = `Riverside Peers ${token}`;
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Create team' }).click();
  const create = page.getByRole('dialog', { name: 'Create a team' });
  await create.getByRole('textbox', { name: 'Team name' }).fill(teamName);
  await create.getByRole('button', { name: 'Create team' }).click();
  await expect(create).toHaveCount(0);

  const row = page.getByRole('row', { name: new RegExp(teamName) });
  await expect(row.getByRole('cell', { name: 'BARC-10', exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Settings of ${teamName}` }).click();
  const dialog = page.getByRole('dialog', { name: `${teamName}: settings` });
  // At least one measure.
  await dialog.getByRole('checkbox', { name: /^BARC-10/ }).uncheck();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByText('Choose at least one outcome measure')).toBeVisible();
  await dialog.getByRole('checkbox', { name: /^PHQ-9/ }).check();
  await dialog.getByRole('checkbox', { name: /^GAD-7/ }).check();
  await dialog.getByLabel('Session notes start as').click();
  await page.getByRole('option', { name: /^DAP/ }).click();
  await page.screenshot({ path: 'test-results/team-settings-360.png' });
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`Settings of “${teamName}” saved`)).toBeVisible();
  await expect(row.getByRole('cell', { name: 'PHQ-9, GAD-7', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: /^DAP/ })).toBeVisible();

  // Stored as chosen.
  const admin = await tokenOf(page.request, DEMO.admin);
  const teams = await page.request.get('/api/teams?pageSize=100', {
    headers: { Authorization: `Bearer ${admin}` },
  });
  const team = ((await teams.json()) as { items: Record<string, unknown>[] }).items.find(
    (t) => t.name === teamName,
  );
  expect(team).toMatchObject({ instruments: ['phq9', 'gad7'], noteFormat: 'dap' });
});

test('after discharge nothing comes due, and the discharge measure is entered as such', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Sage', lastName: `Moss${token}` });
  const participantId = url.split('/').pop()!;
  const worker = await tokenOf(page.request, DEMO.worker);
  const headers = { Authorization: `Bearer ${worker}` };
  // Their baseline, taken before.
  const baseline = await page.request.post('/api/measurements', {
    headers,
    data: { participantId, instrument: 'barc10', answers: Array(10).fill(3) },
  });
  expect(baseline.status()).toBe(201);
  const p = (await (
    await page.request.get(`/api/participants/${participantId}`, { headers })
  ).json()) as {
    version: number;
  };
  const discharged = await page.request.patch(`/api/participants/${participantId}`, {
    headers,
    data: { status: 'discharged', version: p.version },
  });
  expect(discharged.status()).toBe(200);

  await page.reload();
  const measures = page.getByRole('region', { name: 'Outcome measures' });
  await expect(measures.getByText(/^No more measures come due after discharge/)).toBeVisible();

  // An address naming a measure PeerPath does not know asks nothing.
  await page.goto(`${url}/self-entry/ras`);
  await expect(
    page.getByRole('heading', { name: 'This isn’t a measure PeerPath knows' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to their page' }).click();
  await expect(page).toHaveURL(url);
  await expect(measures.getByRole('link', { name: 'BARC-10', exact: true })).toHaveCount(0);
  await measures.getByRole('link', { name: 'BARC-10 at discharge' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  for (let n = 1; n <= 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
  }
  await page.getByRole('button', { name: 'I’m the worker' }).click();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Review the answers' }).click();
  await expect(page.getByRole('checkbox', { name: 'Taken at discharge' })).toBeChecked();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(url);
  await expect(
    measures.getByRole('list', { name: 'BARC-10 measures taken' }).getByText(/at discharge/),
  ).toBeVisible();

  // A fresh sign-in: leaving self-entry ended the one the page (and its cookie) was on.
  const listed = await page.request.get(`/api/measurements?participantId=${participantId}`, {
    headers: { Authorization: `Bearer ${await tokenOf(page.request, DEMO.worker)}` },
  });
  const items = ((await listed.json()) as { items: { timepoint: string; score: number }[] }).items;
  expect(items).toEqual([
    expect.objectContaining({ timepoint: 'baseline', score: 30 }),
    expect.objectContaining({ timepoint: 'discharge', score: 50 }),
  ]);
});
