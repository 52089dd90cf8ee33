import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  SUPERVISION_FORMATS,
  SUPERVISION_MAX_MINUTES,
  type SupervisionFormat,
} from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/** Supervision of a worker (SPEC §11). It carries the worker's team. */
@Entity('supervision')
@Check('supervision_format_check', inList('format', SUPERVISION_FORMATS))
@Check('supervision_minutes_check', `"minutes" BETWEEN 1 AND ${SUPERVISION_MAX_MINUTES}`)
@Check('supervision_not_self_check', `"worker_id" <> "supervisor_id"`)
@Index('supervision_team_on_idx', ['teamId', 'on'])
@Index('supervision_worker_on_idx', ['workerId', 'on'])
export class SupervisionEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'supervision_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id', foreignKeyConstraintName: 'supervision_worker_fk' })
  worker?: UserEntity;

  @Column({ name: 'supervisor_id', type: 'uuid' })
  supervisorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id', foreignKeyConstraintName: 'supervision_supervisor_fk' })
  supervisor?: UserEntity;

  @Column({ name: 'held_on', type: 'date' })
  on: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'varchar', length: 16 })
  format: SupervisionFormat;

  @Column({ type: 'text', nullable: true })
  topics: string | null;

  @Column({ name: 'action_items', type: 'text', nullable: true })
  actionItems: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
