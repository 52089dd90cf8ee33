import { Workbook } from 'exceljs';
import { perturbCount, perturbHours, type ActivitySummary } from '@peerpath/shared';
import type { SeededUser, TestApp } from './harness';
import { MARCH, TZ, type Fixture, withReportFixture } from './support/report-fixture';

/*
 * SPEC §14 on the hand-built fixture of support/report-fixture.ts (March 2026,
 * America/New_York), with EXPORT_PROTECTION left at its default (`perturb`)
 * and a suppression threshold of 2, so that most of the fixture's small counts
 * are published and their perturbation can be checked against record keys
 * summed here with SQL of the test's own.
 */
const THRESHOLD = 2;
const WIDE = 'from=2026-02-01&to=2026-04-30';

const KEY_TABLES = [
  'participant',
  'support_session',
  'attendance',
  'handout',
  'advocacy_action',
  'decision_note',
  'measurement',
  'time_entry',
];

/** `section.metric.breakdown` → value, from an export's CSV (the label, last, may hold commas). */
function csvValues(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [section, metric, breakdown, value] = line.split(',');
        return [[section, metric, breakdown].filter(Boolean).join('.'), value];
      }),
  );
}

/** The counts of the JSON report under the export's names (`summary.` for top-level figures). */
function jsonCounts(s: ActivitySummary): Record<string, number> {
  const out: Record<string, number> = {
    'summary.participantsServed': s.participantsServed,
    'summary.newParticipants': s.newParticipants,
    'summary.dischargedParticipants': s.dischargedParticipants,
    'summary.decisionNotes': s.decisionNotes,
    'sessions.total': s.sessions.total,
    'groupAttendance.attended': s.groupAttendance.attended,
    'handouts.total': s.handouts.total,
    'advocacy.opened': s.advocacy.opened,
    'advocacy.completed': s.advocacy.completed,
  };
  const each = (prefix: string, rec: Record<string, number>) => {
    for (const [k, v] of Object.entries(rec)) out[`${prefix}.${k}`] = v;
  };
  each('sessions.byType', s.sessions.byType);
  each('sessions.bySetting', s.sessions.bySetting);
  each('handouts.byCategory', s.handouts.byCategory);
  each('handouts.byOutcome', s.handouts.byOutcome);
  each('advocacy.byCategory', s.advocacy.byCategory);
  each('advocacy.byLevel', s.advocacy.byLevel);
  return out;
}

