import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import {
  NOTE_FORMATS,
  NOTE_STATUSES,
  type NoteAddendum,
  type NoteFormat,
  type NoteSections,
  type NoteStatus,
} from '@peerpath/shared';
import { inList } from '../database/base.entity';
import { ParticipantRecord } from '../database/participant-record';
import { SessionEntity } from '../sessions/session.entity';
import { UserEntity } from '../users/user.entity';

/**
 * The note written for one attendee of a session (SPEC §8). It belongs to the
 * session's team and stays with it when the person moves (SPEC §1).
 */
@Entity('session_note')
@Unique('session_note_session_participant_key', ['sessionId', 'participantId'])
@Check('session_note_format_check', inList('format', NOTE_FORMATS))
@Check('session_note_status_check', inList('status', NOTE_STATUSES))
@Check(
  'session_note_signed_check',
  `("status" = 'draft') = ("signed_at" IS NULL) AND ("signed_at" IS NULL) = ("signed_by_id" IS NULL)`,
)
@Check(
  'session_note_cosigned_check',
  `("status" = 'cosigned') = ("cosigned_at" IS NOT NULL) AND ("cosigned_at" IS NULL) = ("cosigned_by_id" IS NULL)`,
)
@Index('session_note_team_status_idx', ['teamId', 'status'])
@Index('session_note_participant_idx', ['participantId'])
@Index('session_note_signed_by_idx', ['signedById', 'status'])
// Only the notes still waiting for a co-signature: the caseload's figure and the supervisor's queue.
@Index('session_note_awaiting_cosign_idx', ['teamId', 'signedById'], {
  where: `"status" = 'signed' AND "cosign_required"`,
})
export class SessionNoteEntity extends ParticipantRecord {
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: SessionEntity;

  @Column({ type: 'varchar', length: 8 })
  format: NoteFormat;

  @Column({ type: 'jsonb' })
  sections: NoteSections;

  @Column({ name: 'goal_ids', type: 'uuid', array: true, default: () => "'{}'" })
  goalIds: string[];

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: NoteStatus;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'signed_by_id', type: 'uuid', nullable: true })
  signedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by_id' })
  signedBy?: UserEntity;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'cosign_required', type: 'boolean', default: false })
  cosignRequired: boolean;

  @Column({ name: 'cosigned_at', type: 'timestamptz', nullable: true })
  cosignedAt: Date | null;

  @Column({ name: 'cosigned_by_id', type: 'uuid', nullable: true })
  cosignedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cosigned_by_id' })
  cosignedBy?: UserEntity;

  @Column({ name: 'returned_comment', type: 'text', nullable: true })
  returnedComment: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'returned_by_id', type: 'uuid', nullable: true })
  returnedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returned_by_id' })
  returnedBy?: UserEntity;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  addenda: NoteAddendum[];

  @Column({ type: 'integer', default: 1 })
  version: number;
}
