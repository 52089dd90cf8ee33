import type { IsoDate, IsoDateTime } from './api';
import type { GoalStatus, LifeArea, PlanStatus, WellnessSection } from './enums';

/** Days from an activation (or a review) to the next review, unless PLAN_REVIEW_DAYS says otherwise. */
export const PLAN_REVIEW_DAYS_DEFAULT = 90;

/** The sections of a wellness recovery action plan, each in the person's own words (null when not written). */
export type WellnessPlan = Record<WellnessSection, string | null>;

export interface PlanStep {
  /** Kept across versions, like the goal's. */
  id: string;
  text: string;
  done: boolean;
}

export interface PlanGoal {
  /** Kept across versions, so notes stay linked to the goal in every version of the plan. */
  id: string;
  lifeArea: LifeArea;
  /** The goal in the person's own words. */
  statement: string;
  steps: PlanStep[];
  targetOn: IsoDate | null;
  status: GoalStatus;
}

/** A person-centred recovery plan (SPEC §7): one version of it. */
export interface RecoveryPlan {
  id: string;
  participantId: string;
  teamId: string;
  /** 1, 2, … per participant. */
  versionNo: number;
  status: PlanStatus;
  strengths: string | null;
  whatMatters: string | null;
  wellness: WellnessPlan;
  goals: PlanGoal[];
  participantAgreedOn: IsoDate | null;
  activatedOn: IsoDate | null;
  activatedById: string | null;
  reviewDueOn: IsoDate | null;
  /** The last review of this version with no change (null before the first). */
  lastReviewedOn: IsoDate | null;
  supersededOn: IsoDate | null;
  /** The active plan this draft was started from; null when there was none. */
  basedOnPlanId: string | null;
  createdById: string;
  /** Optimistic concurrency: send it back on every change. */
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A step as a draft's author writes it: `id` to keep a step of the version it was copied from. */
export interface PlanStepInput {
  id?: string;
  text: string;
  done?: boolean;
}

/** A goal as a draft's author writes it: `id` to keep a goal of the version it was copied from. */
export interface PlanGoalInput {
  id?: string;
  lifeArea: LifeArea;
  statement: string;
  steps?: PlanStepInput[];
  targetOn?: IsoDate | null;
  status?: GoalStatus;
}

/** Body of `POST /api/participants/:id/plans`: a new draft (a copy of the active plan when there is one). */
export interface CreatePlanRequest {
  id?: string;
  strengths?: string | null;
  whatMatters?: string | null;
  wellness?: Partial<WellnessPlan>;
  goals?: PlanGoalInput[];
}

/** Body of `PATCH /api/plans/:id` (drafts only). */
export interface UpdatePlanRequest {
  version: number;
  strengths?: string | null;
  whatMatters?: string | null;
  wellness?: Partial<WellnessPlan>;
  goals?: PlanGoalInput[];
}

/** Body of `PATCH /api/plans/:id/goals/:goalId` (the active plan only). */
export interface UpdatePlanGoalRequest {
  version: number;
  status?: GoalStatus;
  steps?: { id: string; done: boolean }[];
}

export interface ActivatePlanRequest {
  participantAgreedOn: IsoDate;
}

export interface ReviewPlanRequest {
  reviewedOn: IsoDate;
}
