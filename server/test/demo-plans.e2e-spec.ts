import { DEMO_PASSWORD } from '../src/database/seed/demo';
import { createDemoTestApp, login, type TestApp } from './harness';

describe('demo data: recovery plans and session notes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createDemoTestApp();
  });
  afterAll(() => t.close());

  it('gives most people a plan in their own words, some with earlier versions, one or two due for review', async () => {
    const { rows } = await t.db.query(
      `
      SELECT (SELECT count(DISTINCT participant_id) FROM recovery_plan WHERE status = 'active')::float8
               / (SELECT count(*) FROM participant) AS planned,
             (SELECT count(*) FROM recovery_plan WHERE status = 'superseded')::int AS superseded,
             (SELECT count(*) FROM recovery_plan WHERE status = 'draft')::int AS drafts,
             (SELECT count(*) FROM recovery_plan_review)::int AS reviews,
             (SELECT count(*) FROM recovery_plan WHERE wellness ? 'crisisPlan')::int AS wrap,
             (SELECT count(DISTINCT life_area) FROM recovery_plan_goal)::int AS areas,
             (SELECT count(*) FROM recovery_plan_goal WHERE statement NOT LIKE 'I%')::int AS not_first_person,
             (SELECT count(*) FROM recovery_plan_goal WHERE status = 'achieved')::int AS achieved,
             (SELECT count(*) FROM recovery_plan rp JOIN participant p ON p.id = rp.participant_id
               WHERE rp.status = 'active' AND p.status = 'active'
                 AND rp.review_due_on <= (now() AT TIME ZONE $1)::date)::int AS due`,
      [t.config.orgTimezone],
    );
    const r = rows[0];
    expect(r.planned).toBeGreaterThan(0.6);
    expect(r.superseded).toBeGreaterThan(2);
    expect(r.drafts).toBeGreaterThanOrEqual(1);
    expect(r.reviews).toBeGreaterThan(5);
    expect(r.wrap).toBeGreaterThan(5);
    expect(r.areas).toBe(8);
    expect(r.not_first_person).toBe(0);
    expect(r.achieved).toBeGreaterThan(0);
    expect([1, 2]).toContain(r.due);
    // A new version keeps the ids of the goals it carries over, and links the plan it came from.
    const carried = await t.db.query(
      `SELECT count(*)::int AS n FROM recovery_plan_goal g
         JOIN recovery_plan rp ON rp.id = g.plan_id AND rp.based_on_plan_id IS NOT NULL
         JOIN recovery_plan_goal o ON o.plan_id = rp.based_on_plan_id AND o.goal_id = g.goal_id`,
    );
    expect(carried.rows[0].n).toBeGreaterThan(0);
  });

  it('writes notes for most attendances in the team’s format, linked to goals in force, some waiting', async () => {
    const { rows } = await t.db.query(`
      SELECT count(n.id)::float8 / count(*) AS noted,
             count(*) FILTER (WHERE n.status IN ('signed', 'cosigned'))::int AS signed,
             count(*) FILTER (WHERE n.status = 'draft')::int AS drafts,
             count(*) FILTER (WHERE n.status = 'cosigned')::int AS cosigned,
             count(*) FILTER (WHERE n.status = 'signed' AND n.cosign_required)::int AS waiting,
             count(*) FILTER (WHERE n.returned_comment IS NOT NULL)::int AS returned,
             count(*) FILTER (WHERE n.late)::int AS late,
             count(*) FILTER (WHERE jsonb_array_length(n.addenda) > 0)::int AS addenda,
             count(*) FILTER (WHERE cardinality(n.goal_ids) > 0)::int AS linked,
             count(*) FILTER (WHERE n.format <> t.note_format)::int AS other_format
        FROM attendance a JOIN support_session s ON s.id = a.session_id
        JOIN team t ON t.id = s.team_id
        LEFT JOIN session_note n ON n.session_id = a.session_id AND n.participant_id = a.participant_id
       WHERE a.status = 'attended' AND s.voided_at IS NULL AND s.starts_at < now() - interval '1 day'`);
    const r = rows[0];
    expect(r.noted).toBeGreaterThan(0.8);
    expect(r.signed).toBeGreaterThan(r.drafts * 5);
    expect(r.drafts).toBeGreaterThan(0);
    expect(r.cosigned).toBeGreaterThan(0);
    expect(r.waiting).toBeGreaterThan(0);
    expect(r.returned).toBe(1);
    expect(r.late).toBeGreaterThan(0);
    expect(r.addenda).toBeGreaterThan(0);
    expect(r.linked).toBeGreaterThan(r.signed / 3);
    expect(r.other_format).toBe(0);
    // Every linked goal belongs to the person's plan in force on the session's day (as the API checks).
    const stray = await t.db.query(
      `SELECT n.id FROM session_note n JOIN support_session s ON s.id = n.session_id,
              unnest(n.goal_ids) gid
        WHERE NOT EXISTS (
          SELECT 1 FROM recovery_plan_goal g JOIN recovery_plan p ON p.id = g.plan_id
           WHERE g.goal_id = gid AND g.participant_id = n.participant_id
             AND p.activated_on <= (s.starts_at AT TIME ZONE $1)::date
             AND (p.superseded_on IS NULL OR (s.starts_at AT TIME ZONE $1)::date < p.superseded_on))`,
      [t.config.orgTimezone],
    );
    expect(stray.rows).toEqual([]);
    // No note names anyone: not another attendee, not even the person.
    const named = await t.db.query(
      `SELECT n.id FROM session_note n JOIN attendance a ON a.session_id = n.session_id
         JOIN participant p ON p.id = a.participant_id
        WHERE n.sections::text ILIKE '%' || p.first_name || ' ' || p.last_name || '%'
           OR n.sections::text ~* ('\\m' || p.first_name || '\\M')`,
    );
    expect(named.rows).toEqual([]);
  });

  it('fills the supervisor’s co-signature queue and the caseload figures', async () => {
    const token = await login(t, 'maya.okafor@northside.example', DEMO_PASSWORD);
    const queue = await t.request('GET', '/api/notes?awaitingCosign=true', { token });
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThan(0);
    expect(queue.body.items[0].status).toBe('signed');
    const report = await t.request('GET', '/api/reports/caseload', { token });
    expect(report.status).toBe(200);
    const totals = report.body.totals;
    expect(totals.notesAwaitingCosign).toBe(queue.body.total);
    expect(totals.notesAwaitingSignature).toBeGreaterThan(0);
    expect(totals.participantsWithoutPlan).toBeGreaterThan(0);
    expect(totals.participantsWithoutPlan).toBeLessThan(totals.activeParticipants / 3);
  });
});
