import {
  NOTE_FORMATS,
  NOTE_STATUSES,
  SESSION_TYPES,
  type NoteAddendum,
  type NoteFormat,
  type NoteSections,
  type NoteStatus,
  type SessionNote,
  type SessionType,
} from '@peerpath/shared';
import { Out, RecordStamps, VERSION_ON_PATCH } from '../common/api-docs';
import { ApiPropertyOptional } from '@nestjs/swagger';

/** The sections of a note: those of its format, each non-empty. */
export class NoteSectionsResponse implements NoteSections {
  @ApiPropertyOptional({ type: String, description: '`free`' })
  text?: string;
  @ApiPropertyOptional({ type: String, description: '`girp`' })
  goal?: string;
  @ApiPropertyOptional({ type: String, description: '`girp`, `birp`' })
  intervention?: string;
  @ApiPropertyOptional({ type: String, description: '`girp`, `birp`' })
  response?: string;
  @ApiPropertyOptional({ type: String, description: '`girp`, `dap`, `birp`' })
  plan?: string;
  @ApiPropertyOptional({ type: String, description: '`dap`' })
  data?: string;
  @ApiPropertyOptional({ type: String, description: '`dap`' })
  assessment?: string;
  @ApiPropertyOptional({ type: String, description: '`birp`' })
  behavior?: string;
}

export class NoteAddendumResponse implements NoteAddendum {
  @Out.uuid()
  id: string;

  @Out.dateTime()
  at: string;

  @Out.uuid({ description: 'Who added it' })
  byId: string;

  @Out.text()
  text: string;
}

@RecordStamps({ version: VERSION_ON_PATCH })
export class SessionNoteResponse implements SessionNote {
  @Out.uuid()
  id: string;

  @Out.uuid()
  sessionId: string;

  @Out.uuid({
    nullable: true,
    description: 'null when the person has since moved to another team (the note stays here)',
  })
  participantId: string | null;

  @Out.text({ description: 'The person’s name, or "Participant of another team"' })
  participantName: string;

  @Out.uuid({ description: 'The session’s team' })
  teamId: string;

  @Out.dateTime()
  sessionStartsAt: string;

  @Out.enum(SESSION_TYPES)
  sessionType: SessionType;

  @Out.uuid({ description: 'The session’s facilitator: the note’s author, who signs it' })
  facilitatorId: string;

  @Out.enum(NOTE_FORMATS)
  format: NoteFormat;

  @Out.object(() => NoteSectionsResponse)
  sections: NoteSections;

  @Out.textArray({ description: 'Goals of the person’s plan in force on the session date' })
  goalIds: string[];

  @Out.enum(NOTE_STATUSES)
  status: NoteStatus;

  @Out.dateTime({ nullable: true })
  signedAt: string | null;

  @Out.uuid({ nullable: true })
  signedById: string | null;

  @Out.bool({ description: 'Signed more than NOTE_LATE_HOURS after the session ended' })
  late: boolean;

  @Out.bool({ description: 'At signing, the note was found to need a co-signature' })
  cosignRequired: boolean;

  @Out.bool({ description: 'Signed and waiting for a supervisor’s co-signature' })
  awaitingCosign: boolean;

  @Out.number({ nullable: true, description: 'While waiting: hours since signing, 1 decimal' })
  hoursWaited: number | null;

  @Out.dateTime({ nullable: true })
  cosignedAt: string | null;

  @Out.uuid({ nullable: true })
  cosignedById: string | null;

  @Out.text({ nullable: true, description: 'Why a supervisor returned it to draft, if they did' })
  returnedComment: string | null;

  @Out.dateTime({ nullable: true })
  returnedAt: string | null;

  @Out.uuid({ nullable: true })
  returnedById: string | null;

  @Out.array(() => NoteAddendumResponse, { description: 'Added after signing, oldest first' })
  addenda: NoteAddendum[];

  version: number;
  createdAt: string;
  updatedAt: string;
}
