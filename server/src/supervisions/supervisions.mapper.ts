import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { SupervisionEntity } from './supervision.entity';
import type { SupervisionResponse } from './supervision.response';

export type SupervisionRow = Omit<SupervisionEntity, 'team' | 'worker' | 'supervisor'>;

export const SUPERVISION = defineRecord<SupervisionRow>({
  table: 'supervision',
  entity: 'supervision',
  notFound: 'Supervision not found',
  stale: 'This supervision record was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    workerId: 'worker_id',
    supervisorId: 'supervisor_id',
    on: 'held_on',
    minutes: 'minutes',
    format: 'format',
    topics: 'topics',
    actionItems: 'action_items',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  listOrder: 'held_on DESC, created_at DESC, id DESC',
});

export function toSupervisionResponse(e: SupervisionRow): SupervisionResponse {
  return {
    id: e.id,
    teamId: e.teamId,
    workerId: e.workerId,
    supervisorId: e.supervisorId,
    on: toIsoDate(e.on)!,
    minutes: e.minutes,
    format: e.format,
    topics: e.topics,
    actionItems: e.actionItems,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
