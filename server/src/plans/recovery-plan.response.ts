import {
  GOAL_STATUSES,
  LIFE_AREAS,
  PLAN_STATUSES,
  type GoalStatus,
  type LifeArea,
  type PlanGoal,
  type PlanStatus,
  type PlanStep,
  type RecoveryPlan,
  type WellnessPlan,
} from '@peerpath/shared';
import { Out, ParticipantRecordOut, RecordStamps } from '../common/api-docs';

export class PlanStepResponse implements PlanStep {
  @Out.uuid({ description: 'Kept when a new version is started as a copy' })
  id: string;

  @Out.text()
  text: string;

  @Out.bool()
  done: boolean;
}

export class PlanGoalResponse implements PlanGoal {
  @Out.uuid({ description: 'Kept across versions: notes link to it' })
  id: string;

  @Out.enum(LIFE_AREAS)
  lifeArea: LifeArea;

  @Out.text({ description: 'The goal in the person’s own words' })
  statement: string;

  @Out.array(() => PlanStepResponse)
  steps: PlanStepResponse[];

  @Out.date({ nullable: true })
  targetOn: string | null;

  @Out.enum(GOAL_STATUSES)
  status: GoalStatus;
}

export class WellnessPlanResponse implements WellnessPlan {
  @Out.text({ nullable: true, description: 'What helps me stay well' })
  toolbox: string | null;

  @Out.text({ nullable: true })
  dailyMaintenance: string | null;

  @Out.text({ nullable: true })
  triggers: string | null;

  @Out.text({ nullable: true })
  earlyWarningSigns: string | null;

  @Out.text({ nullable: true })
  whenThingsBreakDown: string | null;

  @Out.text({ nullable: true })
  crisisPlan: string | null;

  @Out.text({ nullable: true })
  postCrisis: string | null;
}

@RecordStamps({ version: 'Send it back on every change; a stale version is 409' })
export class RecoveryPlanResponse extends ParticipantRecordOut implements RecoveryPlan {
  @Out.int({ minimum: 1, description: '1, 2, … per participant' })
  versionNo: number;

  @Out.enum(PLAN_STATUSES)
  status: PlanStatus;

  @Out.text({ nullable: true })
  strengths: string | null;

  @Out.text({ nullable: true })
  whatMatters: string | null;

  @Out.object(() => WellnessPlanResponse)
  wellness: WellnessPlanResponse;

  @Out.array(() => PlanGoalResponse)
  goals: PlanGoalResponse[];

  @Out.date({ nullable: true })
  participantAgreedOn: string | null;

  @Out.date({ nullable: true })
  activatedOn: string | null;

  @Out.uuid({ nullable: true })
  activatedById: string | null;

  @Out.date({ nullable: true })
  reviewDueOn: string | null;

  @Out.date({ nullable: true, description: 'The last review with no change' })
  lastReviewedOn: string | null;

  @Out.date({ nullable: true })
  supersededOn: string | null;

  @Out.uuid({ nullable: true, description: 'The active plan this draft was started from' })
  basedOnPlanId: string | null;

  @Out.uuid()
  createdById: string;

  version: number;
  createdAt: string;
  updatedAt: string;
}
