import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DECIDED_BY, type DecidedBy, type DecisionOption } from '@peerpath/shared';
import { inList, RecordKeyColumn } from '../database/base.entity';
import { ParticipantRecord } from '../database/participant-record';
import { UserEntity } from '../users/user.entity';

/** A decision made with a participant (shared decision-making). */
@Entity('decision_note')
@Check('decision_note_decided_by_check', inList('decided_by', DECIDED_BY))
@Index('decision_note_team_discussed_idx', ['teamId', 'discussedOn'])
@Index('decision_note_participant_idx', ['participantId'])
// Covering/partial indexes for the reports' period filters; created in the ReportPeriodIndexes migration (TypeORM cannot express INCLUDE).
@Index('decision_note_discussed_idx', { synchronize: false })
export class DecisionNoteEntity extends ParticipantRecord {
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'worker_id' })
  worker?: UserEntity;

  @Column({ name: 'discussed_on', type: 'date' })
  discussedOn: string;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'jsonb' })
  options: DecisionOption[];

  @Column({ name: 'participant_priorities', type: 'text', nullable: true })
  participantPriorities: string | null;

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 16 })
  decidedBy: DecidedBy;

  @Column({ name: 'next_steps', type: 'text', nullable: true })
  nextSteps: string | null;

  @Column({ name: 'follow_up_on', type: 'date', nullable: true })
  followUpOn: string | null;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
