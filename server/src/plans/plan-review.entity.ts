import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ParticipantRecord } from '../database/participant-record';
import { UserEntity } from '../users/user.entity';
import { RecoveryPlanEntity } from './recovery-plan.entity';

/** A review of the active plan with no change (SPEC §7): it moves the next review date on. */
@Entity('recovery_plan_review')
@Index('recovery_plan_review_plan_idx', ['planId', 'reviewedOn'])
@Index('recovery_plan_review_participant_idx', ['participantId'])
export class PlanReviewEntity extends ParticipantRecord {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => RecoveryPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: RecoveryPlanEntity;

  @Column({ name: 'reviewed_on', type: 'date' })
  reviewedOn: string;

  @Column({ name: 'reviewed_by_id', type: 'uuid' })
  reviewedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: UserEntity;

  /** The next review date this review set. */
  @Column({ name: 'review_due_on', type: 'date' })
  reviewDueOn: string;
}
