import { randomUUID } from 'node:crypto';
import { addDays, todayIn, type RecoveryPlan } from '@peerpath/shared';
import { loadConfig } from '../src/config/config';
import {
  createTestApp,
  NOT_DENIED,
  tableChecksum,
  seedWorld,
  type SeededUser,
  type TestApp,
  type World,
} from './harness';
import { auditSeq } from './support/routes';

/** Participants are inserted directly: their endpoints are another feature's. */
async function seedParticipant(
  t: TestApp,
  teamId: string,
  opts: { firstName?: string; primaryWorkerId?: string | null; enrolledOn?: string } = {},
): Promise<string> {
  const { rows } = await t.db.query(
    `INSERT INTO participant (team_id, first_name, last_name, enrolled_on, primary_worker_id)
     VALUES ($1, $2, 'Example', coalesce($3::date, current_date), $4) RETURNING id`,
    [teamId, opts.firstName ?? 'Jamie', opts.enrolledOn ?? null, opts.primaryWorkerId ?? null],
  );
  return rows[0].id as string;
}

const PLAN_TABLES = ['recovery_plan', 'recovery_plan_goal', 'recovery_plan_review'];

describe('recovery plans (SPEC §7)', () => {
  let t: TestApp;
  let w: World;
  const today = todayIn('UTC');

  const firstPlan = {
    strengths: 'I am stubborn in a good way. I kept my allotment going all last summer.',
    whatMatters: 'Seeing my daughter on Sundays, and a quiet place to live.',
    wellness: {
      toolbox: 'Walking by the canal, calling my sister, the Tuesday group.',
      crisisPlan: 'Call my sister Dee first. If I cannot keep myself safe, call 988.',
    },
    goals: [
      {
        lifeArea: 'environmental',
        statement: 'I want to feel settled in a flat of my own',
        steps: [{ text: 'Fill in the housing form with Wes' }, { text: 'Visit two flats' }],
        targetOn: addDays(today, 120),
      },
      {
        lifeArea: 'social',
        statement: 'I want to see my daughter every Sunday',
      },
    ],
  };

  async function createDraft(
    who: SeededUser,
    participantId: string,
    body: object = firstPlan,
  ): Promise<RecoveryPlan> {
    const res = await t.request('POST', `/api/participants/${participantId}/plans`, {
      token: who.token,
      body,
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async function activate(who: SeededUser, id: string, participantAgreedOn = today) {
    return t.request('POST', `/api/plans/${id}/activate`, {
      token: who.token,
      body: { participantAgreedOn },
    });
  }

  async function planRow(id: string) {
    const { rows } = await t.db.query(
      `SELECT status, version_no, version, team_id, activated_on::text, superseded_on::text,
              review_due_on::text, participant_agreed_on::text, last_reviewed_on::text, activated_by_id
         FROM recovery_plan WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async function goalRows(planId: string) {
    const { rows } = await t.db.query(
      `SELECT goal_id, life_area, statement, status, steps, team_id, participant_id
         FROM recovery_plan_goal WHERE plan_id = $1 ORDER BY position`,
      [planId],
    );
    return rows;
  }

  async function planChecksum() {
    return Promise.all(PLAN_TABLES.map((x) => tableChecksum(t, x)));
  }

  async function eventsSince(seq: string) {
    const { rows } = await t.db.query(
      `SELECT actor_id, action, entity_type, entity_id, participant_id, team_id, details
         FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [seq],
    );
    return rows;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await seedWorld(t);
  });
  afterAll(() => t.close());

  describe('drafts', () => {
    let pA: string;
    beforeAll(async () => {
      pA = await seedParticipant(t, w.teamA.id, { firstName: 'Avery' });
    });

    it('creates a draft in the person’s words, with goal and step ids, and audits it', async () => {
      const seq = await auditSeq(t);
      const res = await t.request('POST', `/api/participants/${pA}/plans`, {
        token: w.workerA.token,
        body: firstPlan,
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        participantId: pA,
        teamId: w.teamA.id,
        versionNo: 1,
        status: 'draft',
        strengths: firstPlan.strengths,
        whatMatters: firstPlan.whatMatters,
        wellness: {
          toolbox: firstPlan.wellness.toolbox,
          dailyMaintenance: null,
          triggers: null,
          earlyWarningSigns: null,
          whenThingsBreakDown: null,
          crisisPlan: firstPlan.wellness.crisisPlan,
          postCrisis: null,
        },
        goals: [
          {
            id: expect.any(String),
            lifeArea: 'environmental',
            statement: 'I want to feel settled in a flat of my own',
            steps: [
              { id: expect.any(String), text: 'Fill in the housing form with Wes', done: false },
              { id: expect.any(String), text: 'Visit two flats', done: false },
            ],
            targetOn: addDays(today, 120),
            status: 'active',
          },
          {
            id: expect.any(String),
            lifeArea: 'social',
            statement: 'I want to see my daughter every Sunday',
            steps: [],
            targetOn: null,
            status: 'active',
          },
        ],
        participantAgreedOn: null,
        activatedOn: null,
        activatedById: null,
        reviewDueOn: null,
        lastReviewedOn: null,
        supersededOn: null,
        basedOnPlanId: null,
        createdById: w.workerA.id,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await planRow(res.body.id)).toMatchObject({
        status: 'draft',
        version_no: 1,
        team_id: w.teamA.id,
        activated_on: null,
      });
      const goals = await goalRows(res.body.id);
      expect(goals.map((g) => g.goal_id)).toEqual(res.body.goals.map((g: any) => g.id));
      expect(goals.every((g) => g.team_id === w.teamA.id && g.participant_id === pA)).toBe(true);
      expect(await eventsSince(seq)).toEqual([
        {
          actor_id: w.workerA.id,
          action: 'create',
          entity_type: 'recovery_plan',
          entity_id: res.body.id,
          participant_id: pA,
          team_id: w.teamA.id,
          details: null,
        },
      ]);
    });

    it('answers a safe retry with the stored draft and writes nothing; a different body is 409', async () => {
      const id = randomUUID();
      const body = { ...firstPlan, id };
      const first = await t.request('POST', `/api/participants/${pA}/plans`, {
        token: w.workerA.token,
        body,
      });
      expect(first.status).toBe(201);
      const before = await planChecksum();
      const again = await t.request('POST', `/api/participants/${pA}/plans`, {
        token: w.workerA.token,
        body,
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await planChecksum()).toEqual(before);

      const differs = await t.request('POST', `/api/participants/${pA}/plans`, {
        token: w.workerA.token,
        body: { ...body, strengths: 'Something else' },
      });
      expect(differs.status).toBe(409);
      expect(differs.body.errors).toHaveProperty('strengths');
      expect(await planChecksum()).toEqual(before);
      await t.request('DELETE', `/api/plans/${id}`, { token: w.workerA.token });
    });

    it('edits a draft: the goal list is replaced, sent ids are kept, unknown ids are refused', async () => {
      const draft = await createDraft(w.workerA, pA);
      const [housing] = draft.goals;
      const res = await t.request('PATCH', `/api/plans/${draft.id}`, {
        token: w.workerA2.token,
        body: {
          version: draft.version,
          whatMatters: 'My daughter. My garden.',
          wellness: { triggers: 'Letters in brown envelopes' },
          goals: [
            {
              id: housing.id,
              lifeArea: 'environmental',
              statement: 'I want a flat near the allotment',
              steps: [{ id: housing.steps[1].id, text: 'Visit two flats', done: true }],
            },
            { lifeArea: 'physical', statement: 'Sleep through the night most nights' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(draft.version + 1);
      expect(res.body.whatMatters).toBe('My daughter. My garden.');
      expect(res.body.strengths).toBe(firstPlan.strengths);
      expect(res.body.wellness).toMatchObject({
        toolbox: firstPlan.wellness.toolbox,
        triggers: 'Letters in brown envelopes',
      });
      expect(res.body.goals).toEqual([
        {
          id: housing.id,
          lifeArea: 'environmental',
          statement: 'I want a flat near the allotment',
          steps: [{ id: housing.steps[1].id, text: 'Visit two flats', done: true }],
          targetOn: null,
          status: 'active',
        },
        expect.objectContaining({ lifeArea: 'physical', id: expect.any(String) }),
      ]);
      expect((await goalRows(draft.id)).map((g) => g.statement)).toEqual([
        'I want a flat near the allotment',
        'Sleep through the night most nights',
      ]);

      const before = await planChecksum();
      const unknown = await t.request('PATCH', `/api/plans/${draft.id}`, {
        token: w.workerA.token,
        body: {
          version: res.body.version,
          goals: [{ id: randomUUID(), lifeArea: 'social', statement: 'Borrowed goal' }],
        },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toHaveProperty(['goals.0.id']);
      const badStep = await t.request('PATCH', `/api/plans/${draft.id}`, {
        token: w.workerA.token,
        body: {
          version: res.body.version,
          goals: [
            {
              id: housing.id,
              lifeArea: 'environmental',
              statement: 'x',
              steps: [{ id: randomUUID(), text: 'y' }],
            },
          ],
        },
      });
      expect(badStep.status).toBe(400);
      expect(badStep.body.errors).toHaveProperty(['goals.0.steps.0.id']);
      const badArea = await t.request('PATCH', `/api/plans/${draft.id}`, {
        token: w.workerA.token,
        body: { version: res.body.version, goals: [{ lifeArea: 'cosmic', statement: 'x' }] },
      });
      expect(badArea.status).toBe(400);
      const stale = await t.request('PATCH', `/api/plans/${draft.id}`, {
        token: w.workerA.token,
        body: { version: draft.version, strengths: 'stale' },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.errors).toHaveProperty('version');
      expect(await planChecksum()).toEqual(before);

      const seq = await auditSeq(t);
      const gone = await t.request('DELETE', `/api/plans/${draft.id}`, { token: w.workerA.token });
      expect(gone.status).toBe(204);
      expect(await planRow(draft.id)).toBeUndefined();
      expect(await goalRows(draft.id)).toEqual([]);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({ action: 'delete', entity_id: draft.id, participant_id: pA }),
      ]);
    });

    it('reads a plan and lists every version, each read audited', async () => {
      const draft = await createDraft(w.workerA, pA);
      const seq = await auditSeq(t);
      const one = await t.request('GET', `/api/plans/${draft.id}`, { token: w.supA.token });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(draft);
      const list = await t.request('GET', `/api/participants/${pA}/plans`, {
        token: w.workerA2.token,
      });
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: RecoveryPlan) => p.id)).toContain(draft.id);
      expect(list.body.total).toBe(list.body.items.length);
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          actor_id: w.supA.id,
          action: 'read',
          entity_id: draft.id,
          participant_id: pA,
        }),
        expect.objectContaining({
          actor_id: w.workerA2.id,
          action: 'read',
          entity_id: null,
          participant_id: pA,
          team_id: w.teamA.id,
        }),
      ]);
    });
  });

  describe('activation, versions and progress', () => {
    let p: string;
    let v1: RecoveryPlan;

    beforeAll(async () => {
      p = await seedParticipant(t, w.teamA.id, { firstName: 'Blake' });
    });

    it('needs a goal and an agreement date not in the future', async () => {
      const empty = await createDraft(w.workerA, p, { strengths: 'Kind to my neighbours' });
      const before = await planChecksum();
      const noGoal = await activate(w.workerA, empty.id);
      expect(noGoal.status).toBe(400);
      expect(noGoal.body.errors).toHaveProperty('goals');
      const future = await activate(w.workerA, empty.id, addDays(today, 1));
      expect(future.status).toBe(400);
      expect(future.body.errors).toHaveProperty('participantAgreedOn');
      const missing = await t.request('POST', `/api/plans/${empty.id}/activate`, {
        token: w.workerA.token,
        body: {},
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toHaveProperty('participantAgreedOn');
      expect(await planChecksum()).toEqual(before);
      await t.request('DELETE', `/api/plans/${empty.id}`, { token: w.workerA.token });
    });

    it('activates a draft on the agreement date: review due in 90 days, a timeline entry', async () => {
      const draft = await createDraft(w.workerA, p);
      const agreed = addDays(today, -2);
      const seq = await auditSeq(t);
      const res = await activate(w.workerA, draft.id, agreed);
      expect(res.status).toBe(200);
      v1 = res.body;
      expect(v1).toMatchObject({
        id: draft.id,
        status: 'active',
        versionNo: 1,
        participantAgreedOn: agreed,
        activatedOn: today,
        activatedById: w.workerA.id,
        reviewDueOn: addDays(today, 90),
        supersededOn: null,
        version: draft.version + 1,
        goals: draft.goals,
      });
      expect(await planRow(draft.id)).toMatchObject({
        status: 'active',
        activated_on: today,
        review_due_on: addDays(today, 90),
        participant_agreed_on: agreed,
        activated_by_id: w.workerA.id,
      });
      expect(await eventsSince(seq)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_type: 'recovery_plan',
          entity_id: draft.id,
          participant_id: p,
          details: expect.objectContaining({ status: { from: 'draft', to: 'active' } }),
        }),
      ]);
      const timeline = await t.request('GET', `/api/participants/${p}/timeline`, {
        token: w.workerA.token,
      });
      expect(timeline.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'plan_activated',
          id: draft.id,
          planId: draft.id,
          date: today,
          summary: 'Recovery plan · version 1 agreed',
          openable: true,
        }),
      );
    });

    it('answers a repeat of the same activation by the same user with the plan, writing nothing', async () => {
      const before = await planChecksum();
      const seq = await auditSeq(t);
      const again = await activate(w.workerA, v1.id, v1.participantAgreedOn!);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(v1);
      expect(await planChecksum()).toEqual(before);
      expect((await eventsSince(seq)).map((e) => e.action)).toEqual(['read']);

      const other = await activate(w.workerA2, v1.id, v1.participantAgreedOn!);
      expect(other.status).toBe(409);
      expect(other.body.record).toEqual(v1);
      const otherDay = await activate(w.workerA, v1.id, addDays(today, -5));
      expect(otherDay.status).toBe(409);
      expect(otherDay.body.record.participantAgreedOn).toBe(v1.participantAgreedOn);
      expect(await planChecksum()).toEqual(before);
    });

    it('keeps the content of the plan in use read-only (409, the plan as it is)', async () => {
      const before = await planChecksum();
      const edit = await t.request('PATCH', `/api/plans/${v1.id}`, {
        token: w.supA.token,
        body: { version: v1.version, strengths: 'Rewritten' },
      });
      expect(edit.status).toBe(409);
      expect(edit.body.record).toEqual(v1);
      const discard = await t.request('DELETE', `/api/plans/${v1.id}`, { token: w.supA.token });
      expect(discard.status).toBe(409);
      expect(await planChecksum()).toEqual(before);
    });

    it('records goal progress on the plan in use', async () => {
      const [housing] = v1.goals;
      const url = `/api/plans/${v1.id}/goals/${housing.id}`;
      const res = await t.request('PATCH', url, {
        token: w.workerA2.token,
        body: { version: v1.version, steps: [{ id: housing.steps[0].id, done: true }] },
      });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(v1.version + 1);
      expect(res.body.goals[0].steps).toEqual([
        { ...housing.steps[0], done: true },
        housing.steps[1],
      ]);
      expect(res.body.strengths).toBe(v1.strengths);
      const [row] = await goalRows(v1.id);
      expect(row.steps).toEqual([{ ...housing.steps[0], done: true }, housing.steps[1]]);

      const before = await planChecksum();
      const stale = await t.request('PATCH', url, {
        token: w.workerA.token,
        body: { version: v1.version, status: 'achieved' },
      });
      expect(stale.status).toBe(409);
      const badStep = await t.request('PATCH', url, {
        token: w.workerA.token,
        body: { version: res.body.version, steps: [{ id: randomUUID(), done: true }] },
      });
      expect(badStep.status).toBe(400);
      expect(badStep.body.errors).toHaveProperty(['steps.0.id']);
      const badStatus = await t.request('PATCH', url, {
        token: w.workerA.token,
        body: { version: res.body.version, status: 'finished' },
      });
      expect(badStatus.status).toBe(400);
      const noGoal = await t.request('PATCH', `/api/plans/${v1.id}/goals/${randomUUID()}`, {
        token: w.workerA.token,
        body: { version: res.body.version, status: 'achieved' },
      });
      expect(noGoal.status).toBe(404);
      expect(await planChecksum()).toEqual(before);

      const achieved = await t.request('PATCH', `/api/plans/${v1.id}/goals/${v1.goals[1].id}`, {
        token: w.workerA.token,
        body: { version: res.body.version, status: 'achieved' },
      });
      expect(achieved.status).toBe(200);
      expect(achieved.body.goals[1].status).toBe('achieved');
      expect((await goalRows(v1.id))[1].status).toBe('achieved');
      v1 = achieved.body;
    });

    it('records a review: the next is due 90 days later; a repeat writes nothing', async () => {
      const reviewedOn = today;
      const res = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.workerA.token,
        body: { reviewedOn },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        lastReviewedOn: reviewedOn,
        reviewDueOn: addDays(reviewedOn, 90),
        version: v1.version + 1,
        goals: v1.goals,
      });
      const { rows } = await t.db.query(
        `SELECT reviewed_on::text, reviewed_by_id, review_due_on::text, team_id
           FROM recovery_plan_review WHERE plan_id = $1`,
        [v1.id],
      );
      expect(rows).toEqual([
        {
          reviewed_on: reviewedOn,
          reviewed_by_id: w.workerA.id,
          review_due_on: addDays(reviewedOn, 90),
          team_id: w.teamA.id,
        },
      ]);
      v1 = res.body;

      const before = await planChecksum();
      const again = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.workerA.token,
        body: { reviewedOn },
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(v1);
      const other = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.supA.token,
        body: { reviewedOn },
      });
      expect(other.status).toBe(409);
      expect(other.body.record).toEqual(v1);
      const beforeUse = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.workerA.token,
        body: { reviewedOn: addDays(today, -1) },
      });
      expect(beforeUse.status).toBe(400);
      expect(beforeUse.body.errors).toHaveProperty('reviewedOn');
      const future = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.workerA.token,
        body: { reviewedOn: addDays(today, 1) },
      });
      expect(future.status).toBe(400);
      expect(future.body.errors).toHaveProperty('reviewedOn');
      expect(await planChecksum()).toEqual(before);

      const timeline = await t.request('GET', `/api/participants/${p}/timeline`, {
        token: w.workerA.token,
      });
      expect(timeline.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'plan_reviewed',
          planId: v1.id,
          date: reviewedOn,
          summary: 'Recovery plan · version 1 reviewed',
        }),
      );
    });

    it('starts a new version as a copy that keeps goal and step ids', async () => {
      const res = await t.request('POST', `/api/participants/${p}/plans`, {
        token: w.workerA2.token,
        body: {},
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        versionNo: 2,
        basedOnPlanId: v1.id,
        strengths: v1.strengths,
        whatMatters: v1.whatMatters,
        wellness: v1.wellness,
        goals: v1.goals,
      });
      expect(res.body.id).not.toBe(v1.id);
      await t.request('DELETE', `/api/plans/${res.body.id}`, { token: w.workerA2.token });
    });

    it('lets one of two activations at once win: one 200, one 409, one plan in use', async () => {
      const d1 = await createDraft(w.workerA, p, {});
      const d2 = await createDraft(w.workerA2, p, {
        goals: [{ id: v1.goals[0].id, lifeArea: 'environmental', statement: 'My own flat' }],
      });
      expect(d1.basedOnPlanId).toBe(v1.id);
      expect(d2.basedOnPlanId).toBe(v1.id);
      const [r1, r2] = await Promise.all([activate(w.workerA, d1.id), activate(w.workerA2, d2.id)]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const [winner, loser] = r1.status === 200 ? [d1, d2] : [d2, d1];
      const lost = r1.status === 200 ? r2 : r1;
      expect(lost.body.record).toMatchObject({ id: loser.id, status: 'draft' });
      const { rows } = await t.db.query(
        `SELECT id, status, version_no, superseded_on::text FROM recovery_plan
          WHERE participant_id = $1 AND status <> 'draft' ORDER BY version_no`,
        [p],
      );
      expect(rows).toEqual([
        { id: v1.id, status: 'superseded', version_no: 1, superseded_on: today },
        { id: winner.id, status: 'active', version_no: 2, superseded_on: null },
      ]);
      expect((await planRow(loser.id)).status).toBe('draft');

      // The earlier version is read-only, goal progress included.
      const before = await planChecksum();
      const old = await t.request('PATCH', `/api/plans/${v1.id}/goals/${v1.goals[0].id}`, {
        token: w.workerA.token,
        body: { version: (await planRow(v1.id)).version, status: 'paused' },
      });
      expect(old.status).toBe(409);
      expect(old.body.record.status).toBe('superseded');
      const review = await t.request('POST', `/api/plans/${v1.id}/review`, {
        token: w.supA.token,
        body: { reviewedOn: today },
      });
      expect(review.status).toBe(409);
      expect(review.body.record.status).toBe('superseded');
      const draftGoal = await t.request('PATCH', `/api/plans/${loser.id}/goals/${v1.goals[0].id}`, {
        token: w.workerA.token,
        body: { version: loser.version, status: 'paused' },
      });
      expect(draftGoal.status).toBe(409);
      const draftReview = await t.request('POST', `/api/plans/${loser.id}/review`, {
        token: w.workerA.token,
        body: { reviewedOn: today },
      });
      expect(draftReview.status).toBe(409);
      expect(draftReview.body.message).toMatch(/plan in use/);
      expect(await planChecksum()).toEqual(before);

      // The goal kept its id: it is found in the version in force on each day.
      const inForce = async (day: string) => {
        const { rows: found } = await t.db.query(
          `SELECT pl.id FROM recovery_plan_goal g JOIN recovery_plan pl ON pl.id = g.plan_id
            WHERE g.goal_id = $1 AND g.participant_id = $2 AND pl.activated_on <= $3::date
              AND (pl.superseded_on IS NULL OR $3::date < pl.superseded_on)`,
          [v1.goals[0].id, p, day],
        );
        return found.map((x) => x.id);
      };
      expect(await inForce(today)).toEqual([winner.id]);
      expect(await inForce(addDays(today, -1))).toEqual([]);

      const list = await t.request('GET', `/api/participants/${p}/plans`, {
        token: w.workerA.token,
      });
      // Newest first: by when each version was started.
      expect(list.body.items.map((x: RecoveryPlan) => x.id)).toEqual([d2.id, d1.id, v1.id]);
    });
  });

  describe('the team boundary and a move', () => {
    let p: string;
    let plan: RecoveryPlan;

    beforeAll(async () => {
      p = await seedParticipant(t, w.teamA.id, { firstName: 'Casey' });
      const draft = await createDraft(w.workerA, p);
      plan = (await activate(w.workerA, draft.id)).body;
      plan = (
        await t.request('POST', `/api/plans/${plan.id}/review`, {
          token: w.workerA.token,
          body: { reviewedOn: today },
        })
      ).body;
    });

    it('answers 404 to another team for every plan route, changes nothing, audits access_denied', async () => {
      const before = await planChecksum();
      const start = await auditSeq(t);
      const goal = plan.goals[0];
      const calls: [string, string, unknown?][] = [
        ['GET', `/api/plans/${plan.id}`],
        ['GET', `/api/participants/${p}/plans`],
        ['POST', `/api/participants/${p}/plans`, {}],
        ['PATCH', `/api/plans/${plan.id}`, { version: plan.version, strengths: 'x' }],
        ['DELETE', `/api/plans/${plan.id}`],
        ['POST', `/api/plans/${plan.id}/activate`, { participantAgreedOn: today }],
        ['POST', `/api/plans/${plan.id}/review`, { reviewedOn: today }],
        [
          'PATCH',
          `/api/plans/${plan.id}/goals/${goal.id}`,
          { version: plan.version, status: 'paused' },
        ],
      ];
      for (const who of [w.workerB, w.supB]) {
        for (const [method, url, body] of calls) {
          const seq = await auditSeq(t);
          const res = await t.request(method, url, { token: who.token, body });
          expect([method, url, res.status]).toEqual([method, url, 404]);
          expect(res.text).not.toContain(plan.strengths!);
          const events = await eventsSince(seq);
          expect(events).toEqual([
            expect.objectContaining({ action: 'access_denied', actor_id: who.id, team_id: null }),
          ]);
        }
      }
      expect(await planChecksum()).toEqual(before);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_event
          WHERE ${NOT_DENIED} AND actor_id = ANY($1) AND seq > $2`,
        [[w.workerB.id, w.supB.id], start],
      );
      expect(rows[0].n).toBe(0);
    });

    it('moves the plans, goals and reviews with the person', async () => {
      const { rows: pv } = await t.db.query(`SELECT version FROM participant WHERE id = $1`, [p]);
      const res = await t.request('PATCH', `/api/participants/${p}`, {
        token: w.admin.token,
        body: { version: pv[0].version, teamId: w.teamB.id },
      });
      expect(res.status).toBe(200);
      for (const table of PLAN_TABLES) {
        const { rows } = await t.db.query(
          `SELECT DISTINCT team_id FROM ${table} WHERE participant_id = $1`,
          [p],
        );
        expect([table, rows]).toEqual([table, [{ team_id: w.teamB.id }]]);
      }
      expect((await planRow(plan.id)).version).toBe(plan.version + 1);
      const theirs = await t.request('GET', `/api/plans/${plan.id}`, { token: w.workerB.token });
      expect(theirs.status).toBe(200);
      expect(theirs.body.teamId).toBe(w.teamB.id);
      const ours = await t.request('GET', `/api/plans/${plan.id}`, { token: w.workerA.token });
      expect(ours.status).toBe(404);
      // A change the old team started before the move cannot land.
      const late = await t.request('PATCH', `/api/plans/${plan.id}/goals/${plan.goals[0].id}`, {
        token: w.workerB.token,
        body: { version: plan.version, status: 'paused' },
      });
      expect(late.status).toBe(409);
    });
  });

  describe('the caseload figures', () => {
    it('counts plans due for review and people without a plan, in the team only', async () => {
      const worker = w.workerA2;
      const asOf = today;
      const old = addDays(today, -40);
      const due = await seedParticipant(t, w.teamA.id, {
        firstName: 'Dana',
        primaryWorkerId: worker.id,
        enrolledOn: old,
      });
      const notDue = await seedParticipant(t, w.teamA.id, {
        firstName: 'Eli',
        primaryWorkerId: worker.id,
        enrolledOn: old,
      });
      await seedParticipant(t, w.teamA.id, {
        firstName: 'Fran',
        primaryWorkerId: worker.id,
        enrolledOn: old,
      });
      // Enrolled 29 days ago: too new to be counted without a plan.
      await seedParticipant(t, w.teamA.id, {
        firstName: 'Gil',
        primaryWorkerId: worker.id,
        enrolledOn: addDays(today, -29),
      });
      // Exactly 30 days ago: counted.
      await seedParticipant(t, w.teamA.id, {
        firstName: 'Hal',
        primaryWorkerId: worker.id,
        enrolledOn: addDays(today, -30),
      });
      const discharged = await seedParticipant(t, w.teamA.id, {
        firstName: 'Ira',
        primaryWorkerId: worker.id,
        enrolledOn: old,
      });
      await t.db.query(`UPDATE participant SET status = 'discharged' WHERE id = $1`, [discharged]);
      for (const id of [due, notDue]) {
        const d = await createDraft(worker, id);
        expect((await activate(worker, d.id)).status).toBe(200);
      }
      // A draft is not a plan in use.
      await createDraft(worker, (await seedParticipantWithDraftOnly())!);
      await t.db.query(
        `UPDATE recovery_plan SET review_due_on = $2 WHERE participant_id = $1 AND status = 'active'`,
        [due, asOf],
      );

      const res = await t.request('GET', `/api/reports/caseload?asOf=${asOf}`, {
        token: w.supA.token,
      });
      expect(res.status).toBe(200);
      const row = res.body.workers.find((r: any) => r.workerId === worker.id);
      expect(row).toMatchObject({
        activeParticipants: 6,
        plansDueForReview: 1,
        participantsWithoutPlan: 3,
      });
      const before = await t.request('GET', `/api/reports/caseload?asOf=${addDays(asOf, -1)}`, {
        token: w.supA.token,
      });
      expect(before.body.workers.find((r: any) => r.workerId === worker.id)).toMatchObject({
        plansDueForReview: 0,
        participantsWithoutPlan: 2,
      });
      expect(res.body.totals.plansDueForReview).toBeGreaterThanOrEqual(1);
      const other = await t.request('GET', `/api/reports/caseload?asOf=${asOf}`, {
        token: w.supB.token,
      });
      expect(other.body.workers.map((r: any) => r.workerId)).not.toContain(worker.id);

      async function seedParticipantWithDraftOnly() {
        return seedParticipant(t, w.teamA.id, {
          firstName: 'Jo',
          primaryWorkerId: worker.id,
          enrolledOn: old,
        });
      }
    });
  });

  it('takes PLAN_REVIEW_DAYS from the environment, 90 by default, and refuses a bad one', () => {
    expect(loadConfig({}).planReviewDays).toBe(90);
    expect(loadConfig({ PLAN_REVIEW_DAYS: '30' }).planReviewDays).toBe(30);
    expect(() => loadConfig({ PLAN_REVIEW_DAYS: '0' })).toThrow(/PLAN_REVIEW_DAYS/);
    expect(() => loadConfig({ PLAN_REVIEW_DAYS: 'soon' })).toThrow(/PLAN_REVIEW_DAYS/);
  });
});
