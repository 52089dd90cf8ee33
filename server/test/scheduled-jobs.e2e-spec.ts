import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SchedulerRegistry } from '@nestjs/schedule';
import { verifyAuditTrail } from '../src/audit/audit-chain';
import { AuditSealer } from '../src/audit/audit-sealer.service';
import { createApp } from '../src/app.factory';
import { LoginCleanup } from '../src/auth/login-cleanup.service';
import { createTestApp, seedWorld, type TestApp } from './harness';

/** The background jobs: the audit sealer and the sign-in clean-up, with two replicas on one database. */
describe('scheduled jobs', () => {
  let t: TestApp;
  /** A second replica of the server on the same database. */
  let replica: NestFastifyApplication;

  beforeAll(async () => {
    t = await createTestApp();
    replica = await createApp(t.config);
    await seedWorld(t);
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  /** Failed sign-ins and rotated refresh tokens of various ages; returns what stays. */
  async function seedSignInRecords(): Promise<{ failures: string[]; tokens: string[] }> {
    await t.db.query(`DELETE FROM login_failure`);
    await t.db.query(`DELETE FROM auth_rotated_token`);
    const { rows: failures } = await t.db.query(
      `INSERT INTO login_failure (email_key, ip, at, pending)
       VALUES ('old@test.example', '10.0.0.1', now() - interval '25 hours', false),
              ('old@test.example', '10.0.0.1', now() - interval '2 days', false),
              ('recent@test.example', '10.0.0.2', now() - interval '23 hours', false),
              ('recent@test.example', '10.0.0.2', now() - interval '5 minutes', true)
       RETURNING id::text, email_key`,
    );
    const { rows: sessions } = await t.db.query(`SELECT id FROM auth_session LIMIT 1`);
    const { rows: tokens } = await t.db.query(
      `INSERT INTO auth_rotated_token (token_hash, session_id, rotated_at)
       VALUES (repeat('a', 64), $1, now() - interval '14 hours'),
              (repeat('b', 64), $1, now() - interval '12 hours')
       RETURNING token_hash`,
      [sessions[0].id],
    );
    return {
      failures: failures.filter((f) => f.email_key === 'recent@test.example').map((f) => f.id),
      tokens: [tokens[1].token_hash],
    };
  }

  async function signInRecords() {
    const f = await t.db.query(`SELECT id::text FROM login_failure`);
    const r = await t.db.query(`SELECT token_hash FROM auth_rotated_token`);
    return {
      failures: f.rows.map((x) => x.id).sort(),
      tokens: r.rows.map((x) => x.token_hash).sort(),
    };
  }

  it('runs both jobs on every replica, on a schedule that stops when the app closes', async () => {
    for (const app of [t.app, replica]) {
      expect(app.get(SchedulerRegistry).getIntervals().sort()).toEqual([
        'audit-seal',
        'login-cleanup',
      ]);
    }
    const other = await createApp(t.config);
    const registry = other.get(SchedulerRegistry);
    await other.close();
    expect(registry.getIntervals()).toEqual([]);
  });

  it('forgets failed sign-ins older than a day and refresh tokens past the absolute limit', async () => {
    const kept = await seedSignInRecords();
    expect(await t.app.get(LoginCleanup).cleanNow()).toBe(true);
    expect(await signInRecords()).toEqual({
      failures: [...kept.failures].sort(),
      tokens: kept.tokens,
    });
  });

  it('cleans on one replica at a time: another skips while one holds the lock', async () => {
    const kept = await seedSignInRecords();
    const before = await signInRecords();
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('peerpath.login-cleanup', 0))`);
      expect(
        await Promise.all([
          t.app.get(LoginCleanup).cleanNow(),
          replica.get(LoginCleanup).cleanNow(),
        ]),
      ).toEqual([false, false]);
      expect(await signInRecords()).toEqual(before);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const done = await Promise.all([
      t.app.get(LoginCleanup).cleanNow(),
      replica.get(LoginCleanup).cleanNow(),
    ]);
    expect(done).toContain(true);
    expect(await signInRecords()).toEqual({
      failures: [...kept.failures].sort(),
      tokens: kept.tokens,
    });
  });

  it('seals the audit trail from two replicas at once into one unbroken chain', async () => {
    await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@test.example', password: 'x'.repeat(12) },
    });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE seq > coalesce((SELECT max(seq) FROM audit_chain), 0)`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    const sealed = await Promise.all([
      t.app.get(AuditSealer).sealNow(0),
      replica.get(AuditSealer).sealNow(0),
    ]);
    // One sealed what was waiting; the other found it locked or already sealed.
    expect([...sealed].sort((a, b) => a - b)).toEqual([0, rows[0].n]);
    const v = await verifyAuditTrail(async (sql, params) => (await t.db.query(sql, params)).rows);
    expect(v).toMatchObject({ ok: true, problems: [], pending: 0 });
  });
});