describe('reports: funder exports resist differencing (SPEC §14)', () => {
  let t: TestApp;
  let f: Fixture;
  withReportFixture((app, fixture) => ([t, f] = [app, fixture]), {
    suppressionThreshold: THRESHOLD,
  });

  const get = async (url: string, who: SeededUser = f.supA) => {
    const res = await t.request('GET', url, { token: who.token });
    expect(res.status).toBe(200);
    return res;
  };

  /** Team A's record keys summed with SQL of the test's own: the count and the cell key. */
  async function cell(sql: string, values: unknown[]): Promise<{ c: number; k: number }> {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS c, mod(coalesce(sum(x.record_key::numeric), 0), 1)::float8 AS k FROM (${sql}) x`,
      values,
    );
    return rows[0];
  }

  const published = ({ c, k }: { c: number; k: number }) =>
    c === 0 ? '0' : c < THRESHOLD ? `<${THRESHOLD}` : String(perturbCount(c, k, THRESHOLD));

  it('gives every counted record its own key in [0, 1), stored by the database, and shows it nowhere', async () => {
    for (const table of KEY_TABLES) {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT record_key)::int AS keys,
                coalesce(bool_and(record_key >= 0 AND record_key < 1), true) AS in_range
           FROM ${table}`,
      );
      expect({ table, ...rows[0] }).toEqual({
        table,
        n: rows[0].n,
        keys: rows[0].n,
        in_range: true,
      });
    }
    // Never changed: an UPDATE that tries keeps the key the record was stored with.
    const before = await t.db.query(`SELECT record_key FROM participant WHERE id = $1`, [f.p.P1]);
    await t.db.query(`UPDATE participant SET record_key = 0.5, phone = phone WHERE id = $1`, [
      f.p.P1,
    ]);
    const after = await t.db.query(`SELECT record_key FROM participant WHERE id = $1`, [f.p.P1]);
    expect(after.rows[0].record_key).toBe(before.rows[0].record_key);
    expect(before.rows[0].record_key).not.toBe(0.5);
    const { rows: participants } = await t.db.query(`SELECT count(*)::int AS n FROM participant`);
    expect(participants[0].n).toBeGreaterThan(5);
    for (const url of [
      '/api/participants',
      `/api/participants/${f.p.P1}`,
      '/api/sessions',
      `/api/handouts?participantId=${f.p.P1}`,
      `/api/advocacy-actions?participantId=${f.p.P1}`,
    ]) {
      const res = await t.request('GET', url, { token: f.supA.token });
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.text).not.toMatch(/record_?key/i);
    }
    for (const q of [`${MARCH}&format=csv`, `${MARCH}&format=csv&internal=true`]) {
      expect((await get(`/api/reports/activity/export?${q}`)).text).not.toMatch(/record_?key/i);
    }
  });

  it('publishes each shown count as max(threshold, count + p(key)) of its own records; zero stays 0', async () => {
    const A = f.teamA.id;
    const json = (await get(`/api/reports/activity?${MARCH}`)).body as ActivitySummary;
    const res = await get(`/api/reports/activity/export?${MARCH}&format=csv`);
    const v = csvValues(res.text);
    expect(v['meta.protection']).toBe('perturb');
    expect(res.text).toContain('breakdowns may not add up to their totals');

    const period = ['2026-03-01', '2026-03-31', A];
    const expected: Record<string, { c: number; k: number }> = {
      'summary.newParticipants': await cell(
        `SELECT record_key FROM participant WHERE enrolled_on BETWEEN $1 AND $2 AND team_id = $3`,
        period,
      ),
      'summary.dischargedParticipants': await cell(
        `SELECT record_key FROM participant WHERE discharged_on BETWEEN $1 AND $2 AND team_id = $3`,
        period,
      ),
      'sessions.total': await cell(
        `SELECT record_key FROM support_session
          WHERE (starts_at AT TIME ZONE '${TZ}')::date BETWEEN $1 AND $2 AND team_id = $3 AND voided_at IS NULL`,
        period,
      ),
      'summary.participantsServed': await cell(
        `SELECT p.record_key FROM participant p WHERE EXISTS (
           SELECT 1 FROM attendance a JOIN support_session s ON s.id = a.session_id
            WHERE a.participant_id = p.id AND a.status = 'attended' AND s.team_id = $3
              AND s.voided_at IS NULL AND (s.starts_at AT TIME ZONE '${TZ}')::date BETWEEN $1 AND $2)`,
        period,
      ),
      'handouts.total': await cell(
        `SELECT record_key FROM handout WHERE given_on BETWEEN $1 AND $2 AND team_id = $3`,
        period,
      ),
      'advocacy.opened': await cell(
        `SELECT record_key FROM advocacy_action WHERE opened_on BETWEEN $1 AND $2 AND team_id = $3`,
        period,
      ),
      'summary.decisionNotes': await cell(
        `SELECT record_key FROM decision_note WHERE discussed_on BETWEEN $1 AND $2 AND team_id = $3`,
        period,
      ),
    };
    const counts = jsonCounts(json);
    let checked = 0;
    for (const [key, kc] of Object.entries(expected)) {
      expect([key, kc.c]).toEqual([key, counts[key]]); // the test's SQL counts what the report counts
      if (v[key] === 'suppressed') continue;
      expect([key, v[key]]).toEqual([key, published(kc)]);
      if (kc.c >= THRESHOLD) checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);

    // Other hours: whole hours plus p(k) of the period's time entries (four in March:
    // 2.5 h); each kind has a single entry, fewer than the threshold, so each is hidden.
    const entries = await cell(
      `SELECT record_key FROM time_entry WHERE worked_on BETWEEN $1 AND $2 AND team_id = $3`,
      period,
    );
    expect(entries.c).toBe(4);
    expect(json.otherHours.total).toBe(2.5);
    expect(v['otherHours.total']).toBe(String(perturbHours(2.5, 4, entries.k, THRESHOLD)));
    expect(Math.abs(Number(v['otherHours.total']) - 3)).toBeLessThanOrEqual(2);
    for (const [kind, hours] of Object.entries(json.otherHours.byKind)) {
      expect([kind, v[`otherHours.byKind.${kind}`]]).toEqual([
        kind,
        hours === 0 ? '0' : 'suppressed',
      ]);
    }

    // Every count: zero stays 0, nothing shown below the threshold, never more than 2 away.
    for (const [key, c] of Object.entries(counts)) {
      const shown = v[key];
      if (c === 0) expect([key, shown]).toEqual([key, '0']);
      else if (/^\d+$/.test(shown)) {
        expect(Number(shown)).toBeGreaterThanOrEqual(THRESHOLD);
        expect(Math.abs(Number(shown) - c)).toBeLessThanOrEqual(2);
      } else expect([`<${THRESHOLD}`, 'suppressed']).toContain(shown);
    }
  });

  it('gives the same records the same figure in overlapping periods and every format; the on-screen report and the internal export stay exact', async () => {
    const narrow = (await get(`/api/reports/activity?${MARCH}`)).body as ActivitySummary;
    const wide = (await get(`/api/reports/activity?${WIDE}`)).body as ActivitySummary;
    const a = csvValues((await get(`/api/reports/activity/export?${MARCH}`)).text);
    const b = csvValues((await get(`/api/reports/activity/export?${WIDE}`)).text);
    const [cn, cw] = [jsonCounts(narrow), jsonCounts(wide)];
    // A cell of the wider period with the same count as in March counts the same records.
    let same = 0;
    let different = 0;
    for (const key of Object.keys(cn)) {
      if (!/^\d+$/.test(a[key]) || !/^\d+$/.test(b[key]) || cn[key] === 0) continue;
      if (cn[key] === cw[key]) {
        expect([key, b[key]]).toEqual([key, a[key]]);
        same++;
      } else different++;
    }
    expect(same).toBeGreaterThanOrEqual(3);
    expect(different).toBeGreaterThanOrEqual(1);

    // Asked again, and as XLSX: the very same figures.
    expect(csvValues((await get(`/api/reports/activity/export?${MARCH}`)).text)).toEqual(a);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/reports/activity/export?${MARCH}&format=xlsx`,
      headers: { authorization: `Bearer ${f.supA.token}` },
    });
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    for (const sheet of wb.worksheets.slice(1)) {
      const section = { Summary: 'summary', Sessions: 'sessions' }[sheet.name];
      if (!section) continue;
      for (const row of (sheet.getSheetValues() as unknown[][]).slice(2)) {
        const key = [section, row[2], row[3]].filter(Boolean).join('.');
        expect([key, String(row[4])]).toEqual([key, a[key]]);
      }
    }
    const about = (wb.getWorksheet('About this report')!.getSheetValues() as unknown[][])
      .flat()
      .join(' ');
    expect(about).toContain('perturb');
    expect(about).toContain('may not add up exactly to its total');

    // The team's own staff see exact figures: the JSON report and the internal export.
    expect(narrow.sessions.total).toBe(6);
    const internal = csvValues(
      (await get(`/api/reports/activity/export?${MARCH}&internal=true`)).text,
    );
    expect(internal['meta.protection']).toBe('none');
    for (const [key, c] of Object.entries(cn))
      expect([key, internal[key]]).toEqual([key, String(c)]);
    expect(internal['otherHours.total']).toBe(String(narrow.otherHours.total));
    for (const [kind, hours] of Object.entries(narrow.otherHours.byKind))
      expect([kind, internal[`otherHours.byKind.${kind}`]]).toEqual([kind, String(hours)]);

    // Both exports are audited with the protection they used.
    const { rows } = await t.db.query(
      `SELECT details FROM audit_event WHERE action = 'export' ORDER BY seq DESC LIMIT 4`,
    );
    expect(rows.map((r) => r.details.protection ?? 'internal')).toEqual([
      'internal',
      'perturb',
      'perturb',
      'perturb',
    ]);
  });

  it('perturbs the outcomes export and puts outcome rows on the activity PDF', async () => {
    const outcomes = csvValues((await get(`/api/reports/outcomes/export?${MARCH}`)).text);
    expect(outcomes['meta.protection']).toBe('perturb');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/reports/activity/export?${MARCH}&format=pdf`,
      headers: { authorization: `Bearer ${f.supA.token}` },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdf.rawPayload.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const drawn = pdfText(text);
    for (const words of ['Outcome measures', 'PHQ-9', 'GAD-7', 'BARC-10', 'Improved']) {
      expect(drawn).toContain(words);
    }
  });
});

/** The text drawn on a PDF page (pdfkit writes hex glyph codes in TJ arrays). */
function pdfText(pdf: string): string {
  const runs: string[] = [];
  for (const [, array] of pdf.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    let run = '';
    for (const [, hex] of array.matchAll(/<([0-9a-fA-F]*)>/g)) {
      run += Buffer.from(hex, 'hex').toString('latin1');
    }
    runs.push(run);
  }
  return runs.join('\n');
}
