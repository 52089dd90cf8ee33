import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { RecoveryPlanEntity } from './recovery-plan.entity';

/** A review of the active plan with no change (SPEC §7): it moves the next review date on. */
@Entity('recovery_plan_review')
@Index('recovery_plan_review_plan_idx', ['planId', 'reviewedOn'])
@Index('recovery_plan_review_participant_idx', ['participantId'])
export class PlanReviewEntity extends BaseRecord {
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => RecoveryPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: RecoveryPlanEntity;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

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
