import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, addParticipant, runToken, signIn } from './support';

const WIDTH = 390;

/** Fully on screen horizontally: nothing a worker needs is off to the side. */
async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
}

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** Logs a one-to-one with a new person from their page; returns their name. */
async function oneToOneWithSomeoneNew(page: Page) {
  const token = runToken();
  await addParticipant(page, { firstName: 'Rumi', lastName: `Castell${token}` });
  await page.getByRole('link', { name: 'Log one-to-one' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(1);
  return `Rumi Castell${token}`;
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: WIDTH, height: 844 } });

  test('the advocacy list is cards with status, due date and "past due" on screen', async ({
    page,
  }) => {
    await signIn(page, DEMO.supervisor);
    await page.goto('/advocacy?due=overdue');
    const list = page.getByRole('list', { name: 'Advocacy actions' });
    const late = list.getByRole('listitem').filter({ hasText: 'Past due date' }).first();
    await expect(late).toBeVisible();
    await expectOnScreen(late);
    await expectOnScreen(late.getByRole('term').filter({ hasText: 'Status' }));
    await expectOnScreen(late.getByRole('term').filter({ hasText: 'Due by' }));
    await expectOnScreen(late.getByText('Past due date'));
    // A card opens like a row: from the keyboard too.
    await late.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('sessions and participants are cards; a one-to-one card names the person', async ({
    page,
  }) => {
    await signIn(page, DEMO.worker);
    const name = await oneToOneWithSomeoneNew(page);
    await page.goto(`/sessions?type=one_to_one_mentoring&from=${isoDay(-1)}&to=${isoDay(1)}`);
    const card = page
      .getByRole('list', { name: 'Sessions' })
      .getByRole('listitem')
      .filter({ hasText: name });
    await expectOnScreen(card.getByRole('link', { name }));
    await expect(card.getByRole('term').filter({ hasText: 'With' })).toBeVisible();

    await page.goto(`/participants?search=${encodeURIComponent(name.split(' ')[1]!)}`);
    const person = page.getByRole('list', { name: 'Participants' }).getByRole('listitem');
    await expect(person).toHaveCount(1);
    await expectOnScreen(person.getByRole('term').filter({ hasText: 'Last contact' }));
    await expectOnScreen(person.getByRole('term').filter({ hasText: 'Status' }));
  });

  test('on the participant page the timeline comes before details and consent', async ({
    page,
  }) => {
    await signIn(page, DEMO.worker);
    await oneToOneWithSomeoneNew(page);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const details = page.getByRole('region', { name: 'Details' });
    const consent = page.getByRole('region', { name: 'Consent', exact: true });
    const y = async (l: Locator) => (await l.boundingBox())!.y;
    expect(await y(timeline)).toBeLessThan(await y(details));
    expect(await y(details)).toBeLessThan(await y(consent));
    // Reading and Tab order follow what is seen.
    const order = await page.evaluate(() => {
      const ids = ['timeline-heading', 'details-heading'];
      const [a, b] = ids.map((id) => document.getElementById(id)!);
      return a!.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING
        ? 'timeline first'
        : 'details first';
    });
    expect(order).toBe('timeline first');
  });
});

test('on a wide screen the sessions list names who a one-to-one was with', async ({ page }) => {
  await signIn(page, DEMO.worker);
  const name = await oneToOneWithSomeoneNew(page);
  await page.goto(`/sessions?type=one_to_one_mentoring&from=${isoDay(-1)}&to=${isoDay(1)}`);
  const table = page.getByRole('table', { name: 'Sessions' });
  await expect(table.getByRole('columnheader', { name: 'With' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('link', { name })).toBeVisible();
});
