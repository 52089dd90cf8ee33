import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  GOAL_STATUSES,
  LIFE_AREAS,
  type GoalStatus,
  type LifeArea,
  type PlanStep,
} from '@peerpath/shared';
import { inList } from '../database/base.entity';
import { ParticipantRecord } from '../database/participant-record';
import { RecoveryPlanEntity } from './recovery-plan.entity';

/**
 * A goal of one version of a recovery plan. `goal_id` is the goal's id in the
 * API and is kept when a new version is started as a copy, so one goal has a
 * row in every version that holds it: (plan_id, goal_id) is unique, and a note
 * linked to `goal_id` finds the goal in whichever version was in force. The
 * participant and team are kept on the row so a goal can be checked against a
 * person without a join, and move with them (SPEC §1).
 */
@Entity('recovery_plan_goal')
@Check('recovery_plan_goal_life_area_check', inList('life_area', LIFE_AREAS))
@Check('recovery_plan_goal_status_check', inList('status', GOAL_STATUSES))
@Index('recovery_plan_goal_plan_goal_key', ['planId', 'goalId'], { unique: true })
@Index('recovery_plan_goal_goal_idx', ['goalId'])
@Index('recovery_plan_goal_participant_idx', ['participantId'])
export class PlanGoalEntity extends ParticipantRecord {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => RecoveryPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: RecoveryPlanEntity;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  /** Order of the goal in its plan, from 0. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'life_area', type: 'varchar', length: 16 })
  lifeArea: LifeArea;

  @Column({ type: 'text' })
  statement: string;

  @Column({ type: 'jsonb' })
  steps: PlanStep[];

  @Column({ name: 'target_on', type: 'date', nullable: true })
  targetOn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: GoalStatus;
}
