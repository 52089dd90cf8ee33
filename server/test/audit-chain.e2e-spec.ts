import { sealAuditTrail, verifyAuditTrail, type Query } from '../src/audit/audit-chain';
import { AuditSealer } from '../src/audit/audit-sealer.service';
import { createTestApp, seedWorld, type TestApp } from './harness';

describe('tamper-evident audit trail', () => {
  let t: TestApp;
  let query: Query;

  /** What someone with database superuser rights could do behind the app's back. */
  async function asSuperuser(sql: string, params: unknown[] = []) {
    const c = await t.db.connect();
    try {
      await c.query(`SET session_replication_role = replica`); // triggers off
      await c.query(sql, params);
    } finally {
      await c.query(`RESET session_replication_role`);
      c.release();
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    query = async (sql, params) => (await t.db.query(sql, params)).rows;
    await seedWorld(t); // logins write audit events
  });
  afterAll(() => t.close());

  it('seals every old-enough event and verifies an untouched trail', async () => {
    const sealed = await t.app.get(AuditSealer).sealNow(0);
    expect(sealed).toBeGreaterThanOrEqual(6);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event`);
    const v = await verifyAuditTrail(query);
    expect(v).toMatchObject({ ok: true, checked: rows[0].n, problems: [], pending: 0 });
    expect(v.head.hash).toMatch(/^[0-9a-f]{64}$/);
    // Sealing again adds nothing; young events wait for the next seal.
    expect(await t.app.get(AuditSealer).sealNow(0)).toBe(0);
    await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@test.example', password: 'x'.repeat(12) },
    });
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      expect(await sealAuditTrail(async (s, p) => (await c.query(s, p)).rows, 60)).toBe(0);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    expect((await verifyAuditTrail(query)).pending).toBe(1);
  });

  it('refuses changes to the chain itself', async () => {
    await expect(t.db.query(`DELETE FROM audit_chain`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE audit_chain SET hash = repeat('0', 64)`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('keeps sealing and verifying past seq 99, where text order and number order part', async () => {
    await t.db.query(
      `INSERT INTO audit_event (actor_id, action, entity_type)
       SELECT NULL, 'login_failed', 'user' FROM generate_series(1, 150)`,
    );
    const seal = async () => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        const n = await sealAuditTrail(async (s, p) => (await c.query(s, p)).rows, 0);
        await c.query('COMMIT');
        return n;
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      } finally {
        c.release();
      }
    };
    await seal();
    await t.db.query(
      `INSERT INTO audit_event (actor_id, action, entity_type)
       SELECT NULL, 'login_failed', 'user' FROM generate_series(1, 5)`,
    );
    // The next seal continues from the highest sealed seq (it used to restart at '99').
    expect(await seal()).toBe(5);
    const { rows } = await t.db.query(
      `SELECT max(seq)::text AS seq, count(*)::int AS n FROM audit_event`,
    );
    const v = await verifyAuditTrail(query);
    expect(v).toMatchObject({ ok: true, checked: rows[0].n, pending: 0 });
    expect(v.head.seq).toBe(rows[0].seq);
    const late = String(Number(rows[0].seq) - 3);
    await asSuperuser(`UPDATE audit_event SET entity_type = 'team' WHERE seq = $1`, [late]);
    expect((await verifyAuditTrail(query)).problems).toEqual([{ seq: late, kind: 'edited' }]);
    await asSuperuser(`UPDATE audit_event SET entity_type = 'user' WHERE seq = $1`, [late]);
    expect((await verifyAuditTrail(query)).ok).toBe(true);
  });

  it('detects an edited, a deleted and a slipped-in row, naming each', async () => {
    // A seq value used by no row: where a forged row could later be slipped in.
    const { rows: gap } = await t.db.query(
      `SELECT nextval(pg_get_serial_sequence('audit_event', 'seq'))::text AS seq`,
    );
    await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@test.example', password: 'x'.repeat(12) },
    });
    await t.app.get(AuditSealer).sealNow(0);
    expect((await verifyAuditTrail(query)).ok).toBe(true);

    const { rows } = await t.db.query(
      `SELECT seq::text AS seq FROM audit_chain ORDER BY seq LIMIT 5`,
    );
    const [, edited, , deleted] = rows.map((r) => r.seq as string);
    await asSuperuser(`UPDATE audit_event SET action = 'read' WHERE seq = $1`, [edited]);
    await asSuperuser(`DELETE FROM audit_event WHERE seq = $1`, [deleted]);
    await asSuperuser(
      `INSERT INTO audit_event (seq, actor_id, action, entity_type) OVERRIDING SYSTEM VALUE
       VALUES ($1, NULL, 'login', 'user')`,
      [gap[0].seq],
    );
    const v = await verifyAuditTrail(query);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      { seq: edited, kind: 'edited' },
      { seq: deleted, kind: 'deleted' },
      { seq: gap[0].seq, kind: 'unsealed' },
    ]);
  });
});
