import { expect, test } from '@playwright/test';
import { addParticipant, DEMO, readmeScreenshot, runToken, signIn } from './support';

test('a worker records a shared decision with two options and prints a plain-language copy', async ({
  page,
}) => {
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Ines', lastName: `Marlow${token}` });

  await page.getByRole('link', { name: 'Record a decision' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Record a decision with Ines Marlow${token}`,
  );
  const form = page.getByRole('form', { name: 'New decision note' });
  const topic = `Whether to join the evening group ${token}`;
  await form.getByRole('textbox', { name: 'Topic' }).fill(topic);

  // Two rows to start with; add a third, then take it away again.
  const choices = form.getByRole('list', { name: 'Choices' });
  await expect(choices.getByRole('listitem')).toHaveCount(2);
  await form.getByRole('button', { name: 'Add another choice' }).click();
  await expect(choices.getByRole('listitem')).toHaveCount(3);
  await form.getByRole('button', { name: 'Remove choice 3' }).click();
  await expect(choices.getByRole('listitem')).toHaveCount(2);

  await form.getByRole('textbox', { name: 'Choice 1', exact: true }).fill('Join the evening group');
  await form
    .getByRole('textbox', { name: 'What is good about choice 1' })
    .fill('Meets people who get it');
  await form
    .getByRole('textbox', { name: 'What might be hard about choice 1' })
    .fill('Late bus home');
  await form.getByRole('textbox', { name: 'Choice 2', exact: true }).fill('Keep one-to-ones only');
  await form
    .getByRole('textbox', { name: 'What is good about choice 2' })
    .fill('Feels safer for now');

  // Saving without saying who decided is refused on the field.
  await form.getByRole('button', { name: 'Save decision note' }).click();
  await expect(form.getByText('Choose who made the decision')).toBeVisible();

  await form.getByRole('textbox', { name: 'What matters most' }).fill('Staying well for my kids');
  await form
    .getByRole('textbox', { name: 'What was decided' })
    .fill('Try the evening group for three weeks');
  await form.getByRole('radio', { name: 'Decided together' }).check();
  await form
    .getByRole('textbox', { name: 'Next steps' })
    .fill('Alex checks the bus times; Ines goes on Tuesday');
  await form.getByRole('button', { name: 'Save decision note' }).click();

  await expect(page).toHaveURL(url);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText('Decision note');
  await timeline.getByRole('link', { name: topic }).click();

  await expect(page).toHaveURL(/\/decision-notes\/[0-9a-f-]{36}$/);
  const copy = page.getByRole('article', { name: 'Copy for the participant' });
  for (const heading of [
    'What we talked about',
    'The choices we looked at',
    'What matters most to you',
    'What you decided',
    'Next steps',
  ]) {
    await expect(copy.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(copy).toContainText('Join the evening group');
  await expect(copy).toContainText('Keep one-to-ones only');
  await expect(copy).toContainText('Staying well for my kids');
  await expect(copy).toContainText('We made this decision together.');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  // Printing leaves out the app around the copy.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(copy.getByRole('heading', { name: 'What you decided' })).toBeVisible();
  await readmeScreenshot(page, 'decision-note-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
