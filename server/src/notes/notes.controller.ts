import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, SessionNote } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import { CreateNoteDto } from './dto/create-note.dto';
import { AddAddendumDto, ListNotesQuery, ReturnNoteDto, SignNoteDto } from './dto/note-actions.dto';
import { UpdateNoteDto } from './dto/update-note.dto';
import { NotesService } from './notes.service';
import { SessionNoteResponse } from './session-note.response';

@ApiTags('notes')
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @CreateRecord(SessionNoteResponse, 'a note', {
    path: 'sessions/:id/notes',
    errors: [409],
    summary:
      'Write the note of one attendee of the session (201); a safe retry with the same id returns it (200)',
  })
  create(@CurrentUser() user: AuthUser, @RecordId() sessionId: string, @Body() dto: CreateNoteDto) {
    return this.notes.create(user, sessionId, dto);
  }

  @ListRecords(
    SessionNoteResponse,
    'Session notes of the caller’s team, newest session first; `awaitingCosign=true` is the co-signature queue, oldest first',
    { path: 'notes', errors: [404] },
  )
  list(@CurrentUser() user: AuthUser, @Query() q: ListNotesQuery): Promise<Page<SessionNote>> {
    return this.notes.list(user, q);
  }

  @ReadRecord(SessionNoteResponse, 'One session note', { path: 'notes/:id' })
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<SessionNote> {
    return this.notes.get(user, id);
  }

  @ChangeRecord(
    SessionNoteResponse,
    'Change a draft (its facilitator or a supervisor of the team); a signed note never changes (409)',
    { path: 'notes/:id', errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateNoteDto,
  ): Promise<SessionNote> {
    return this.notes.update(user, id, dto);
  }

  @RecordAction(
    SessionNoteResponse,
    'notes/:id/sign',
    'Sign a draft (the session’s facilitator only); signing again answers the note as it is',
    { errors: [409] },
  )
  sign(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: SignNoteDto,
  ): Promise<SessionNote> {
    return this.notes.sign(user, id, dto);
  }

  @RecordAction(
    SessionNoteResponse,
    'notes/:id/cosign',
    'Co-sign a note waiting for it (a supervisor of the team, never their own note: 403); again answers it as it is. No body is read.',
    { errors: [409] },
  )
  cosign(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<SessionNote> {
    return this.notes.cosign(user, id);
  }

  @RecordAction(
    SessionNoteResponse,
    'notes/:id/return',
    'Return a note waiting for a co-signature to draft, with a comment for its author',
    { errors: [409] },
  )
  returnNote(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: ReturnNoteDto,
  ): Promise<SessionNote> {
    return this.notes.returnNote(user, id, dto);
  }

  @CreateRecord(SessionNoteResponse, 'an addendum', {
    path: 'notes/:id/addenda',
    errors: [409],
    summary:
      'Add an addendum to a signed note (201, the note); the note itself never changes. A repeat with the same id returns it (200)',
  })
  addAddendum(@CurrentUser() user: AuthUser, @RecordId() id: string, @Body() dto: AddAddendumDto) {
    return this.notes.addAddendum(user, id, dto);
  }
}
