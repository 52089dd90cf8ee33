import type { DataSource } from 'typeorm';
import {
  LIFE_AREAS,
  NOTE_LATE_HOURS_DEFAULT,
  PLAN_REVIEW_DAYS_DEFAULT,
  addDays,
  formatOf,
  todayIn,
  type GoalStatus,
  type LifeArea,
  type NoteFormat,
  type NoteSections,
  type SessionType,
} from '@peerpath/shared';
import type { ResolvedConfig } from '../../config/config';
import {
  ADDENDA,
  ASSESSMENTS,
  BEHAVIORS,
  COSIGN_REQUIRED,
  GOALS,
  GROUP_COVERED,
  INTERVENTIONS,
  ONE_TO_ONE,
  PLANS,
  RESPONSES,
  RETURN_COMMENT,
  STRENGTHS,
  TEAM_NOTE_FORMATS,
  WELLNESS,
  WHAT_MATTERS,
} from './demo-plans-data';
import { insertRows } from './demo-records';
import { seededRandom } from './random';

type Rng = ReturnType<typeof seededRandom>;

interface Step {
  id: string;
  text: string;
  done: boolean;
}

interface Goal {
  goalId: string;
  lifeArea: LifeArea;
  statement: string;
  steps: Step[];
  targetOn: string | null;
  status: GoalStatus;
}

interface Version {
  id: string;
  versionNo: number;
  status: 'draft' | 'active' | 'superseded';
  activatedOn: string | null;
  supersededOn: string | null;
  reviewDueOn: string | null;
  lastReviewedOn: string | null;
  basedOnPlanId: string | null;
  strengths: string;
  whatMatters: string;
  wellness: object;
  goals: Goal[];
  createdOn: string;
}

const HOUR = 3_600_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function newGoal(rng: Rng, area: LifeArea, activatedOn: string): Goal {
  const idea = rng.pick(GOALS[area]);
  return {
    goalId: rng.uuid(),
    lifeArea: area,
    statement: idea.statement,
    steps: idea.steps.map((text) => ({ id: rng.uuid(), text, done: false })),
    targetOn: rng.chance(0.5) ? addDays(activatedOn, rng.int(60, 180)) : null,
    status: 'active',
  };
}

/** Some steps done, and now and then a goal achieved, paused or let go: progress up to `share`. */
function progress(rng: Rng, goals: Goal[], share: number): Goal[] {
  return goals.map((g) => {
    const steps = g.steps.map((s) => ({ ...s, done: s.done || rng.next() < share }));
    let status = g.status;
    if (status === 'active') {
      status = steps.every((s) => s.done)
        ? rng.chance(0.7)
          ? 'achieved'
          : 'active'
        : rng.weighted({ active: 90, paused: 7, discontinued: 3 });
    }
    return { ...g, steps, status };
  });
}

/**
 * Recovery plans for most demo participants, written with them in their own
 * words, and a note for most attendances in the team's format: plans
 * activated a week or three after enrolment, reviewed every PLAN_REVIEW_DAYS
 * or replaced by a new version (the earlier one superseded), one or two due
 * for review, a couple of drafts in progress. Notes link goals of the plan in
 * force on the session's day; most are signed (a few late), recent ones are
 * still drafts, one worker per team has their notes co-signed (the recent
 * ones still wait in the supervisor's queue), one was returned with a comment
 * and two carry an addendum. A group note starts from what the group covered
 * and never names another attendee.
 */
