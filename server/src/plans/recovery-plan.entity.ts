import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PLAN_STATUSES, type PlanStatus, type WellnessPlan } from '@peerpath/shared';
import { inList } from '../database/base.entity';
import { ParticipantRecord } from '../database/participant-record';
import { UserEntity } from '../users/user.entity';

/**
 * One version of a participant's recovery plan (SPEC §7). Its goals live in
 * `recovery_plan_goal`, its reviews in `recovery_plan_review`. At most one
 * version of a participant is `active` (a partial unique index), and the
 * numbers of the versions that were ever in use never repeat.
 */
@Entity('recovery_plan')
@Check('recovery_plan_status_check', inList('status', PLAN_STATUSES))
@Check(
  'recovery_plan_activation_check',
  `("status" = 'draft') = ("activated_on" IS NULL) AND ("status" = 'superseded') = ("superseded_on" IS NOT NULL)`,
)
@Index('recovery_plan_participant_idx', ['participantId', 'versionNo'])
@Index('recovery_plan_one_active_idx', ['participantId'], {
  unique: true,
  where: `"status" = 'active'`,
})
@Index('recovery_plan_version_no_idx', ['participantId', 'versionNo'], {
  unique: true,
  where: `"status" <> 'draft'`,
})
@Index('recovery_plan_team_review_idx', ['teamId', 'reviewDueOn'], { where: `"status" = 'active'` })
export class RecoveryPlanEntity extends ParticipantRecord {
  @Column({ name: 'version_no', type: 'integer' })
  versionNo: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PlanStatus;

  @Column({ type: 'text', nullable: true })
  strengths: string | null;

  @Column({ name: 'what_matters', type: 'text', nullable: true })
  whatMatters: string | null;

  @Column({ type: 'jsonb' })
  wellness: Partial<WellnessPlan>;

  @Column({ name: 'participant_agreed_on', type: 'date', nullable: true })
  participantAgreedOn: string | null;

  @Column({ name: 'activated_on', type: 'date', nullable: true })
  activatedOn: string | null;

  @Column({ name: 'activated_by_id', type: 'uuid', nullable: true })
  activatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activated_by_id' })
  activatedBy?: UserEntity;

  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Column({ name: 'last_reviewed_on', type: 'date', nullable: true })
  lastReviewedOn: string | null;

  @Column({ name: 'superseded_on', type: 'date', nullable: true })
  supersededOn: string | null;

  @Column({ name: 'based_on_plan_id', type: 'uuid', nullable: true })
  basedOnPlanId: string | null;

  @ManyToOne(() => RecoveryPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'based_on_plan_id' })
  basedOn?: RecoveryPlanEntity;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
