import { loadConfig } from '../src/config/config';
import { createTestApp, type TestApp } from './harness';

describe('organisation settings (ORG_LOCALE)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('tells anyone, signed in or not, the locale dates are typed and shown in (en-GB by default)', async () => {
    t = await createTestApp({ orgLocale: loadConfig({}).orgLocale });
    const res = await t!.request('GET', '/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ locale: 'en-GB' });
  });

  it.each(['en-US', 'es'] as const)('answers the configured %s', async (locale) => {
    t = await createTestApp({ orgLocale: loadConfig({ ORG_LOCALE: locale }).orgLocale });
    const res = await t!.request('GET', '/api/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ locale });
  });

  it('refuses to start with a locale it cannot show, naming the setting', () => {
    expect(() => loadConfig({ ORG_LOCALE: 'fr-FR' })).toThrow(
      /ORG_LOCALE must be one of en-GB, en-US, es/,
    );
  });
});
