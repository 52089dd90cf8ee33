import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type AdvocacyStatus,
} from '@peerpath/shared';
import { BaseRecord, inList, RecordKeyColumn } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

@Entity('advocacy_action')
@Check('advocacy_action_level_check', inList('level', ADVOCACY_LEVELS))
@Check('advocacy_action_category_check', inList('category', ADVOCACY_CATEGORIES))
@Check('advocacy_action_status_check', inList('status', ADVOCACY_STATUSES))
@Check(
  'advocacy_action_participant_check',
  `("level" = 'individual') = ("participant_id" IS NOT NULL)`,
)
@Index('advocacy_action_team_opened_idx', ['teamId', 'openedOn'])
@Index('advocacy_action_worker_status_idx', ['workerId', 'status'])
@Index('advocacy_action_participant_idx', ['participantId'])
// Covering/partial indexes for the reports' period filters; created in the ReportPeriodIndexes migration (TypeORM cannot express INCLUDE).
@Index('advocacy_action_opened_cover_idx', { synchronize: false })
@Index('advocacy_action_completed_idx', { synchronize: false })
export class AdvocacyActionEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId: string | null;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 16 })
  level: AdvocacyLevel;

  @Column({ type: 'varchar', length: 32 })
  category: AdvocacyCategory;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: AdvocacyStatus;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: UserEntity;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
