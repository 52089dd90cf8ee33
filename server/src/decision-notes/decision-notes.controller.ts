import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DecisionNote, Page } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, CreateRecord, ListRecords, ReadRecord, RecordId } from '../records';
import { DecisionNoteResponse } from './decision-note.response';
import { DecisionNotesService } from './decision-notes.service';
import { CreateDecisionNoteDto } from './dto/create-decision-note.dto';
import { ListDecisionNotesQuery } from './dto/list-decision-notes.query';
import { UpdateDecisionNoteDto } from './dto/update-decision-note.dto';

@ApiTags('decision notes')
@Controller('decision-notes')
export class DecisionNotesController {
  constructor(private readonly notes: DecisionNotesService) {}

  @ListRecords(
    DecisionNoteResponse,
    'Shared decision-making notes of the caller’s team, newest first',
    { errors: [404] },
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListDecisionNotesQuery,
  ): Promise<Page<DecisionNote>> {
    return this.notes.list(user, q);
  }

  @CreateRecord(DecisionNoteResponse, 'a decision note', {
    errors: [404, 409],
    summary: 'Record a shared decision (201); a safe retry with the same id returns it (200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateDecisionNoteDto) {
    return this.notes.create(user, dto);
  }

  @ReadRecord(DecisionNoteResponse, 'One decision note')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<DecisionNote> {
    return this.notes.get(user, id);
  }

  @ChangeRecord(
    DecisionNoteResponse,
    'Change a decision note; `options`, when sent, replaces the list',
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateDecisionNoteDto,
  ): Promise<DecisionNote> {
    return this.notes.update(user, id, dto);
  }
}
