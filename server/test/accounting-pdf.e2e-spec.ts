import { addDays, PART2_REDISCLOSURE_NOTICE, todayIn } from '@peerpath/shared';
import { createTestApp, seedWorld, type TestApp, type World } from './harness';
import { pdfWords } from './support/pdf';
import { auditSeq } from './support/routes';

/**
 * SPEC §10: the accounting of disclosures as a PDF for the person, in plain
 * words, with the 42 CFR 2.32 notice where a Part 2 consent applies, audited
 * as an export; another team gets 404 and nothing is written.
 */
describe('the accounting of disclosures as a PDF', () => {
  let t: TestApp;
  let w: World;
  let pA: string;
  const today = todayIn('UTC');
  const d = (n: number) => addDays(today, n);

  function pdf(token: string, query = '') {
    return t.app.inject({
      method: 'GET',
      url: `/api/participants/${pA}/disclosures?format=pdf${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
    const { rows } = await t.db.query(
      `INSERT INTO participant (team_id, first_name, preferred_name, last_name, enrolled_on)
       VALUES ($1, 'Robert', 'Bobbie', 'Example', $2) RETURNING id`,
      [w.teamA.id, d(-400)],
    );
    pA = rows[0].id;
    const consent = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', `/api/participants/${pA}/consents`, {
        token: w.workerA.token,
        body: { part2: false, signedOn: d(-60), expiresOn: d(300), ...body },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const disclose = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', `/api/participants/${pA}/disclosures`, {
        token: w.workerA.token,
        body: { method: 'phone', ...body },
      });
      expect(res.status).toBe(201);
    };
    await consent({
      recipient: 'Harbor Housing',
      purpose: 'To find me a flat',
      information: ['contact_details'],
    });
    const clinic = await consent({
      recipient: 'Riverside Recovery Clinic',
      purpose: 'To coordinate my treatment',
      information: ['substance_use_records', 'attendance'],
      part2: true,
    });
    await disclose({
      recipient: 'Harbor Housing',
      information: ['contact_details'],
      disclosedOn: d(-20),
      method: 'email',
    });
    await disclose({
      recipient: 'Riverside Recovery Clinic',
      information: ['substance_use_records'],
      disclosedOn: d(-10),
      consentId: clinic,
    });
    await disclose({
      recipient: 'County Mobile Crisis Team',
      information: ['contact_details'],
      disclosedOn: d(-5),
      emergency: true,
      reason: 'Bobbie stopped answering after saying they were not safe',
    });
  });
  afterAll(() => t.close());

  it('is a PDF in plain words: every disclosure with what, how, why and who, and the Part 2 notice', async () => {
    const seq = await auditSeq(t);
    const res = await pdf(w.workerA.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const from = addDays(today, 0).replace(/^(\d{4})/, (y) => String(Number(y) - 3));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="peerpath-disclosures-${from}-to-${today}.pdf"`,
    );
    const file = res.rawPayload.toString('latin1');
    expect(file.startsWith('%PDF-')).toBe(true);
    expect(file.trimEnd().endsWith('%%EOF')).toBe(true);
    const text = pdfWords(file);
    for (const words of [
      'Who we shared your information with: Bobbie Example',
      'What we shared (3 times)',
      'Harbor Housing',
      'What: Contact details',
      'How: Email',
      'Why: To find me a flat',
      'You agreed to this in a signed consent.',
      'Riverside Recovery Clinic',
      'Why: To coordinate my treatment',
      'County Mobile Crisis Team',
      'In an emergency, without asking you first. Why: Bobbie stopped answering',
      'Shared by: Wes Worker',
      'The notice sent with substance use records (42 CFR 2.32)',
      PART2_REDISCLOSURE_NOTICE.slice(0, 80),
    ]) {
      expect(text).toContain(words);
    }
    // Newest first.
    expect(text.indexOf('County Mobile Crisis Team')).toBeLessThan(
      text.indexOf('Riverside Recovery Clinic'),
    );
    expect(text.indexOf('Riverside Recovery Clinic')).toBeLessThan(text.indexOf('Harbor Housing'));
    // The system's own references are not for the person.
    expect(text).not.toContain(pA);
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, participant_id, team_id, details FROM audit_event WHERE seq > $1`,
      [seq],
    );
    expect(rows).toEqual([
      {
        actor_id: w.workerA.id,
        action: 'export',
        entity_type: 'disclosure',
        participant_id: pA,
        team_id: w.teamA.id,
        details: { accounting: true, format: 'pdf', from, to: today },
      },
    ]);
  });

  it('covers the period asked for; without Part 2 disclosures there is no notice', async () => {
    const res = await pdf(w.supA.token, `&from=${d(-25)}&to=${d(-15)}`);
    expect(res.statusCode).toBe(200);
    const text = pdfWords(res.rawPayload.toString('latin1'));
    expect(text).toContain('One time we shared');
    expect(text).toContain('Harbor Housing');
    expect(text).not.toContain('Riverside Recovery Clinic');
    expect(text).not.toContain('42 CFR 2.32');
    const none = await pdf(w.supA.token, `&from=${d(-100)}&to=${d(-90)}`);
    expect(pdfWords(none.rawPayload.toString('latin1'))).toContain(
      'We did not share information about you in this period.',
    );
  });

  it('refuses another team (404) and a bad period (400), writing no export', async () => {
    const seq = await auditSeq(t);
    const other = await pdf(w.workerB.token);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Bobbie');
    const bad = await pdf(w.workerA.token, `&from=${today}&to=${d(-1)}`);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(JSON.parse(bad.body).errors)).toEqual(['from']);
    const { rows } = await t.db.query(
      `SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [seq],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['access_denied']);
  });
});
