import { expect, test } from '@playwright/test';
import { DEMO, PASSWORD, runToken, signIn } from './support';

const yesterdayDigits = () => {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  return d.toISOString().slice(0, 10).split('-').reverse().join('');
};

test('Back from one person’s edit form to another person shows that person’s page, not the form', async ({
  page,
  request,
}) => {
  const token = runToken();
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const make = async (firstName: string) => {
    const res = await request.post('/api/participants', {
      data: { firstName, lastName: `Hart${token}` },
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    return ((await res.json()) as { id: string }).id;
  };
  const first = await make('Ari');
  const second = await make('Bo');

  await signIn(page, DEMO.worker);
  await page.goto(`/participants/${first}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ari Hart${token}`);
  // On to the second person inside the app (as a link there would), so Back stays in the app too.
  await page.evaluate((url) => {
    window.history.pushState(null, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `/participants/${second}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bo Hart${token}`);
  await page.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByRole('form', { name: 'Edit participant' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ari Hart${token}`);
  await expect(page.getByRole('form', { name: 'Edit participant' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
});

test('the discharge dialog asks before a changed date is thrown away', async ({ page }) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  await page.goto('/participants/new');
  await page.getByRole('textbox', { name: 'First name' }).fill('Cal');
  await page.getByRole('textbox', { name: 'Last name' }).fill(`Moss${token}`);
  await page.getByRole('button', { name: 'Save participant' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cal Moss${token}`);

  await page.getByRole('button', { name: 'Discharge' }).click();
  const dialog = page.getByRole('dialog', { name: `Discharge Cal Moss${token}?` });
  await dialog
    .getByRole('group', { name: 'Discharge date' })
    .getByRole('spinbutton', { name: 'Day' })
    .click();
  await page.keyboard.type(yesterdayDigits());
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Discharge' })).toBeVisible();
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the admin’s users list does not scroll sideways', async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/admin');
    const users = page.getByRole('list', { name: 'Users' });
    await expect(users.getByRole('listitem').first()).toBeVisible();
    const sideways = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
        )
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')}`),
    );
    expect(sideways).toEqual([]);
  });
});
