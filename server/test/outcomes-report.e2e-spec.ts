import { INSTRUMENTS, scoreAnswers, type InstrumentKey } from '@peerpath/shared';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { answersFor } from './support/measures';
import { auditActionsSince, auditSeq } from './support/routes';

/**
 * SPEC §9 outcomes report, on a small fixture whose figures are worked out
 * by hand below. Period: 2026-01-01 to 2026-03-31.
 *
 * PHQ-9, team A (lower is better):
 *   P1 15 (2025-10-01) → 8 (2026-02-01)                       −7 improved
 *   P2 10 (2025-11-01), 12 (2025-12-15) → 13 (2026-03-10)     +3
 *   P3  5 (2026-01-05) → 12 (2026-03-31)                      +7 worsened
 *   P4 20 (2026-02-01) only: the latest is the baseline       left out
 *   P5 20 (2025-09-01) → 10 (2025-12-01): latest before       left out
 *   P6 18 (2026-01-01) → 12 (2026-02-01); 2 on 2026-04-15 is after `to`   −6 improved
 *   P7 27 (2025-10-01, voided), 14 (2025-12-01) → 9 (2026-01-15)          −5 improved
 *   n 5; baselines 15+10+5+18+14 = 62 → 12.4; latest 8+13+12+12+9 = 54 → 10.8;
 *   change −8 / 5 = −1.6; improved 3; worsened 1.
 * BARC-10, team A (higher is better):
 *   P1 30 (2025-12-01) → 36 (2026-03-01) +6 improved; P2 40 → 34 (2026-01-20) −6 worsened
 *   n 2; 35.0; 35.0; 0.0; 1; 1.
 * Team B: P8 PHQ-9 20 (2025-12-01) → 10 (2026-02-01), −10 improved.
 *   Organisation PHQ-9: n 6; 82/6 = 13.7; 64/6 = 10.7; −18/6 = −3.0; improved 4; worsened 1.
 */
