import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, jwtSecretProblem, loadConfig, secretBits } from './config';

const repo = join(__dirname, '..', '..', '..');

/** The JWT_SECRET values the repository ships as examples, read from the files themselves. */
function shippedPlaceholders(): string[] {
  const found: string[] = [];
  for (const file of [
    'docker/.env.example',
    '.env.example',
    'docker/k8s/secret.template.yaml',
    'README.md',
  ]) {
    const text = readFileSync(join(repo, file), 'utf8');
    for (const m of text.matchAll(/JWT_SECRET\s*[=:]\s*["']?([^\s"'`|]+)/g)) found.push(m[1]);
  }
  return found;
}

describe('JWT_SECRET checks (SPEC §4)', () => {
  it('refuses every placeholder the repository ships, whatever its case', () => {
    const placeholders = shippedPlaceholders();
    expect(placeholders.length).toBeGreaterThanOrEqual(3);
    for (const p of placeholders) {
      expect({ p, problem: jwtSecretProblem(p) }).toEqual({
        p,
        problem: expect.stringContaining('openssl rand -base64 48'),
      });
      expect(jwtSecretProblem(p.toUpperCase())).not.toBeNull();
    }
  });

  it('refuses secrets under 128 bits, however long', () => {
    for (const weak of [
      'x'.repeat(32),
      'f'.repeat(40),
      'changeme'.repeat(8),
      'abcd'.repeat(16),
      '0123456789'.repeat(3), // 30 digits: about 100 bits
      'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f', // 31 hex digits: 124 bits
      'replace-this-with-a-long-random-secret-of-your-own',
      'my-super-secret-jwt-key-for-peerpath',
    ]) {
      expect({ weak, problem: jwtSecretProblem(weak) }).toEqual({
        weak,
        problem: expect.stringContaining('openssl rand -base64 48'),
      });
    }
    expect(secretBits('x'.repeat(64))).toBeLessThan(128);
  });

  it('accepts what openssl, the embedded database and the test harness generate', () => {
    for (let i = 0; i < 300; i++) {
      for (const secret of [
        randomBytes(48).toString('base64'), // openssl rand -base64 48
        randomBytes(48).toString('base64url'), // the embedded database's generated secret
        randomBytes(32).toString('hex'), // the test harness
        randomBytes(32).toString('base64url'), // the scale tools
        randomBytes(16).toString('hex'), // 128 bits exactly
      ]) {
        expect({ secret, problem: jwtSecretProblem(secret) }).toEqual({ secret, problem: null });
      }
    }
    expect(secretBits(randomBytes(48).toString('base64'))).toBeGreaterThan(300);
  });

  it('stops loading the configuration with a message saying how to make a secret', () => {
    const env = { DATABASE_URL: 'postgres://db.internal/peerpath' };
    expect(() =>
      loadConfig({ ...env, JWT_SECRET: 'change-me-to-at-least-32-random-characters' }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /JWT_SECRET .*openssl rand -base64 48/s,
    );
    const good = randomBytes(48).toString('base64');
    expect(loadConfig({ ...env, JWT_SECRET: good }).jwtSecret).toBe(good);
    // The embedded database generates its own secret: no JWT_SECRET is fine.
    expect(loadConfig({}).jwtSecret).toBeUndefined();
  });
});

describe('loadConfig', () => {
  it('reads TRUST_PROXY through the checked configuration, off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('reads EXPORT_PROTECTION: perturb unless set, suppress_only when asked, anything else refused by name', () => {
    expect(loadConfig({}).exportProtection).toBe('perturb');
    expect(loadConfig({ EXPORT_PROTECTION: 'suppress_only' }).exportProtection).toBe(
      'suppress_only',
    );
    expect(loadConfig({ EXPORT_PROTECTION: 'perturb' }).exportProtection).toBe('perturb');
    expect(() => loadConfig({ EXPORT_PROTECTION: 'noise' })).toThrow(
      'EXPORT_PROTECTION must be one of perturb, suppress_only',
    );
  });
});
