import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, PASSWORD, addParticipant, runToken, signIn } from './support';

/** Presses Tab until `target` has focus (as a keyboard user would); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** A date `days` from today as the date field takes it (DD/MM/YYYY, the default en-GB), digits only. */
function dateDigits(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    digits: `${two(d.getDate())}${two(d.getMonth() + 1)}${d.getFullYear()}`,
    iso: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`,
  };
}

test('a resource is shared with a participant using only the keyboard', async ({
  page,
  request,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  // Set-up, not part of the walk-through: someone to share with.
  const url = await addParticipant(page, { firstName: 'Ines', lastName: `Pereira${token}` });
  const participantId = url.split('/').pop()!;
  const name = `Ines Pereira${token}`;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // From here on: Tab, Enter, arrow keys and typing only.
  await tabTo(page, page.getByRole('button', { name: 'Share a resource' }));
  await page.keyboard.press('Enter');
  const share = page.getByRole('dialog', { name: `Share a resource with ${name}` });
  await expect(share).toBeVisible();

  const resource = share.getByRole('combobox', { name: 'Resource' });
  await tabTo(page, resource, 5);
  await page.keyboard.type('food');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const resourceName = await resource.inputValue();
  expect(resourceName).not.toBe('food');
  expect(resourceName.length).toBeGreaterThan(0);

  // How it was shared: open the list with the keyboard and pick "Warm handoff".
  const method = share.getByRole('combobox', { name: 'How it was shared' });
  await tabTo(page, method, 5);
  await page.keyboard.press('Enter');
  const warm = page.getByRole('option', { name: 'Warm handoff' });
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < 6 && !(await warm.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(warm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(method).toHaveText('Warm handoff');

  // Follow up in three days.
  const followUp = dateDigits(3);
  await tabTo(
    page,
    share.getByRole('group', { name: 'Follow up on' }).getByRole('spinbutton', { name: 'Day' }),
    5,
  );
  await page.keyboard.type(followUp.digits);

  await tabTo(page, share.getByRole('textbox', { name: 'Note (optional)' }), 5);
  await page.keyboard.type(`Walked over to the pantry together ${token}`);

  await tabTo(page, share.getByRole('button', { name: 'Save' }), 5);
  await page.keyboard.press('Enter');
  await expect(share).toBeHidden();
  // A warm handoff shares something about the person: PeerPath offers to record the disclosure
  // (SPEC §10). Escape says "Not now", from the keyboard too.
  const prompt = page.getByRole('dialog', { name: 'Record this as a disclosure?' });
  await expect(prompt).toContainText(`over to ${resourceName} in a warm handoff`);
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
    `${resourceName} · warm handoff · awaiting follow-up`,
  );

  // Stored as entered: read back through the API.
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO.worker, password: PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await request.get(`/api/handouts?participantId=${participantId}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as {
    items: {
      resourceName: string;
      method: string;
      followUpOn: string | null;
      note: string | null;
      outcome: string;
    }[];
  };
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    resourceName,
    method: 'warm_handoff',
    followUpOn: followUp.iso,
    note: `Walked over to the pantry together ${token}`,
    outcome: 'pending',
  });
});