describe('outcomes report', () => {
  let t: TestApp;
  let w: World;
  const period = 'from=2026-01-01&to=2026-03-31';

  async function person(teamId: string, name: string): Promise<string> {
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, last_name, enrolled_on)
       VALUES ($1, $2, 'Example', '2025-08-01') RETURNING id`,
      [teamId, name],
    );
    return rows[0].id;
  }

  async function taken(
    participantId: string,
    teamId: string,
    instrument: InstrumentKey,
    takenOn: string,
    score: number,
    voided = false,
  ) {
    const answers = answersFor(instrument, score);
    const scored = scoreAnswers(INSTRUMENTS[instrument], answers);
    expect(scored.score).toBe(score);
    const by = teamId === w.teamA.id ? w.workerA.id : w.workerB.id;
    await t.db.query(
      `INSERT INTO measurement (team_id, participant_id, instrument, taken_on, answers, score, band,
                                administered_by_id, voided_at, voided_by_id, void_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
               CASE WHEN $9 THEN now() END, CASE WHEN $9 THEN $8::uuid END, CASE WHEN $9 THEN 'Wrong person' END)`,
      [teamId, participantId, instrument, takenOn, answers, score, scored.band, by, voided],
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ exportProtection: 'suppress_only' });
    w = await seedWorld(t);
    const A = w.teamA.id;
    const B = w.teamB.id;
    const [p1, p2, p3, p4, p5, p6, p7] = await Promise.all(
      ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'].map((n) => person(A, n)),
    );
    const p8 = await person(B, 'P8');
    const rows: [string, string, InstrumentKey, string, number, boolean?][] = [
      [p1, A, 'phq9', '2025-10-01', 15],
      [p1, A, 'phq9', '2026-02-01', 8],
      [p2, A, 'phq9', '2025-11-01', 10],
      [p2, A, 'phq9', '2025-12-15', 12],
      [p2, A, 'phq9', '2026-03-10', 13],
      [p3, A, 'phq9', '2026-01-05', 5],
      [p3, A, 'phq9', '2026-03-31', 12],
      [p4, A, 'phq9', '2026-02-01', 20],
      [p5, A, 'phq9', '2025-09-01', 20],
      [p5, A, 'phq9', '2025-12-01', 10],
      [p6, A, 'phq9', '2026-01-01', 18],
      [p6, A, 'phq9', '2026-02-01', 12],
      [p6, A, 'phq9', '2026-04-15', 2],
      [p7, A, 'phq9', '2025-10-01', 27, true],
      [p7, A, 'phq9', '2025-12-01', 14],
      [p7, A, 'phq9', '2026-01-15', 9],
      [p1, A, 'barc10', '2025-12-01', 30],
      [p1, A, 'barc10', '2026-03-01', 36],
      [p2, A, 'barc10', '2025-12-01', 40],
      [p2, A, 'barc10', '2026-01-20', 34],
      [p8, B, 'phq9', '2025-12-01', 20],
      [p8, B, 'phq9', '2026-02-01', 10],
    ];
    for (const r of rows)
      await taken(...(r as [string, string, InstrumentKey, string, number, boolean]));
  });
  afterAll(() => t.close());

  const teamA = {
    phq9: {
      instrument: 'phq9',
      n: 5,
      meanBaseline: 12.4,
      meanLatest: 10.8,
      meanChange: -1.6,
      improved: 3,
      worsened: 1,
    },
    barc10: {
      instrument: 'barc10',
      n: 2,
      meanBaseline: 35,
      meanLatest: 35,
      meanChange: 0,
      improved: 1,
      worsened: 1,
    },
    gad7: {
      instrument: 'gad7',
      n: 0,
      meanBaseline: null,
      meanLatest: null,
      meanChange: null,
      improved: 0,
      worsened: 0,
    },
  };

  it('gives the hand-computed figures for a supervisor’s team, audited as a report read', async () => {
    const seq = await auditSeq(t);
    const res = await t.request('GET', `/api/reports/outcomes?${period}`, { token: w.supA.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: { from: '2026-01-01', to: '2026-03-31' },
      teamId: w.teamA.id,
      instruments: [teamA.barc10, teamA.phq9, teamA.gad7],
    });
    expect(await auditActionsSince(t, seq)).toEqual(['read']);
    const one = await t.request('GET', `/api/reports/outcomes?${period}&instrument=phq9`, {
      token: w.supA.token,
    });
    expect(one.body.instruments).toEqual([teamA.phq9]);
  });

  it('counts the whole organisation for an admin, and one team when named', async () => {
    const all = await t.request('GET', `/api/reports/outcomes?${period}&instrument=phq9`, {
      token: w.admin.token,
    });
    expect(all.body).toMatchObject({ teamId: null });
    expect(all.body.instruments).toEqual([
      {
        instrument: 'phq9',
        n: 6,
        meanBaseline: 13.7,
        meanLatest: 10.7,
        meanChange: -3,
        improved: 4,
        worsened: 1,
      },
    ]);
    const b = await t.request(
      'GET',
      `/api/reports/outcomes?${period}&instrument=phq9&teamId=${w.teamB.id}`,
      {
        token: w.admin.token,
      },
    );
    expect(b.body.instruments).toEqual([
      {
        instrument: 'phq9',
        n: 1,
        meanBaseline: 20,
        meanLatest: 10,
        meanChange: -10,
        improved: 1,
        worsened: 0,
      },
    ]);
  });

  it('refuses workers, another team’s id and a reversed period, and never shows another team', async () => {
    expect(
      (await t.request('GET', `/api/reports/outcomes?${period}`, { token: w.workerA.token }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.request('GET', `/api/reports/outcomes?${period}&teamId=${w.teamA.id}`, {
          token: w.supB.token,
        })
      ).status,
    ).toBe(403);
    const reversed = await t.request('GET', '/api/reports/outcomes?from=2026-03-01&to=2026-01-01', {
      token: w.supA.token,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toHaveProperty('to');
    const bad = await t.request('GET', `/api/reports/outcomes?${period}&instrument=ras`, {
      token: w.supA.token,
    });
    expect(bad.status).toBe(400);
    const other = await t.request('GET', `/api/reports/outcomes?${period}&instrument=phq9`, {
      token: w.supB.token,
    });
    expect(other.body.instruments[0].n).toBe(1);
  });

  // A report's event is written beside its statements (AuditService.recording): a refused request
  // must write none, and no figure may leave without its event.
  it('writes no event for a refused report, and gives no figures when the event cannot be written', async () => {
    const reports = [
      `/api/reports/outcomes?${period}`,
      `/api/reports/activity?${period}`,
      '/api/reports/caseload?asOf=2026-03-31',
    ];
    const seq = await auditSeq(t);
    for (const path of reports) {
      const [route, query] = path.split('?');
      const reversed =
        route === '/api/reports/caseload'
          ? `${route}?asOf=2026-02-30`
          : `${route}?from=2026-03-01&to=2026-01-01`;
      expect((await t.request('GET', reversed, { token: w.supA.token })).status).toBe(400);
      const otherTeam = `${route}?${query}&teamId=${w.teamA.id}`;
      expect((await t.request('GET', otherTeam, { token: w.supB.token })).status).toBe(403);
    }
    expect(await auditActionsSince(t, seq)).toEqual([]);

    await t.db.query(`
      CREATE FUNCTION refuse_report_event() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$;
      CREATE TRIGGER refuse_report_event BEFORE INSERT ON audit_event
        FOR EACH ROW WHEN (NEW.entity_type = 'report') EXECUTE FUNCTION refuse_report_event();`);
    try {
      for (const path of reports) {
        const res = await t.request('GET', path, { token: w.supA.token, injectedFault: true });
        expect(res.status).toBe(500);
        expect(JSON.stringify(res.body)).not.toMatch(/instruments|participantsServed|totals/);
      }
    } finally {
      await t.db.query(`DROP TRIGGER refuse_report_event ON audit_event;
                        DROP FUNCTION refuse_report_event();`);
    }
    expect(await auditActionsSince(t, seq)).toEqual([]);
    for (const path of reports) {
      expect((await t.request('GET', path, { token: w.supA.token })).status).toBe(200);
    }
    expect(await auditActionsSince(t, seq)).toEqual(['read']);
  });

  it('exports with §5 suppression: n below the threshold hides every figure; audited as export', async () => {
    const seq = await auditSeq(t);
    const res = await t.request('GET', `/api/reports/outcomes/export?${period}&format=csv`, {
      token: w.supA.token,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'section,metric,breakdown,value,label',
      'meta,from,,2026-01-01,First day of the period',
      'meta,to,,2026-03-31,Last day of the period',
      'meta,team,,Team A,Team (all: the whole organisation)',
      'meta,suppressionThreshold,,11,Counts below 11 are hidden',
    ]);
    const phq = lines.filter((l) => l.startsWith('outcomes,') && l.split(',')[2] === 'phq9');
    expect(phq.map((l) => l.split(',').slice(1, 4).join(','))).toEqual([
      'n,phq9,<11',
      'meanBaseline,phq9,suppressed',
      'meanLatest,phq9,suppressed',
      'meanChange,phq9,suppressed',
      'improved,phq9,suppressed',
      'worsened,phq9,suppressed',
    ]);
    expect(res.text).not.toContain('12.4');
    expect(res.text).not.toContain('P1');
    const gad = lines.filter((l) => l.split(',')[2] === 'gad7').map((l) => l.split(',')[3]);
    expect(gad).toEqual(['0', '', '', '', '0', '0']);
    expect(await auditActionsSince(t, seq)).toEqual(['export']);

    for (const format of ['xlsx', 'pdf']) {
      const file = await t.request(
        'GET',
        `/api/reports/outcomes/export?${period}&format=${format}`,
        {
          token: w.supA.token,
        },
      );
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toContain(
        `peerpath-outcomes-team-a-2026-01-01-to-2026-03-31.${format}`,
      );
    }
    const pdf = await t.request('GET', `/api/reports/outcomes/export?${period}&format=pdf`, {
      token: w.supA.token,
    });
    expect(pdf.text.startsWith('%PDF')).toBe(true);
  });
  it('names its file after the team as the activity export does: accents kept as letters, no stray hyphens', async () => {
    const { rows } = await t.db.query(`SELECT name FROM team WHERE id = $1`, [w.teamA.id]);
    await t.db.query(`UPDATE team SET name = $1 WHERE id = $2`, [
      'Équipe Nord — Santé',
      w.teamA.id,
    ]);
    try {
      const names: string[] = [];
      for (const report of ['outcomes', 'activity']) {
        const res = await t.request('GET', `/api/reports/${report}/export?${period}&format=csv`, {
          token: w.supA.token,
        });
        expect(res.status).toBe(200);
        names.push(String(res.headers['content-disposition']));
      }
      expect(names).toEqual([
        'attachment; filename="peerpath-outcomes-equipe-nord-sante-2026-01-01-to-2026-03-31.csv"',
        'attachment; filename="peerpath-activity-equipe-nord-sante-2026-01-01-to-2026-03-31.csv"',
      ]);
    } finally {
      await t.db.query(`UPDATE team SET name = $1 WHERE id = $2`, [rows[0].name, w.teamA.id]);
    }
  });
});
