import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** A batch of claim lines of one team and period (SPEC §13); an admin may void it. */
@Entity('billing_batch')
@Index('billing_batch_team_idx', ['teamId', 'createdAt'])
export class BillingBatchEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'billing_batch_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'period_from', type: 'date' })
  from: string;

  @Column({ name: 'period_to', type: 'date' })
  to: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'billing_batch_created_by_fk' })
  createdBy?: UserEntity;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by_id', type: 'uuid', nullable: true })
  voidedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voided_by_id', foreignKeyConstraintName: 'billing_batch_voided_by_fk' })
  voidedBy?: UserEntity;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;
}
