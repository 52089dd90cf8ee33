import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import {
  SESSION_ACTIVITIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  type SessionActivity,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import { BaseRecord, inList, subsetOf, RecordKeyColumn } from '../database/base.entity';
import { RecurringGroupEntity } from '../groups/group.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { AttendanceEntity } from './attendance.entity';

/** A group or one-to-one peer support session. `format` is derived from `type`. */
@Entity('support_session')
@Check('support_session_type_check', inList('type', SESSION_TYPES))
@Check('support_session_setting_check', inList('setting', SESSION_SETTINGS))
@Check('support_session_activities_check', subsetOf('activities', SESSION_ACTIVITIES))
@Check('support_session_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
@Check(
  'support_session_void_check',
  `("voided_at" IS NULL AND "voided_by_id" IS NULL AND "void_reason" IS NULL) OR ` +
    `("voided_at" IS NOT NULL AND "voided_by_id" IS NOT NULL AND length(btrim("void_reason")) > 0)`,
)
@Index('support_session_team_starts_idx', ['teamId', 'startsAt'])
@Index('support_session_facilitator_starts_idx', ['facilitatorId', 'startsAt'])
@Index('support_session_group_starts_idx', ['groupId', 'startsAt'])
// Covering/partial indexes for the reports' period filters; created in the ReportPeriodIndexes migration (TypeORM cannot express INCLUDE).
@Index('support_session_starts_cover_idx', { synchronize: false })
export class SessionEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 32 })
  type: SessionType;

  @Column({ type: 'varchar', length: 20 })
  setting: SessionSetting;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  activities: SessionActivity[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'facilitator_id', type: 'uuid' })
  facilitatorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: UserEntity;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** A voided session is kept for the audit and counts nowhere (SPEC §3). */
  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ name: 'voided_by_id', type: 'uuid', nullable: true })
  voidedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'voided_by_id', foreignKeyConstraintName: 'support_session_voided_by_fk' })
  voidedBy?: UserEntity;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  /** The recurring group this meeting was of (SPEC §11), a group of the same team. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @ManyToOne(() => RecurringGroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'support_session_group_fk' })
  group?: RecurringGroupEntity;

  @OneToMany(() => AttendanceEntity, (a) => a.session)
  attendance?: AttendanceEntity[];

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
