import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Page, TimeEntry } from '@peerpath/shared';
import { requireMayChange, resolveActor } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { findInTeam, insertReturning, RecordContext, type CreateResult } from '../records';
import type {
  CreateTimeEntryDto,
  ListTimeEntriesQuery,
  UpdateTimeEntryDto,
} from './dto/time-entry.dto';
import { TIME_ENTRY, toTimeEntryResponse } from './time-entries.mapper';

/**
 * Work outside sessions (SPEC §11). A worker keeps their own entries; a
 * supervisor reads and writes the team's; an admin reads every team's. An
 * entry carries the worker's team.
 */
@Injectable()
export class TimeEntriesService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListTimeEntriesQuery): Promise<Page<TimeEntry>> {
    return this.records.list(caller, TIME_ENTRY, q, toTimeEntryResponse, {
      ownWork: { what: 'time entries', on: 'worked_on' },
      where: (filter) => filter.when(q.kind, 'kind = ?'),
    });
  }

  async get(caller: AuthUser, id: string): Promise<TimeEntry> {
    const row = await findInTeam(this.records.db.manager, TIME_ENTRY, caller, id);
    requireMayChange(caller, row.workerId, 'their own time entries');
    await this.records.auditRead(TIME_ENTRY, caller, row);
    return toTimeEntryResponse(row);
  }

  async create(caller: AuthUser, dto: CreateTimeEntryDto): Promise<CreateResult<TimeEntry>> {
    return this.records.create(caller, TIME_ENTRY, dto, (m) => ({
      toResponse: toTimeEntryResponse,
      insert: async () => {
        if (caller.role === 'admin') {
          throw new ForbiddenException(
            'Time entries are kept by a worker or a supervisor of the team',
          );
        }
        const teamId = caller.teamId!;
        const workerId = await resolveActor(m, caller, dto.workerId, teamId, 'workerId');
        return insertReturning(m, TIME_ENTRY, {
          id: dto.id ?? undefined,
          teamId,
          workerId,
          on: dto.on ?? this.records.today(),
          minutes: dto.minutes,
          kind: dto.kind,
          note: dto.note ?? null,
        });
      },
    }));
  }

  async update(caller: AuthUser, id: string, dto: UpdateTimeEntryDto): Promise<TimeEntry> {
    const saved = await this.records.update(caller, TIME_ENTRY, id, dto, {
      allowed: (current) => {
        if (caller.role === 'admin') {
          throw new ForbiddenException(
            'Time entries are changed by the worker or their supervisor',
          );
        }
        requireMayChange(caller, current.workerId, 'their own time entries');
      },
      values: (current) => ({
        on: dto.on ?? current.on,
        minutes: dto.minutes ?? current.minutes,
        kind: dto.kind ?? current.kind,
        note: dto.note !== undefined ? dto.note : current.note,
      }),
    });
    return toTimeEntryResponse(saved);
  }
}
