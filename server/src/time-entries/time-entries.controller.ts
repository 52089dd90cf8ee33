import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, TimeEntry } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, CreateRecord, ListRecords, ReadRecord, RecordId } from '../records';
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
    { errors: [404] },
  )
  list(@CurrentUser() user: AuthUser, @Query() q: ListTimeEntriesQuery): Promise<Page<TimeEntry>> {
    return this.entries.list(user, q);
  }

  @CreateRecord(TimeEntryResponse, 'a time entry', {
    errors: [409],
    summary:
      'Log work outside sessions (201; a safe retry with the same id returns it, 200). A supervisor may name a worker of the team',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTimeEntryDto) {
    return this.entries.create(user, dto);
  }

  @ReadRecord(TimeEntryResponse, 'One time entry (a worker: their own)')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<TimeEntry> {
    return this.entries.get(user, id);
  }

  @ChangeRecord(
    TimeEntryResponse,
    'Change a time entry (a worker: their own); `version` must be the one last read (409 if stale)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateTimeEntryDto,
  ): Promise<TimeEntry> {
    return this.entries.update(user, id, dto);
  }
}
