import {
  WELLNESS_SECTIONS,
  type PlanGoal,
  type RecoveryPlan,
  type WellnessPlan,
} from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { PlanGoalEntity } from './plan-goal.entity';
import type { PlanReviewEntity } from './plan-review.entity';
import type { RecoveryPlanResponse } from './recovery-plan.response';
import type { RecoveryPlanEntity } from './recovery-plan.entity';

/** A plan version as the record layer reads it (no relations, no goals). */
export type PlanRow = Omit<
  RecoveryPlanEntity,
  'team' | 'participant' | 'activatedBy' | 'basedOn' | 'createdBy'
>;
export type PlanGoalRow = Omit<PlanGoalEntity, 'plan' | 'team' | 'participant'>;
export type PlanReviewRow = Omit<PlanReviewEntity, 'plan' | 'team' | 'participant' | 'reviewedBy'>;

/** One version of a recovery plan. */
export const PLANS = defineRecord<PlanRow>({
  table: 'recovery_plan',
  entity: 'recovery_plan',
  notFound: 'Recovery plan not found',
  stale: 'This plan was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    versionNo: 'version_no',
    status: 'status',
    strengths: 'strengths',
    whatMatters: 'what_matters',
    wellness: 'wellness',
    participantAgreedOn: 'participant_agreed_on',
    activatedOn: 'activated_on',
    activatedById: 'activated_by_id',
    reviewDueOn: 'review_due_on',
    lastReviewedOn: 'last_reviewed_on',
    supersededOn: 'superseded_on',
    basedOnPlanId: 'based_on_plan_id',
    createdById: 'created_by_id',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/**
 * A goal of one plan version. `id` is the row's own key; the API's goal id is
 * `goalId`, the same in every version that holds the goal.
 */
export const PLAN_GOALS = defineRecord<PlanGoalRow>({
  table: 'recovery_plan_goal',
  entity: 'recovery_plan',
  notFound: 'Goal not found',
  stale: 'This plan was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    planId: 'plan_id',
    goalId: 'goal_id',
    teamId: 'team_id',
    participantId: 'participant_id',
    position: 'position',
    lifeArea: 'life_area',
    statement: 'statement',
    steps: 'steps',
    targetOn: 'target_on',
    status: 'status',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** A review of a plan in use that changed nothing but the next review date. */
export const PLAN_REVIEWS = defineRecord<PlanReviewRow>({
  table: 'recovery_plan_review',
  entity: 'recovery_plan',
  notFound: 'Review not found',
  stale: 'This plan was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    planId: 'plan_id',
    teamId: 'team_id',
    participantId: 'participant_id',
    reviewedOn: 'reviewed_on',
    reviewedById: 'reviewed_by_id',
    reviewDueOn: 'review_due_on',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** Every section, null where nothing is written. */
export function toWellness(w: Partial<WellnessPlan> | null | undefined): WellnessPlan {
  return Object.fromEntries(WELLNESS_SECTIONS.map((k) => [k, w?.[k] ?? null])) as WellnessPlan;
}

export function toPlanGoal(g: PlanGoalRow): PlanGoal {
  return {
    id: g.goalId,
    lifeArea: g.lifeArea,
    statement: g.statement,
    steps: g.steps.map((s) => ({ id: s.id, text: s.text, done: s.done })),
    targetOn: toIsoDate(g.targetOn),
    status: g.status,
  };
}

export function toRecoveryPlanResponse(p: PlanRow, goals: PlanGoalRow[]): RecoveryPlanResponse {
  const plan: RecoveryPlan = {
    id: p.id,
    participantId: p.participantId,
    teamId: p.teamId,
    versionNo: p.versionNo,
    status: p.status,
    strengths: p.strengths,
    whatMatters: p.whatMatters,
    wellness: toWellness(p.wellness),
    goals: goals
      .filter((g) => g.planId === p.id)
      .sort((a, b) => a.position - b.position)
      .map(toPlanGoal),
    participantAgreedOn: toIsoDate(p.participantAgreedOn),
    activatedOn: toIsoDate(p.activatedOn),
    activatedById: p.activatedById,
    reviewDueOn: toIsoDate(p.reviewDueOn),
    lastReviewedOn: toIsoDate(p.lastReviewedOn),
    supersededOn: toIsoDate(p.supersededOn),
    basedOnPlanId: p.basedOnPlanId,
    createdById: p.createdById,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
  return plan as RecoveryPlanResponse;
}
