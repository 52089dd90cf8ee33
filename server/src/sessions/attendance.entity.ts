import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@peerpath/shared';
import { inList, RecordKeyColumn } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { SessionEntity } from './session.entity';

/** One participant's attendance at a session. Deleted with its session. */
@Entity('attendance')
@Check('attendance_status_check', inList('status', ATTENDANCE_STATUSES))
@Index('attendance_participant_idx', ['participantId', 'sessionId'])
// The attended rows by session, for the reports; a partial index created in the ReportPeriodIndexes migration.
@Index('attendance_attended_idx', { synchronize: false })
export class AttendanceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => SessionEntity, (s) => s.attendance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 10 })
  status: AttendanceStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
