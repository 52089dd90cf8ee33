import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { TimeEntryEntity } from './time-entry.entity';
import type { TimeEntryResponse } from './time-entry.response';

export type TimeEntryRow = Omit<TimeEntryEntity, 'recordKey' | 'team' | 'worker'>;

export const TIME_ENTRY = defineRecord<TimeEntryRow>({
  table: 'time_entry',
  entity: 'time_entry',
  notFound: 'Time entry not found',
  stale: 'This time entry was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    workerId: 'worker_id',
    on: 'worked_on',
    minutes: 'minutes',
    kind: 'kind',
    note: 'note',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  listOrder: 'worked_on DESC, created_at DESC, id DESC',
});

export function toTimeEntryResponse(e: TimeEntryRow): TimeEntryResponse {
  return {
    id: e.id,
    teamId: e.teamId,
    workerId: e.workerId,
    on: toIsoDate(e.on)!,
    minutes: e.minutes,
    kind: e.kind,
    note: e.note,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
