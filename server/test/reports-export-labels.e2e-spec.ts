import { createParticipant, createSession } from './factories/daily-loop';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';

const MARCH = 'from=2026-03-01&to=2026-03-31';

/** The CSV's rows as cells (no cell of these files holds a comma or a quote). */
const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));

/**
 * The funder CSV's `label` column (SPEC §5: `section,metric,breakdown,value,label`),
 * and the internal export: nothing suppressed, still de-identified, for the
 * team's supervisors and admins only, audited, marked "not for funders".
 */
describe('activity export: labels and the internal export', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ exportProtection: 'suppress_only' });
    w = await seedWorld(t);
    const people = [];
    for (const name of ['Quill', 'Rhea', 'Sol']) {
      people.push(
        (await createParticipant(t, w.workerA, { firstName: name, lastName: 'Marsh' })).id,
      );
    }
    for (const day of ['03', '10', '17']) {
      await createSession(t, w.workerA, people, { startsAt: `2026-03-${day}T17:00:00Z` });
    }
  });
  afterAll(() => t.close());

  const exportEvents = async () =>
    (
      await t.db.query(
        `SELECT actor_id, team_id, details FROM audit_event WHERE action = 'export' ORDER BY seq`,
      )
    ).rows;

  it('gives every row of the funder CSV a label in plain words', async () => {
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    expect(rows[0]).toEqual(['section', 'metric', 'breakdown', 'value', 'label']);
    for (const row of rows) expect(row).toHaveLength(5);
    const find = (section: string, metric: string, breakdown = '') =>
      rows.find((r) => r[0] === section && r[1] === metric && r[2] === breakdown);
    expect(find('meta', 'suppressionThreshold')).toEqual([
      'meta',
      'suppressionThreshold',
      '',
      '11',
      'Counts below 11 are hidden',
    ]);
    expect(find('summary', 'participantsServed')).toEqual([
      'summary',
      'participantsServed',
      '',
      '<11',
      'Participants served',
    ]);
    expect(find('sessions', 'byType', 'support_group')).toEqual([
      'sessions',
      'byType',
      'support_group',
      '<11',
      'Sessions by type: Support group',
    ]);
    expect(find('summary', 'serviceHours')?.[4]).toBe('Service hours');
    // Labels are words, not code names.
    for (const row of rows.slice(1)) {
      expect(row[4]).toMatch(/^[A-Z]/);
      expect(row[4]).not.toMatch(/[a-z][A-Z]|_/);
    }
    expect(res.text).not.toMatch(/internal|not for funders/i);
  });

  it('writes every count as it is for a supervisor, marked not for funders, and audits it', async () => {
    const before = (await exportEvents()).length;
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}&internal=true`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="peerpath-activity-internal-not-for-funders-team-a-2026-03-01-to-2026-03-31.csv"',
    );
    const rows = rowsOf(res.text);
    expect(rows[0]).toEqual(['section', 'metric', 'breakdown', 'value', 'label']);
    expect(rows[1].slice(0, 4)).toEqual(['meta', 'audience', '', 'internal']);
    expect(rows[1][4]).toMatch(/^INTERNAL — NOT FOR FUNDERS/);
    const value = (section: string, metric: string, breakdown = '') =>
      rows.find((r) => r[0] === section && r[1] === metric && r[2] === breakdown)?.[3];
    expect(value('meta', 'suppressionThreshold')).toBe('none');
    expect(value('summary', 'participantsServed')).toBe('3');
    expect(value('sessions', 'total')).toBe('3');
    expect(value('sessions', 'byType', 'support_group')).toBe('3');
    expect(value('groupAttendance', 'attended')).toBe('9');
    expect(value('summary', 'serviceHours')).toBe('4.5');
    expect(value('summary', 'contactHours')).toBe('13.5');
    expect(res.text).not.toContain('<11');
    expect(res.text).not.toContain('suppressed');
    // Still de-identified: no names, no ids.
    expect(res.text).not.toMatch(/Quill|Rhea|Sol|Marsh/);
    expect(res.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const events = await exportEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toEqual({
      actor_id: w.supA.id,
      team_id: w.teamA.id,
      details: { from: '2026-03-01', to: '2026-03-31', format: 'csv', internal: true },
    });
  });

  it('marks the internal Excel and PDF files too', async () => {
    for (const format of ['xlsx', 'pdf']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/reports/activity/export?${MARCH}&internal=true&format=${format}`,
        headers: { authorization: `Bearer ${w.admin.token}` },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain('internal-not-for-funders');
      if (format === 'pdf')
        expect(pdfText(res.rawPayload.toString('latin1'))).toMatch(/NOT FOR FUNDERS/);
      else expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
  });

  it('is refused to workers (403) and to another team’s supervisor (403), writing nothing', async () => {
    const before = (await exportEvents()).length;
    const worker = await t.request('GET', `/api/reports/activity/export?${MARCH}&internal=true`, {
      token: w.workerA.token,
    });
    expect(worker.status).toBe(403);
    const other = await t.request(
      'GET',
      `/api/reports/activity/export?${MARCH}&internal=true&teamId=${w.teamA.id}`,
      { token: w.supB.token },
    );
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('Team A');
    const bad = await t.request('GET', `/api/reports/activity/export?${MARCH}&internal=yes`, {
      token: w.supA.token,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('internal');
    expect((await exportEvents()).length).toBe(before);
  });
});

/** The text pdfkit draws: hex glyph codes in TJ arrays, single-byte for the standard fonts. */
function pdfText(pdf: string): string {
  return [...pdf.matchAll(/\[([^\]]*)\]\s*TJ/g)]
    .map(([, array]) =>
      [...array.matchAll(/<([0-9a-fA-F]*)>/g)]
        .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
        .join(''),
    )
    .join(' ');
}