export async function seedDemoPlans(ds: DataSource, config: ResolvedConfig): Promise<void> {
  const rng = seededRandom(1717);
  const tz = config.orgTimezone;
  const today = todayIn(tz);
  const reviewDays = config.planReviewDays ?? PLAN_REVIEW_DAYS_DEFAULT;
  const lateHours = config.noteLateHours ?? NOTE_LATE_HOURS_DEFAULT;
  const now = Date.now();

  await ds.transaction(async (m) => {
    for (const [name, format] of Object.entries(TEAM_NOTE_FORMATS)) {
      await m.query(`UPDATE team SET note_format = $2 WHERE name = $1`, [name, format]);
    }
    await m.query(`UPDATE app_user SET cosign_required = true WHERE display_name = ANY($1)`, [
      COSIGN_REQUIRED,
    ]);
    const people: {
      id: string;
      teamId: string;
      status: string;
      enrolledOn: string;
      dischargedOn: string | null;
      workerId: string;
    }[] = await m.query(
      `SELECT p.id, p.team_id AS "teamId", p.status, p.enrolled_on::text AS "enrolledOn",
              p.discharged_on::text AS "dischargedOn",
              coalesce(p.primary_worker_id, (SELECT w.id FROM app_user w WHERE w.team_id = p.team_id
                AND w.role = 'worker' ORDER BY w.email LIMIT 1)) AS "workerId"
         FROM participant p ORDER BY p.last_name, p.first_name, p.id`,
    );
    const supervisors = new Map<string, string>(
      (
        (await m.query(
          `SELECT DISTINCT ON (team_id) team_id, id FROM app_user
            WHERE role = 'supervisor' AND active ORDER BY team_id, email`,
        )) as { team_id: string; id: string }[]
      ).map((r) => [r.team_id, r.id]),
    );

    // ---- Plans ----
    const plansOf = new Map<string, Version[]>();
    const planRows: unknown[][] = [];
    const goalRows: unknown[][] = [];
    const reviewRows: unknown[][] = [];
    let dueLeft = 2;
    let draftsLeft = 2;
    for (const p of people) {
      const first = addDays(p.enrolledOn, rng.int(7, 21));
      if (first >= today || (p.dischargedOn && first >= p.dischargedOn) || !rng.chance(0.85)) {
        continue;
      }
      const end = p.dischargedOn ?? today;
      const by = p.workerId;
      const versions: Version[] = [];
      const areas = rng.sample(LIFE_AREAS, rng.int(2, 4));
      let current: Version = {
        id: rng.uuid(),
        versionNo: 1,
        status: 'active',
        activatedOn: first,
        supersededOn: null,
        reviewDueOn: addDays(first, reviewDays),
        lastReviewedOn: null,
        basedOnPlanId: null,
        strengths: rng.pick(STRENGTHS),
        whatMatters: rng.pick(WHAT_MATTERS),
        wellness: rng.chance(0.45) ? rng.pick(WELLNESS) : {},
        goals: areas.map((a) => newGoal(rng, a, first)),
        createdOn: addDays(first, -rng.int(1, 5)),
      };
      versions.push(current);
      const reviews: { planId: string; on: string; due: string }[] = [];
      while (current.reviewDueOn! <= end) {
        const due = current.reviewDueOn!;
        if (
          dueLeft > 0 &&
          p.status === 'active' &&
          daysBetween(due, today) <= 14 &&
          rng.chance(0.5)
        ) {
          dueLeft -= 1; // left due for review: it shows on the worker's figures
          break;
        }
        const on = addDays(due, -rng.int(0, 10));
        if (versions.length < 3 && rng.chance(0.35)) {
          // A new version agreed at the review: achieved goals stay behind, one new goal.
          const carried = progress(rng, current.goals, 0.6);
          current.goals = carried;
          current.status = 'superseded';
          current.supersededOn = on;
          const kept = carried
            .filter((g) => g.status !== 'achieved' && g.status !== 'discontinued')
            .map((g) => ({ ...g, status: 'active' as GoalStatus }));
          const free = LIFE_AREAS.filter((a) => !kept.some((g) => g.lifeArea === a));
          const next: Version = {
            ...current,
            id: rng.uuid(),
            versionNo: current.versionNo + 1,
            status: 'active',
            activatedOn: on,
            supersededOn: null,
            reviewDueOn: addDays(on, reviewDays),
            lastReviewedOn: null,
            basedOnPlanId: current.id,
            goals: [...kept, newGoal(rng, rng.pick(free), on)],
            createdOn: addDays(on, -rng.int(1, 6)),
          };
          versions.push(next);
          current = next;
        } else {
          const dueNext = addDays(on, reviewDays);
          reviews.push({ planId: current.id, on, due: dueNext });
          current.lastReviewedOn = on;
          current.reviewDueOn = dueNext;
        }
      }
      current.goals = progress(
        rng,
        current.goals,
        Math.min(0.8, daysBetween(current.activatedOn!, end) / 200),
      );
      if (draftsLeft > 0 && p.status === 'active' && rng.chance(0.1)) {
        // Working on the next version together; not agreed yet.
        draftsLeft -= 1;
        const free = LIFE_AREAS.filter((a) => !current.goals.some((g) => g.lifeArea === a));
        versions.push({
          ...current,
          id: rng.uuid(),
          versionNo: current.versionNo + 1,
          status: 'draft',
          activatedOn: null,
          supersededOn: null,
          reviewDueOn: null,
          lastReviewedOn: null,
          basedOnPlanId: current.id,
          goals: [...current.goals, newGoal(rng, rng.pick(free), today)],
          createdOn: addDays(today, -rng.int(1, 4)),
        });
      }
      plansOf.set(p.id, versions);
      for (const v of versions) {
        planRows.push([
          v.id,
          p.teamId,
          p.id,
          v.versionNo,
          v.status,
          v.strengths,
          v.whatMatters,
          JSON.stringify(v.wellness),
          v.activatedOn,
          v.activatedOn,
          v.activatedOn ? by : null,
          v.reviewDueOn,
          v.lastReviewedOn,
          v.supersededOn,
          v.basedOnPlanId,
          by,
          v.status === 'draft' ? 1 : 2 + reviews.filter((r) => r.planId === v.id).length,
          `${v.createdOn} 10:30`,
          `${v.supersededOn ?? v.lastReviewedOn ?? v.activatedOn ?? v.createdOn} 15:00`,
        ]);
        v.goals.forEach((g, i) =>
          goalRows.push([
            v.id,
            g.goalId,
            p.teamId,
            p.id,
            i,
            g.lifeArea,
            g.statement,
            JSON.stringify(g.steps),
            g.targetOn,
            g.status,
            `${v.createdOn} 10:30`,
          ]),
        );
      }
      for (const r of reviews) reviewRows.push([r.planId, p.teamId, p.id, r.on, by, r.due]);
    }
    await insertRows(
      m,
      'recovery_plan',
      [
        'id',
        'team_id',
        'participant_id',
        'version_no',
        'status',
        'strengths',
        'what_matters',
        'wellness',
        'participant_agreed_on',
        'activated_on',
        'activated_by_id',
        'review_due_on',
        'last_reviewed_on',
        'superseded_on',
        'based_on_plan_id',
        'created_by_id',
        'version',
        'created_at',
        'updated_at',
      ],
      planRows,
    );
    await insertRows(
      m,
      'recovery_plan_goal',
      [
        'plan_id',
        'goal_id',
        'team_id',
        'participant_id',
        'position',
        'life_area',
        'statement',
        'steps',
        'target_on',
        'status',
        'created_at',
      ],
      goalRows,
    );
    await insertRows(
      m,
      'recovery_plan_review',
      ['plan_id', 'team_id', 'participant_id', 'reviewed_on', 'reviewed_by_id', 'review_due_on'],
      reviewRows,
    );

    // ---- Notes ----
    const attended: {
      sessionId: string;
      participantId: string;
      teamId: string;
      type: SessionType;
      facilitatorId: string;
      endsAt: Date;
      onDate: string;
      format: NoteFormat;
      cosign: boolean;
    }[] = await m.query(
      `SELECT a.session_id AS "sessionId", a.participant_id AS "participantId", s.team_id AS "teamId",
              s.type, s.facilitator_id AS "facilitatorId",
              s.starts_at + make_interval(mins => s.duration_minutes) AS "endsAt",
              ((s.starts_at AT TIME ZONE $1)::date)::text AS "onDate",
              t.note_format AS format, u.cosign_required AS cosign
         FROM attendance a
         JOIN support_session s ON s.id = a.session_id
         JOIN team t ON t.id = s.team_id
         JOIN app_user u ON u.id = s.facilitator_id
        WHERE a.status = 'attended' AND s.voided_at IS NULL
          AND s.starts_at + make_interval(mins => s.duration_minutes) < now()
        ORDER BY s.starts_at, a.session_id, a.participant_id`,
      [tz],
    );
    // Each worker whose notes are co-signed has their latest note of the past few days signed and
    // waiting for their supervisor, so the co-signature queue is never empty on the day the demo
    // is opened (the draws alone left it empty on some days).
    const latest = new Map<string, (typeof attended)[number]>();
    for (const a of attended) {
      const ends = new Date(a.endsAt).getTime();
      if (a.cosign && ends <= now - 3 * HOUR && ends >= now - 6 * 24 * HOUR) {
        latest.set(a.facilitatorId, a);
      }
    }
    const waiting = new Set(latest.values());
    const covered = new Map<string, string>();
    const noteRows: unknown[][] = [];
    let returnLeft = 1;
    let addendaLeft = ADDENDA.length;
    for (const a of attended) {
      const ends = new Date(a.endsAt).getTime();
      const age = (now - ends) / (24 * HOUR);
      const waits = waiting.has(a);
      if (!rng.chance(age > 10 ? 0.93 : 0.7) && !waits) continue;
      const group = formatOf(a.type) === 'group';
      if (!covered.has(a.sessionId)) {
        covered.set(a.sessionId, rng.pick(group ? GROUP_COVERED : ONE_TO_ONE));
      }
      const what = covered.get(a.sessionId)!;
      const plan = plansOf
        .get(a.participantId)
        ?.find(
          (v) =>
            v.activatedOn !== null &&
            v.activatedOn <= a.onDate &&
            (v.supersededOn === null || a.onDate < v.supersededOn),
        );
      const goals = plan && rng.chance(0.75) ? rng.sample(plan.goals, rng.int(1, 2)) : [];
      const working = goals[0]
        ? `Working toward: “${goals[0].statement}”`
        : 'Checking in on the week and building on what is going well.';
      const sections: Record<NoteFormat, NoteSections> = {
        free: {
          text: `${what} ${goals[0] ? `${working}. ` : ''}${rng.pick(RESPONSES)} ${rng.pick(PLANS)}`,
        },
        girp: {
          goal: working,
          intervention: `${what} ${rng.pick(INTERVENTIONS)}`,
          response: rng.pick(RESPONSES),
          plan: rng.pick(PLANS),
        },
        dap: {
          data: `${what} ${rng.pick(RESPONSES)}`,
          assessment: `${goals[0] ? `${working}. ` : ''}${rng.pick(ASSESSMENTS)}`,
          plan: rng.pick(PLANS),
        },
        birp: {
          behavior: rng.pick(BEHAVIORS),
          intervention: `${what} ${rng.pick(INTERVENTIONS)}`,
          response: rng.pick(RESPONSES),
          plan: rng.pick(PLANS),
        },
      };
      // Most notes are signed the same day or the next; now and then a few days later (late).
      const hours = rng.chance(0.1) ? rng.int(lateHours + 2, lateHours + 96) : rng.int(1, 30);
      let signedAt: number | null = ends + hours * HOUR;
      if (signedAt > now - HOUR || (age <= 10 && rng.chance(0.35))) signedAt = null;
      if (waits) signedAt = Math.min(ends + hours * HOUR, now - HOUR);
      const supervisor = supervisors.get(a.teamId) ?? null;
      const needsCosign = signedAt !== null && a.cosign && supervisor !== null;
      let cosignedAt: number | null = null;
      if (needsCosign && now - signedAt! > 7 * 24 * HOUR) {
        cosignedAt = Math.min(now - HOUR, signedAt! + rng.int(4, 60) * HOUR);
      }
      let returned: { at: number; by: string } | null = null;
      if (needsCosign && !cosignedAt && !waits && returnLeft > 0 && now - signedAt! > 24 * HOUR) {
        returnLeft -= 1;
        returned = { at: signedAt! + 20 * HOUR, by: supervisor! };
      }
      const addenda =
        signedAt !== null && !returned && age > 20 && addendaLeft > 0 && rng.chance(0.02)
          ? [
              {
                id: rng.uuid(),
                at: new Date(signedAt + 26 * HOUR).toISOString(),
                byId: a.facilitatorId,
                text: ADDENDA[--addendaLeft],
              },
            ]
          : [];
      const status = returned || signedAt === null ? 'draft' : cosignedAt ? 'cosigned' : 'signed';
      const signed = status !== 'draft';
      const created = ends + Math.min(hours, 2) * HOUR;
      const updated = Math.max(
        created,
        returned?.at ?? 0,
        cosignedAt ?? 0,
        signedAt ?? 0,
        addenda[0] ? Date.parse(addenda[0].at) : 0,
      );
      noteRows.push([
        a.teamId,
        a.sessionId,
        a.participantId,
        a.format,
        JSON.stringify(sections[a.format]),
        goals.map((g) => g.goalId),
        status,
        signed ? new Date(signedAt!) : null,
        signed ? a.facilitatorId : null,
        signed && signedAt! - ends > lateHours * HOUR,
        signed && needsCosign,
        cosignedAt ? new Date(cosignedAt) : null,
        cosignedAt ? supervisor : null,
        returned ? RETURN_COMMENT : null,
        returned ? new Date(returned.at) : null,
        returned ? returned.by : null,
        JSON.stringify(addenda),
        status === 'draft' ? (returned ? 3 : 1) : cosignedAt ? 3 : 2,
        new Date(created),
        new Date(updated),
      ]);
    }
    await insertRows(
      m,
      'session_note',
      [
        'team_id',
        'session_id',
        'participant_id',
        'format',
        'sections',
        'goal_ids',
        'status',
        'signed_at',
        'signed_by_id',
        'late',
        'cosign_required',
        'cosigned_at',
        'cosigned_by_id',
        'returned_comment',
        'returned_at',
        'returned_by_id',
        'addenda',
        'version',
        'created_at',
        'updated_at',
      ],
      noteRows,
    );
  });
}
