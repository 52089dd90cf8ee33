import { expect, test, type Page } from '@playwright/test';
import { addParticipant, DEMO, readmeScreenshot, runToken, signIn } from './support';

/** Screenshots to look at while building (never committed): PEERPATH_SHOTS=dir. */
async function shot(page: Page, name: string) {
  const dir = process.env.PEERPATH_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

test('a worker writes a plan with a participant, puts it in use, marks progress and starts version 2', async ({
  page,
}) => {
  // A long walk through the whole feature.
  test.setTimeout(180_000);
  const token = runToken();
  await signIn(page, DEMO.worker);
  const url = await addParticipant(page, { firstName: 'Rosa', lastName: `Delacroix${token}` });
  const name = `Rosa Delacroix${token}`;

  // No plan yet: the person's page offers to write one.
  const summary = page.getByRole('region', { name: 'Recovery plan' });
  await expect(summary).toContainText('No plan yet');
  await expect(page.getByRole('button', { name: 'Crisis plan' })).toHaveCount(0);
  await summary.getByRole('link', { name: `Write a plan with ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name}’s recovery plan`);
  await page.getByRole('button', { name: `Write a plan with ${name}` }).click();

  const form = page.getByRole('form', { name: 'New plan' });
  await form
    .getByRole('textbox', { name: 'In your words: what are you good at?' })
    .fill('I am a good listener and I never miss my Thursday swim.');
  await form
    .getByRole('textbox', { name: 'In your words: what matters most to you?' })
    .fill('My grandson, and getting my own place back.');
  await form.getByRole('combobox', { name: 'Part of life' }).click();
  await page.getByRole('option', { name: 'People and connection' }).click();
  await form
    .getByRole('textbox', { name: 'In your words: what do you want?' })
    .fill('I want to see my grandson every weekend');
  await form.getByRole('button', { name: 'Add a step' }).click();
  await form.getByRole('textbox', { name: 'Step 1' }).fill('Ring my daughter on Sunday');
  await form.getByRole('button', { name: 'Add a step' }).click();
  await form.getByRole('textbox', { name: 'Step 2' }).fill('Plan a trip to the park');
  await form
    .getByRole('textbox', { name: 'My crisis plan' })
    .fill('Call my daughter Lena first. Then the crisis line, 988.');
  await form.getByRole('button', { name: 'Save the draft' }).click();

  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  const copy = page.getByRole('article', { name: `${name}'s recovery plan` });
  await expect(copy.getByTestId('plan-version')).toHaveText('This is a draft — not agreed yet');
  // Strengths come first.
  const headings = await copy.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.slice(0, 4)).toEqual([
    'What I am good at',
    'What matters to me',
    'My goals',
    'Staying well',
  ]);

  // Put it in use on the day Rosa agreed (today).
  await page.getByRole('button', { name: 'Agree and put in use' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agree and put this plan in use' });
  await dialog.getByRole('button', { name: 'Put in use' }).click();
  await expect(dialog).toBeHidden();
  await expect(copy.getByTestId('plan-version')).toHaveText(/^This is version 1, agreed on /);
  await expect(copy).toContainText('We will look at it together again by');

  // Progress on the plan in use: tick a step; it stays ticked after a reload.
  const step = copy.getByRole('checkbox', { name: 'Ring my daughter on Sunday' });
  // The tick shows as soon as the cache is patched, a moment after the click: wait for it
  // rather than asking check() to see it at once.
  await step.click();
  await expect(step).toBeChecked();
  await expect(copy).toContainText('1 of 2 steps done');
  await page.reload();
  await expect(
    page
      .getByRole('article', { name: `${name}'s recovery plan` })
      .getByRole('checkbox', { name: 'Ring my daughter on Sunday' }),
  ).toBeChecked();
  await shot(page, 'plan-desktop');
  await readmeScreenshot(page, 'recovery-plan');

  // Printing leaves out the app around the copy.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(copy.getByRole('heading', { name: 'My goals' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The crisis plan is one tap from the person's page; the timeline shows the activation.
  await page.goto(url);
  await page.getByRole('button', { name: 'Crisis plan' }).click();
  const crisis = page.getByRole('dialog', { name: `${name}’s crisis plan` });
  await expect(crisis).toContainText('Call my daughter Lena first.');
  await shot(page, 'participant-crisis-plan');
  await crisis.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Recovery plan' })).toContainText(
    'I want to see my grandson every weekend',
  );
  await shot(page, 'participant-with-plan');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(
    timeline.getByRole('link', { name: 'Recovery plan · version 1 agreed' }),
  ).toBeVisible();

  // A new version starts as a copy; once agreed, the two can be compared.
  await page
    .getByRole('region', { name: 'Recovery plan' })
    .getByRole('link', { name: 'Open the plan' })
    .click();
  await page.getByRole('button', { name: 'Start a new version' }).click();
  await expect(page.getByTestId('plan-version')).toHaveText('This is a draft — not agreed yet');
  await page.getByRole('button', { name: 'Edit the draft' }).click();
  const edit = page.getByRole('form', { name: 'Edit the plan' });
  await edit.getByRole('button', { name: 'Add another goal' }).click();
  await edit.getByRole('combobox', { name: 'Part of life' }).nth(1).click();
  await page.getByRole('option', { name: 'Home and surroundings' }).click();
  await edit
    .getByRole('textbox', { name: 'In your words: what do you want?' })
    .nth(1)
    .fill('I want a flat with a bit of garden');
  await edit.getByRole('button', { name: 'Save the draft' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('button', { name: 'Agree and put in use' }).click();
  await page
    .getByRole('dialog', { name: 'Agree and put this plan in use' })
    .getByRole('button', { name: 'Put in use' })
    .click();
  await expect(page.getByTestId('plan-version')).toHaveText(/^This is version 2, agreed on /);

  await page.getByRole('link', { name: 'Compare versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare plan versions');
  const goals = page.getByTestId('compare-goal');
  await expect(goals).toHaveCount(2);
  await expect(goals.filter({ hasText: 'I want to see my grandson every weekend' })).toContainText(
    'Same as before',
  );
  await expect(goals.filter({ hasText: 'I want a flat with a bit of garden' })).toContainText(
    'New goal',
  );
  await shot(page, 'plan-compare');

  // On a phone, the plan reads in one column.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goBack();
  await expect(page.getByTestId('plan-version')).toHaveText(/^This is version 2/);
  await shot(page, 'plan-phone');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
