import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { BACKUP_TABLES, backupDatabase, restoreDatabase } from '../src/database/backup';
import { createTestApp, createTestDatabase, seedWorld, type TestApp } from './harness';

async function checksums(url: string): Promise<Record<string, string>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, string> = {};
    // The report roll-ups are not backed up but rebuilt by the restore: they must come back equal.
    for (const table of [...BACKUP_TABLES, 'team_day_activity', 'participant_contact']) {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${table}" x`,
      );
      out[table] = `${rows[0].n}:${rows[0].sum}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'peerpath-backup-'));
    const w = await seedWorld(t);
    const p = await t.request('POST', '/api/participants', {
      token: w.workerA.token,
      body: {
        firstName: 'Rosa',
        lastName: "O'Neil",
        preferredName: 'Ro',
        focusAreas: ['anxiety'],
        participantType: 'individual',
      },
    });
    expect(p.status).toBe(201);
    const s = await t.request('POST', '/api/sessions', {
      token: w.workerA.token,
      body: {
        type: 'one_to_one_mentoring',
        setting: 'phone',
        startsAt: '2026-05-04T15:00:00Z',
        durationMinutes: 45,
        activities: ['coping_strategies'],
        notes: 'Talked through a plan for the week; "quotes", tabs\tand a\nnew line.',
        attendance: [{ participantId: p.body.id, status: 'attended' }],
      },
    });
    expect(s.status).toBe(201);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every table exactly, audit trail and chain included', async () => {
    const file = join(dir, 'all.gz');
    const header = await withClient(t.config.databaseUrl, (c) => backupDatabase(c, file));
    expect(header.tables.find((x) => x.name === 'participant')?.rows).toBe(1);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const target = await createTestDatabase();
    await withClient(target, (c) => restoreDatabase(c, file));
    const [before, after] = await Promise.all([checksums(t.config.databaseUrl), checksums(target)]);
    expect(after).toEqual(before);
    expect(before.participant.startsWith('1:')).toBe(true);
    expect(before.team_day_activity.startsWith('1:')).toBe(true);
    expect(before.participant_contact.startsWith('1:')).toBe(true);
    // New audit events continue the sequence after the restored ones.
    await withClient(target, async (c) => {
      const { rows } = await c.query(
        `INSERT INTO audit_event (action, entity_type) VALUES ('read', 'test') RETURNING seq::int AS seq`,
      );
      const { rows: max } = await c.query(
        `SELECT max(seq)::int AS m FROM audit_event WHERE entity_type <> 'test'`,
      );
      expect(rows[0].seq).toBe(max[0].m + 1);
    });
  });

  it('refuses a database that already holds data, and a damaged file, changing nothing', async () => {
    const file = join(dir, 'refuse.gz');
    await withClient(t.config.databaseUrl, (c) => backupDatabase(c, file));
    const before = await checksums(t.config.databaseUrl);
    await expect(withClient(t.config.databaseUrl, (c) => restoreDatabase(c, file))).rejects.toThrow(
      /already holds data/,
    );
    expect(await checksums(t.config.databaseUrl)).toEqual(before);

    const text = gunzipSync(readFileSync(file)).toString();
    const damaged = join(dir, 'damaged.gz');
    writeFileSync(damaged, gzipSync(text.slice(0, text.indexOf('COPY participant') + 40)));
    const target = await createTestDatabase();
    const empty = await checksums(target);
    await expect(withClient(target, (c) => restoreDatabase(c, damaged))).rejects.toThrow();
    expect(await checksums(target)).toEqual(empty);
  });
});
