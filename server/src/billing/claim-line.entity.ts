import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { BillingBatchEntity } from './billing-batch.entity';

/**
 * A claim line stored in a batch (SPEC §13): what was billed, kept as it was
 * made (member id and name included, after a move too). `live` until its
 * batch is voided; a session's attendee is in at most one live line.
 */
@Entity('billing_claim_line')
@Index('billing_claim_line_live_key', ['sessionId', 'participantId'], {
  unique: true,
  where: '"live"',
})
@Index('billing_claim_line_batch_idx', ['batchId'])
export class ClaimLineEntity extends BaseRecord {
  @Column({ name: 'batch_id', type: 'uuid' })
  batchId: string;

  @ManyToOne(() => BillingBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'billing_claim_line_batch_fk' })
  batch?: BillingBatchEntity;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ name: 'service_date', type: 'date' })
  serviceDate: string;

  @Column({ name: 'member_id', type: 'varchar', length: 40 })
  memberId: string;

  @Column({ name: 'member_name', type: 'varchar', length: 210 })
  memberName: string;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'text', array: true })
  modifiers: string[];

  @Column({ type: 'integer' })
  units: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  amount: string | null;

  @Column({ name: 'place_of_service', type: 'varchar', length: 2 })
  placeOfService: string;

  @Column({ name: 'rendering_worker_id', type: 'uuid' })
  renderingWorkerId: string;

  @Column({ name: 'rendering_worker_name', type: 'varchar', length: 200 })
  renderingWorkerName: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  credential: string | null;

  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @Column({ type: 'boolean', default: true })
  live: boolean;
}
