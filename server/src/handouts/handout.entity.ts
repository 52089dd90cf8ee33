import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  type HandoutMethod,
  type HandoutOutcome,
  type HandoutStep,
} from '@peerpath/shared';
import { inList, RecordKeyColumn } from '../database/base.entity';
import { ParticipantRecord } from '../database/participant-record';
import { ResourceEntity } from '../resources/resource.entity';
import { UserEntity } from '../users/user.entity';

/** A resource given to a participant, followed up later (closed loop). */
@Entity('handout')
@Check('handout_method_check', inList('method', HANDOUT_METHODS))
@Check('handout_outcome_check', inList('outcome', HANDOUT_OUTCOMES))
@Index('handout_team_given_idx', ['teamId', 'givenOn'])
@Index('handout_participant_idx', ['participantId'])
@Index('handout_worker_outcome_idx', ['workerId', 'outcome', 'followUpOn'])
// Covering/partial indexes for the reports' period filters; created in the ReportPeriodIndexes migration (TypeORM cannot express INCLUDE).
@Index('handout_given_cover_idx', { synchronize: false })
// The closed referrals by the day of their last step (medianDaysToOutcome); created in the ReferralStatuses migration.
@Index('handout_closed_on_idx', { synchronize: false })
export class HandoutEntity extends ParticipantRecord {
  @Column({ name: 'resource_id', type: 'uuid' })
  resourceId: string;

  @ManyToOne(() => ResourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resource_id' })
  resource?: ResourceEntity;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: UserEntity;

  @Column({ name: 'given_on', type: 'date' })
  givenOn: string;

  @Column({ type: 'varchar', length: 16 })
  method: HandoutMethod;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  outcome: HandoutOutcome;

  /** The day of the last step (null while `pending`). */
  @Column({ name: 'outcome_on', type: 'date', nullable: true })
  outcomeOn: string | null;

  /** Every change of the referral status, oldest first (SPEC §12); never shortened. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  history: HandoutStep[];

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
