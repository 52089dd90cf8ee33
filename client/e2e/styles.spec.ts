import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support';

/**
 * The styles a page makes as it draws (client/src/theme/emotionCache.ts): without the vendor
 * prefixes of old browsers, and each render's rules in a `<style>` of their own, so that a rule
 * added when an answer arrives does not make the browser style the whole page again.
 */
test('styles are made without old prefixes, a render’s rules in a style element of their own', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // The rules the browser took (it refuses another engine's selectors, such as `::-moz-…`).
    const seen = window as unknown as { insertedRules: string[] };
    seen.insertedRules = [];
    const insertRule = CSSStyleSheet.prototype.insertRule;
    CSSStyleSheet.prototype.insertRule = function (rule: string, index?: number) {
      const at = insertRule.call(this, rule, index);
      seen.insertedRules.push(rule);
      return at;
    };
  });
  const inserted = () =>
    page.evaluate(() => (window as unknown as { insertedRules: string[] }).insertedRules);
  const styleElements = () => page.locator('style[data-emotion="css"]').count();

  await signIn(page, DEMO.worker);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^\d+–\d+ of \d+$/)).toBeVisible();

  const rules = await inserted();
  expect(rules.length).toBeGreaterThan(100);
  // Emotion's default prefixer wrote these for every flex box, placeholder and transition.
  for (const old of [
    '-ms-flexbox',
    'display:-webkit-box',
    '-webkit-align-items',
    '-webkit-transition',
  ])
    expect(rules.filter((r) => r.includes(old))).toEqual([]);
  // Safari still reads only the prefixed `user-select` (buttons' text not selected on a long press).
  expect(rules.some((r) => r.includes('-webkit-user-select:none;user-select:none;'))).toBe(true);

  // The sign-in page, the shell, the page and each answer's section were drawn in several renders.
  const afterCaseload = await styleElements();
  expect(afterCaseload).toBeGreaterThan(3);

  // Other pages add elements of their own, up to 64 in all; then the last one takes the rest.
  for (const to of ['Sessions', 'Groups', 'Advocacy', 'Resources', 'Supervision', 'Participants']) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: to, exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible();
  }
  await page.getByRole('table', { name: 'Participants' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Participants');
  expect(await styleElements()).toBeGreaterThan(afterCaseload);
  expect(await styleElements()).toBeLessThanOrEqual(64);
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeLessThan(80);
});
