import { DEMO_PASSWORD } from '../src/database/seed/demo';
import { createDemoTestApp, login, type TestApp } from './harness';

describe('demo data: consents to share and disclosures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('gives about half of the people a consent, a few ending soon, one withdrawn, one emergency', async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(DISTINCT participant_id) FROM consent)::float8
                / (SELECT count(*) FROM participant WHERE status = 'active') AS share,
              (SELECT count(*) FROM consent WHERE revoked_on IS NOT NULL)::int AS withdrawn,
              (SELECT count(*) FROM consent WHERE part2)::int AS part2,
              (SELECT count(*) FROM consent WHERE expires_on_event IS NOT NULL)::int AS on_event,
              (SELECT count(*) FROM consent WHERE expires_on BETWEEN (now() AT TIME ZONE $1)::date + 1 AND (now() AT TIME ZONE $1)::date + 30
                  AND revoked_on IS NULL)::int AS ending,
              (SELECT count(*) FROM disclosure WHERE NOT emergency)::int AS shared,
              (SELECT count(*) FROM disclosure WHERE emergency)::int AS emergencies`,
      [t.config.orgTimezone],
    );
    const r = rows[0];
    expect(r.share).toBeGreaterThan(0.3);
    expect(r.share).toBeLessThan(0.7);
    expect(r.withdrawn).toBe(1);
    expect(r.part2).toBeGreaterThan(0);
    expect(r.on_event).toBeGreaterThan(0);
    expect(r.ending).toBeGreaterThan(0);
    expect(r.shared).toBeGreaterThan(5);
    expect(r.emergencies).toBe(1);
  });

  it('shares nothing a consent in force that day did not cover', async () => {
    const { rows } = await t.db.query(
      `SELECT d.id FROM disclosure d JOIN consent k ON k.id = d.consent_id
        WHERE NOT d.emergency
          AND NOT (k.signed_on <= d.disclosed_on
                   AND (k.expires_on IS NULL OR d.disclosed_on <= k.expires_on)
                   AND (k.event_occurred_on IS NULL OR d.disclosed_on < k.event_occurred_on)
                   AND (k.revoked_on IS NULL OR d.disclosed_on < k.revoked_on)
                   AND lower(btrim(k.recipient)) = lower(btrim(d.recipient))
                   AND d.information <@ k.information
                   AND k.participant_id = d.participant_id AND k.team_id = d.team_id)`,
    );
    expect(rows).toEqual([]);
  });

  it('the accounting of disclosures lists what was shared', async () => {
    const token = await login(t, 'maya.okafor@northside.example', DEMO_PASSWORD);
    const { rows } = await t.db.query(
      `SELECT d.participant_id AS id, count(*)::int AS n FROM disclosure d
         JOIN team tm ON tm.id = d.team_id
        WHERE tm.name = 'Northside Recovery Hub'
        GROUP BY d.participant_id ORDER BY n DESC, d.participant_id LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const accounting = await t.request('GET', `/api/participants/${rows[0].id}/disclosures`, {
      token,
    });
    expect(accounting.status).toBe(200);
    expect(accounting.body.items).toHaveLength(rows[0].n);
    expect(accounting.body.items[0]).toMatchObject({
      participantId: rows[0].id,
      recipient: expect.any(String),
      purpose: expect.any(String),
    });
  });
});
