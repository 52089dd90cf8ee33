import { Workbook } from 'exceljs';
import type { SeededUser, TestApp } from './harness';
import {
  MARCH,
  PRIVATE_TEXT,
  UUID,
  type Fixture,
  withReportFixture,
} from './support/report-fixture';

/* Reports on the hand-built fixture of support/report-fixture.ts (ORG_TIMEZONE America/New_York, March 2026). */
describe('reports: funder export', () => {
  let t: TestApp;
  let f: Fixture;

  // §5's exact figures: these assertions hold under suppression alone (SPEC §14's `suppress_only`).
  withReportFixture((app, fixture) => ([t, f] = [app, fixture]), {
    exportProtection: 'suppress_only',
  });

  const exportEvents = async () =>
    (
      await t.db.query(
        `SELECT actor_id, team_id, entity_type, details FROM audit_event WHERE action = 'export' ORDER BY seq`,
      )
    ).rows;

  it('writes the suppressed figures as CSV, de-identified, and audits the export', async () => {
    const before = (await exportEvents()).length;
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}&format=csv`, {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.csv"',
    );
    // Every non-zero count of team A's March is below 11, so every one is "<11" and
    // every derived figure is suppressed with its count; zeros are shown.
    // The first four columns; the fifth, `label`, is checked in reports-export-labels.e2e-spec.ts.
    const firstFour = res.text
      .split('\n')
      .map((line) => line.split(',').slice(0, 4).join(','))
      .join('\n');
    expect(firstFour).toBe(
      [
        'section,metric,breakdown,value',
        'meta,from,,2026-03-01',
        'meta,to,,2026-03-31',
        'meta,team,,Team A',
        'meta,suppressionThreshold,,11',
        'meta,protection,,suppress_only',
        'summary,participantsServed,,<11',
        'summary,newParticipants,,<11',
        'summary,dischargedParticipants,,<11',
        'sessions,total,,<11',
        'sessions,byType,support_group,<11',
        'sessions,byType,one_to_one_mentoring,<11',
        'sessions,byType,condition_specific_group,<11',
        'sessions,byType,family_support_group,0',
        'sessions,byType,online_forum,<11',
        'sessions,byType,educational_group,<11',
        'sessions,bySetting,community_center,<11',
        'sessions,bySetting,hospital,<11',
        'sessions,bySetting,clinic,<11',
        'sessions,bySetting,online,<11',
        'sessions,bySetting,phone,<11',
        'sessions,bySetting,home_visit,<11',
        'sessions,bySetting,other,0',
        'groupAttendance,attended,,<11',
        'groupAttendance,averagePerGroupSession,,suppressed',
        'summary,serviceHours,,suppressed',
        'summary,contactHours,,suppressed',
        'handouts,total,,<11',
        'handouts,byCategory,crisis,<11',
        'handouts,byCategory,mental_health_treatment,0',
        'handouts,byCategory,substance_use_treatment,0',
        'handouts,byCategory,housing,<11',
        'handouts,byCategory,food,<11',
        'handouts,byCategory,employment,0',
        'handouts,byCategory,benefits,0',
        'handouts,byCategory,legal,0',
        'handouts,byCategory,peer_support_group,0',
        'handouts,byCategory,education,0',
        'handouts,byCategory,transportation,0',
        'handouts,byCategory,other,0',
        'handouts,byOutcome,pending,<11',
        'handouts,byOutcome,contacted,0',
        'handouts,byOutcome,scheduled,0',
        'handouts,byOutcome,connected,<11',
        'handouts,byOutcome,not_connected,0',
        'handouts,byOutcome,declined,<11',
        'handouts,byOutcome,no_capacity,0',
        'handouts,byOutcome,not_eligible,0',
        'handouts,connectionRate,,suppressed',
        'handouts,medianDaysToOutcome,,',
        'advocacy,opened,,<11',
        'advocacy,completed,,<11',
        'advocacy,byCategory,healthcare_navigation,0',
        'advocacy,byCategory,housing,<11',
        'advocacy,byCategory,benefits,0',
        'advocacy,byCategory,legal,<11',
        'advocacy,byCategory,employment,0',
        'advocacy,byCategory,education,0',
        'advocacy,byCategory,discrimination,0',
        'advocacy,byCategory,policy,<11',
        'advocacy,byCategory,other,0',
        'advocacy,byLevel,individual,<11',
        'advocacy,byLevel,systemic,<11',
        'summary,decisionNotes,,<11',
        // Hours of work, not counts of people: §5 publishes them as they are, like the JSON
        // (20 + 20 + 20 + 90 minutes; each kind rounded on its own).
        'otherHours,total,,2.5',
        'otherHours,byKind,outreach,0.3',
        'otherHours,byKind,travel,0.3',
        'otherHours,byKind,documentation,0.3',
        'otherHours,byKind,training,0',
        'otherHours,byKind,supervision,1.5',
        'otherHours,byKind,community_event,0',
        'otherHours,byKind,admin,0',
        '',
      ].join('\n'),
    );
    for (const secret of PRIVATE_TEXT) expect(res.text).not.toContain(secret);
    expect(res.text).not.toMatch(UUID);
    const events = await exportEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toEqual({
      actor_id: f.supA.id,
      team_id: f.teamA.id,
      entity_type: 'report',
      details: { from: '2026-03-01', to: '2026-03-31', format: 'csv', protection: 'suppress_only' },
    });
  });

  it('names the whole organisation "all" for an admin without a team', async () => {
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
      token: f.admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="peerpath-activity-all-2026-03-01-to-2026-03-31.csv"',
    );
    const meta = res.text.split('\n').slice(1, 6);
    expect(meta.map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      'meta,from,,2026-03-01',
      'meta,to,,2026-03-31',
      'meta,team,,all',
      'meta,suppressionThreshold,,11',
      'meta,protection,,suppress_only',
    ]);
    expect((await exportEvents()).at(-1)).toEqual({
      actor_id: f.admin.id,
      team_id: null,
      entity_type: 'report',
      details: { from: '2026-03-01', to: '2026-03-31', format: 'csv', protection: 'suppress_only' },
    });
  });

  it('writes an XLSX with a cover sheet and a sheet per section', async () => {
    const before = (await exportEvents()).length;
    const res = await download(t, `/api/reports/activity/export?${MARCH}&format=xlsx`, f.supA);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.xlsx"',
    );
    const wb = new Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'About this report',
      'Summary',
      'Sessions',
      'Group attendance',
      'Handouts',
      'Advocacy',
      'Other hours',
    ]);
    const cells: unknown[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    const all = cells.map(String).join('\n');
    expect(all).toContain('PeerPath Test Network');
    expect(all).toContain('Activity summary');
    expect(all).toContain('1 March 2026 to 31 March 2026');
    expect(all).toContain('Team A');
    expect(all).toContain('Counts from 1 to 10 are shown as "<11"');
    for (const secret of PRIVATE_TEXT) expect(all).not.toContain(secret);
    expect(all).not.toMatch(UUID);
    const sessions = wb.getWorksheet('Sessions')!;
    const rows = sessions.getSheetValues().slice(2) as unknown[][];
    const byKey = Object.fromEntries(rows.map((r) => [`${r[2]}.${r[3] ?? ''}`, r[4]]));
    expect(byKey['total.']).toBe('<11');
    expect(byKey['byType.support_group']).toBe('<11');
    expect(byKey['byType.family_support_group']).toBe(0);
    expect(byKey['bySetting.other']).toBe(0);
    expect(Object.keys(byKey)).toHaveLength(1 + 6 + 7);
    const other = wb.getWorksheet('Other hours')!.getSheetValues().slice(2) as unknown[][];
    expect(Object.fromEntries(other.map((r) => [`${r[2]}.${r[3] ?? ''}`, r[4]]))).toEqual({
      'total.': 2.5,
      'byKind.outreach': 0.3,
      'byKind.travel': 0.3,
      'byKind.documentation': 0.3,
      'byKind.training': 0,
      'byKind.supervision': 1.5,
      'byKind.community_event': 0,
      'byKind.admin': 0,
    });
    expect((await exportEvents()).length).toBe(before + 1);
    expect((await exportEvents()).at(-1).details).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'xlsx',
      protection: 'suppress_only',
    });
  });

  it('writes a one-page PDF with the title, the period, the figures and the chart', async () => {
    const before = (await exportEvents()).length;
    const res = await download(t, `/api/reports/activity/export?${MARCH}&format=pdf`, f.supA);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="peerpath-activity-team-a-2026-03-01-to-2026-03-31.pdf"',
    );
    const pdf = res.body.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    for (const words of [
      'PeerPath Test Network',
      'Activity summary',
      '1 March 2026 to 31 March 2026',
      'Team: Team A',
      'Sessions by type',
      'Family support group',
      '<11',
      'Other hours by kind',
      'Supervision',
      '1.5',
    ]) {
      expect(text).toContain(words);
    }
    for (const secret of PRIVATE_TEXT) {
      expect(text).not.toContain(secret);
      expect(pdf).not.toContain(secret);
    }
    expect(text).not.toMatch(UUID);
    expect((await exportEvents()).length).toBe(before + 1);
    expect((await exportEvents()).at(-1).details).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'pdf',
      protection: 'suppress_only',
    });
  });

  it('refuses workers, other teams and unknown formats, and audits nothing then', async () => {
    const before = (await exportEvents()).length;
    expect(
      (
        await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
          token: f.workerA.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.request('GET', `/api/reports/activity/export?${MARCH}&teamId=${f.teamB.id}`, {
          token: f.supA.token,
        })
      ).status,
    ).toBe(403);
    const bad = await t.request('GET', `/api/reports/activity/export?${MARCH}&format=docx`, {
      token: f.supA.token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('format');
    expect((await t.request('GET', `/api/reports/activity/export?${MARCH}`)).status).toBe(401);
    expect((await exportEvents()).length).toBe(before);
  });
});

describe('funder export with complementary suppression', () => {
  let t: TestApp;
  let f: Fixture;

  withReportFixture((app, fixture) => ([t, f] = [app, fixture]), {
    suppressionThreshold: 2,
    exportProtection: 'suppress_only',
  });

  it('hides the smallest other cell where one would stand alone', async () => {
    const res = await t.request('GET', `/api/reports/activity/export?${MARCH}`, {
      token: f.supA.token,
    });
    expect(res.status).toBe(200);
    const value = Object.fromEntries(
      res.text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [section, metric, breakdown, v] = line.split(',');
          return [[section, metric, breakdown].filter(Boolean).join('.'), v];
        }),
    );
    // Threshold 2: only counts of 1 are small.
    expect(value).toMatchObject({
      'meta.suppressionThreshold': '2',
      'summary.participantsServed': '4',
      'summary.newParticipants': '2',
      'summary.dischargedParticipants': '<2',
      'sessions.total': '6',
      // Four types at 1 are hidden; one_to_one_mentoring (2) can stay, as can the total.
      'sessions.byType.support_group': '<2',
      'sessions.byType.one_to_one_mentoring': '2',
      'sessions.byType.family_support_group': '0',
      'sessions.bySetting.phone': '<2',
      'sessions.bySetting.other': '0',
      // attended, sessions.total and one-to-one shown: the average gives nothing away.
      'groupAttendance.attended': '5',
      'groupAttendance.averagePerGroupSession': '1.3',
      'summary.serviceHours': '5.7',
      'summary.contactHours': '6.1',
      'handouts.total': '5',
      // food (1) stands alone, so the smallest other non-zero cell goes: crisis and housing
      // are both 2, and crisis comes first.
      'handouts.byCategory.crisis': 'suppressed',
      'handouts.byCategory.housing': '2',
      'handouts.byCategory.food': '<2',
      // declined (1) stands alone: pending and connected are both 2, pending comes first.
      'handouts.byOutcome.pending': 'suppressed',
      'handouts.byOutcome.connected': '2',
      'handouts.byOutcome.declined': '<2',
      'handouts.connectionRate': 'suppressed',
      'advocacy.opened': '3',
      'advocacy.completed': '2',
      'advocacy.byCategory.housing': '<2',
      'advocacy.byCategory.legal': '<2',
      'advocacy.byCategory.policy': '<2',
      // systemic (1) stands alone, so individual (2) goes with it.
      'advocacy.byLevel.individual': 'suppressed',
      'advocacy.byLevel.systemic': '<2',
      'summary.decisionNotes': '2',
    });
  });
});

/** A file download, as bytes (the harness reads replies as text). */
async function download(t: TestApp, url: string, who: SeededUser) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${who.token}` },
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

/**
 * The text drawn on the page. pdfkit writes each run of text as hex glyph
 * codes in a TJ array (kerning numbers between them); the standard fonts use
 * single-byte codes, so decoding the hex gives the text back.
 */
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
