import { OTHER_TEAM_ATTENDEE, type SessionType } from '@peerpath/shared';
import { defineRecord } from '../records';
import type { SessionNoteResponse } from './session-note.response';
import type { SessionNoteEntity } from './session-note.entity';

/** A session note as the record layer reads it (no relations loaded). */
export type SessionNoteRow = Omit<
  SessionNoteEntity,
  'team' | 'session' | 'participant' | 'signedBy' | 'cosignedBy' | 'returnedBy'
>;

/** The session note as the record layer reads and writes it. */
export const NOTES = defineRecord<SessionNoteRow>({
  table: 'session_note',
  entity: 'session_note',
  notFound: 'Note not found',
  stale: 'This note was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    sessionId: 'session_id',
    participantId: 'participant_id',
    format: 'format',
    sections: 'sections',
    goalIds: 'goal_ids',
    status: 'status',
    signedAt: 'signed_at',
    signedById: 'signed_by_id',
    late: 'late',
    cosignRequired: 'cosign_required',
    cosignedAt: 'cosigned_at',
    cosignedById: 'cosigned_by_id',
    returnedComment: 'returned_comment',
    returnedAt: 'returned_at',
    returnedById: 'returned_by_id',
    addenda: 'addenda',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** What a note is shown with: its session, and the person as the note's team knows them. */
export interface NoteContext {
  sessionStartsAt: Date;
  sessionType: SessionType;
  facilitatorId: string;
  /** The person's team now: another than the note's when they have moved since. */
  participantTeamId: string;
  participantName: string;
}

/**
 * The joins that give a note its context, for `SELECT ${NOTES.selectAs('n')}, ${NOTE_CONTEXT}`
 * over `session_note n JOIN support_session s … JOIN participant p …` (NOTE_FROM).
 */
export const NOTE_CONTEXT = `s.starts_at AS "sessionStartsAt", s.type AS "sessionType",
  s.facilitator_id AS "facilitatorId", p.team_id AS "participantTeamId",
  coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"`;
export const NOTE_FROM = `session_note n
  JOIN support_session s ON s.id = n.session_id
  JOIN participant p ON p.id = n.participant_id`;

export type NoteWithContext = SessionNoteRow & NoteContext;

const HOUR_MS = 3_600_000;

export function toSessionNoteResponse(
  n: NoteWithContext,
  now: Date = new Date(),
): SessionNoteResponse {
  // A person who moved to another team stays on the note as "Participant of another team" (SPEC §1).
  const moved = n.participantTeamId !== n.teamId;
  const awaitingCosign = n.status === 'signed' && n.cosignRequired;
  return {
    id: n.id,
    sessionId: n.sessionId,
    participantId: moved ? null : n.participantId,
    participantName: moved ? OTHER_TEAM_ATTENDEE : n.participantName,
    teamId: n.teamId,
    sessionStartsAt: n.sessionStartsAt.toISOString(),
    sessionType: n.sessionType,
    facilitatorId: n.facilitatorId,
    format: n.format,
    sections: n.sections,
    goalIds: n.goalIds,
    status: n.status,
    signedAt: n.signedAt?.toISOString() ?? null,
    signedById: n.signedById,
    late: n.late,
    cosignRequired: n.cosignRequired,
    awaitingCosign,
    hoursWaited:
      awaitingCosign && n.signedAt
        ? Math.max(0, Math.round(((now.getTime() - n.signedAt.getTime()) / HOUR_MS) * 10) / 10)
        : null,
    cosignedAt: n.cosignedAt?.toISOString() ?? null,
    cosignedById: n.cosignedById,
    returnedComment: n.returnedComment,
    returnedAt: n.returnedAt?.toISOString() ?? null,
    returnedById: n.returnedById,
    addenda: n.addenda,
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
