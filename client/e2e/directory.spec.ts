import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

async function adminHeaders(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.admin, password: PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

test('an admin finds a resource that needs checking and marks it still right', async ({
  page,
  request,
}) => {
  const name = `Checkpoint Pantry ${runToken()}`;
  const made = await request.post('/api/resources', {
    headers: await adminHeaders(request),
    data: { name, category: 'food', phone: '555-0177' },
  });
  expect(made.ok()).toBe(true);

  await signIn(page, DEMO.admin);
  await page.goto('/resources');
  await page.getByRole('searchbox', { name: 'Search by name, description or tag' }).fill(name);
  await page.getByRole('button', { name: 'Needs checking' }).click();
  await expect(page).toHaveURL(/stale=true/);
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('Not checked yet');
  await card.getByRole('button', { name: `Still right — mark ${name} checked` }).click();
  await expect(page.getByText(`“${name}” marked checked today`)).toBeVisible();
  // Checked today, it leaves the "Needs checking" list.
  await expect(card).toBeHidden();
  await page.getByRole('button', { name: 'Needs checking' }).click();
  await expect(page.getByRole('article', { name })).toContainText('Checked ');
});

test('an admin previews an HSDS file, sees the refused rows, then imports a good one', async ({
  page,
}) => {
  const token = runToken();
  const org = {
    id: `pw-org-${token}`,
    name: 'Bayside Neighbours',
    description: 'Neighbours helping neighbours.',
  };
  const service = (i: number, extra: Record<string, unknown> = {}) => ({
    id: `pw-svc-${token}-${i}`,
    organization_id: org.id,
    name: `Bayside Warm Meals ${token} ${i}`,
    status: 'active',
    peerpath_category: 'food',
    ...extra,
  });
  const bad = { organization: [org], service: [service(1), service(2, { status: 'open' })] };
  const good = { organization: [org], service: [service(1), service(2)] };

  await signIn(page, DEMO.admin);
  await page.goto('/resources');
  await page.getByRole('link', { name: 'Import directory' }).click();
  await expect(page.getByRole('heading', { name: 'Import directory', level: 1 })).toBeVisible();

  const input = page.getByLabel('Directory file');
  await input.setInputFiles({
    name: 'bayside.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const refused = page.getByRole('list', { name: 'Refused rows' });
  await expect(refused).toContainText(`service, row 2 (id pw-svc-${token}-2)`);
  await expect(refused).toContainText(
    'status must be one of: active, inactive, defunct, temporarily closed',
  );
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);

  await input.setInputFiles({
    name: 'bayside.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  const preview = page.getByRole('region', { name: 'What would happen' });
  await expect(preview).toContainText('2to add');
  await expect(preview).toContainText('0refused');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: 'test-results/directory-import-360.png', fullPage: true });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Directory updated: 2 services added, 0 updated')).toBeVisible();
  await expect(page).toHaveURL(/\/resources$/);
  await page
    .getByRole('searchbox', { name: 'Search by name, description or tag' })
    .fill(`Bayside Warm Meals ${token}`);
  await expect(page.getByRole('article', { name: `Bayside Warm Meals ${token} 1` })).toBeVisible();
  await page.screenshot({ path: 'test-results/directory-360.png', fullPage: true });
});
