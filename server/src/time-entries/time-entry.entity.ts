import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TIME_ENTRY_KINDS, TIME_ENTRY_MAX_MINUTES, type TimeEntryKind } from '@peerpath/shared';
import { BaseRecord, inList, RecordKeyColumn } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Work outside sessions (SPEC §11): outreach, travel, training, … It carries the worker's team. */
@Entity('time_entry')
@Check('time_entry_kind_check', inList('kind', TIME_ENTRY_KINDS))
@Check('time_entry_minutes_check', `"minutes" BETWEEN 1 AND ${TIME_ENTRY_MAX_MINUTES}`)
@Index('time_entry_team_on_idx', ['teamId', 'on'])
@Index('time_entry_worker_on_idx', ['workerId', 'on'])
// The other hours of a period with their cell keys, index-only; created in the CellKeyIndexes migration (INCLUDE).
@Index('time_entry_worked_cover_idx', { synchronize: false })
export class TimeEntryEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'time_entry_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'time_entry_worker_fk' })
  worker?: UserEntity;

  @Column({ name: 'worked_on', type: 'date' })
  on: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 24 })
  kind: TimeEntryKind;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
