import type {
  AddNoteAddendumRequest,
  NoteStatus,
  ReturnSessionNoteRequest,
  SignSessionNoteRequest,
} from '@peerpath/shared';
import { NOTE_STATUSES } from '@peerpath/shared';
import {
  ClientIdField,
  EnumField,
  PageQuery,
  QueryBool,
  TextField,
  UuidField,
  VersionField,
} from '../../common/validation';

export class SignNoteDto implements SignSessionNoteRequest {
  @VersionField({
    presence: 'optional',
    description:
      'The version last read: a draft changed since is refused (409); not checked on a repeat',
  })
  version?: number;
}

export class ReturnNoteDto implements ReturnSessionNoteRequest {
  @TextField({ max: 4000, description: 'What to change before signing again' })
  comment: string;
}

export class AddAddendumDto implements AddNoteAddendumRequest {
  @ClientIdField('Client-chosen id: sending the same addendum again returns the note (200)')
  id?: string;

  @TextField({ max: 20_000 })
  text: string;
}

export class ListNotesQuery extends PageQuery {
  @EnumField(NOTE_STATUSES, { presence: 'nullable' })
  status?: NoteStatus;

  @QueryBool(
    'true: signed notes waiting for a co-signature, oldest first, with hours waited; false: all others',
  )
  awaitingCosign?: boolean;

  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @UuidField({ presence: 'nullable' })
  sessionId?: string;

  @UuidField({ presence: 'nullable', description: 'Notes that worked on this goal (a goal id)' })
  goalId?: string;

  @UuidField({
    presence: 'nullable',
    description:
      'Notes this user signed; with awaitingCosign=true, the caseload’s notesAwaitingCosign of that worker',
  })
  signedById?: string;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}
