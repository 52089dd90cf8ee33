import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

test('an admin adds a directory entry, fixes its web address, then unlists it', async ({
  page,
  request,
}) => {
  const name = `Harbour Light Drop-in ${runToken()}`;
  await signIn(page, DEMO.admin);
  await page.goto('/resources');

  await page.getByRole('button', { name: 'Add resource' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a resource' });
  await expect(dialog).toBeVisible();
  // The name is required: saving without it says so at the field and sends nothing.
  await dialog.getByRole('button', { name: 'Save resource' }).click();
  await expect(dialog.getByText('Enter the name')).toBeVisible();

  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Phone').fill('555-0142');
  await dialog.getByLabel('Website').fill('harbourlight.example');
  await dialog.getByLabel('Tags').fill('drop-in, free, , drop-in, evenings');
  await dialog.getByRole('button', { name: 'Save resource' }).click();
  await expect(dialog.getByText('Start the address with http:// or https://')).toBeVisible();
  await dialog.getByLabel('Website').fill('https://harbourlight.example');
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/resources') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Save resource' }).click();
  const body = (await (await created).json()) as {
    id: string;
    url: string;
    tags: string[];
    active: boolean;
  };
  // Tags are trimmed, empty ones dropped and each kept once.
  expect(body).toMatchObject({
    url: 'https://harbourlight.example',
    tags: ['drop-in', 'free', 'evenings'],
    active: true,
  });
  await expect(page.getByText(`“${name}” saved`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByRole('searchbox', { name: 'Search by name, description or tag' }).fill(name);
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('Tags: drop-in, free, evenings');
  await expect(card).not.toContainText('Not listed');

  await card.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit “${name}”` });
  await expect(edit.getByLabel('Website')).toHaveValue('https://harbourlight.example');
  await edit.getByLabel('Listed in the directory').uncheck();
  await edit.getByRole('button', { name: 'Save resource' }).click();
  await expect(edit).toBeHidden();
  await expect(card).toContainText('Not listed');

  // The directory holds what the dialog saved.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.admin, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const stored = await request.get(`/api/resources/${body.id}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({
    name,
    phone: '555-0142',
    tags: ['drop-in', 'free', 'evenings'],
    active: false,
  });
});
