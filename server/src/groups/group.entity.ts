import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  GROUP_SESSION_TYPES,
  SESSION_SETTINGS,
  WEEKDAYS,
  type GroupSessionType,
  type SessionSetting,
  type Weekday,
} from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';

/**
 * A recurring group (SPEC §11): meets on one weekday at one time in the
 * organisation's time zone. Its roster is `group_membership`.
 */
@Entity('recurring_group')
@Check('recurring_group_type_check', inList('type', GROUP_SESSION_TYPES))
@Check('recurring_group_setting_check', inList('setting', SESSION_SETTINGS))
@Check('recurring_group_weekday_check', inList('weekday', WEEKDAYS))
@Check('recurring_group_start_time_check', `"start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('recurring_group_duration_check', `"duration_minutes" BETWEEN 1 AND 720`)
@Index('recurring_group_team_weekday_idx', ['teamId', 'weekday'])
export class RecurringGroupEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'recurring_group_team_fk' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: GroupSessionType;

  @Column({ type: 'varchar', length: 20 })
  setting: SessionSetting;

  @Column({ type: 'varchar', length: 9 })
  weekday: Weekday;

  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  /** Users of the team who facilitate it; the first is the draft's facilitator. */
  @Column({ name: 'facilitator_ids', type: 'uuid', array: true, default: () => "'{}'" })
  facilitatorIds: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
