import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Page, TimeEntry } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  answerCreate,
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordId,
} from '../records';
import { CreateTimeEntryDto, ListTimeEntriesQuery, UpdateTimeEntryDto } from './dto/time-entry.dto';
import { TimeEntriesService } from './time-entries.service';
import { TimeEntryResponse } from './time-entry.response';

@ApiTags('time entries')
@Controller('time-entries')
export class TimeEntriesController {
  constructor(private readonly entries: TimeEntriesService) {}

  @ListRecords(
    TimeEntryResponse,
    'Time entries, newest first: a worker’s own; a supervisor’s team (filter by `workerId`); an admin’s every team',
  )
  @Authenticated()
  @ApiErrors(403, 404)
  list(@CurrentUser() user: AuthUser, @Query() q: ListTimeEntriesQuery): Promise<Page<TimeEntry>> {
    return this.entries.list(user, q);
  }

  @Post()
  @Authenticated()
  @CreateRecord(TimeEntryResponse, 'a time entry', {
    summary:
      'Log work outside sessions (201; a safe retry with the same id returns it, 200). A supervisor may name a worker of the team',
  })
  @ApiErrors(403, 409)
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateTimeEntryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TimeEntry> {
    return answerCreate(reply, await this.entries.create(user, dto));
  }

  @ReadRecord(TimeEntryResponse, 'One time entry (a worker: their own)')
  @Authenticated()
  @ApiErrors(403)
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<TimeEntry> {
    return this.entries.get(user, id);
  }

  @ChangeRecord(
    TimeEntryResponse,
    'Change a time entry (a worker: their own); `version` must be the one last read (409 if stale)',
  )
  @Authenticated()
  @ApiErrors(403, 409)
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateTimeEntryDto,
  ): Promise<TimeEntry> {
    return this.entries.update(user, id, dto);
  }
}
