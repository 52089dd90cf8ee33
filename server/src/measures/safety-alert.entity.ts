import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ALERT_KINDS, type AlertKind } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { MeasurementEntity } from './measurement.entity';

/** A safety alert raised by a measurement (PHQ-9 item 9 above 0), open until resolved in writing. */
@Entity('safety_alert')
@Check('safety_alert_kind_check', inList('kind', ALERT_KINDS))
@Check(
  'safety_alert_resolved_check',
  `("resolved_at" IS NULL AND "resolved_by_id" IS NULL AND "resolution" IS NULL) OR ` +
    `("resolved_at" IS NOT NULL AND "resolved_by_id" IS NOT NULL AND length(btrim("resolution")) > 0)`,
)
@Index('safety_alert_participant_idx', ['participantId'])
@Index('safety_alert_team_open_idx', ['teamId', 'resolvedAt'])
export class SafetyAlertEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'safety_alert_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'safety_alert_participant_fk' })
  participant?: ParticipantEntity;

  @Column({ name: 'measurement_id', type: 'uuid' })
  measurementId: string;

  @ManyToOne(() => MeasurementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'measurement_id', foreignKeyConstraintName: 'safety_alert_measurement_fk' })
  measurement?: MeasurementEntity;

  @Column({ type: 'varchar', length: 24 })
  kind: AlertKind;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'safety_alert_resolved_by_fk' })
  resolvedBy?: UserEntity;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;
}
