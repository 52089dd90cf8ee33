import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { AdvocacyActionEntity } from './advocacy-action.entity';
import type { AdvocacyActionResponse } from './advocacy-action.response';

/** An advocacy action as the record layer reads it (no relations loaded). */
export type AdvocacyActionRow = Omit<
  AdvocacyActionEntity,
  'recordKey' | 'team' | 'participant' | 'worker'
>;

/** The advocacy action as the record layer reads and writes it. */
export const ADVOCACY = defineRecord<AdvocacyActionRow>({
  table: 'advocacy_action',
  entity: 'advocacy_action',
  notFound: 'Advocacy action not found',
  stale: 'This advocacy action was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    level: 'level',
    category: 'category',
    title: 'title',
    description: 'description',
    status: 'status',
    outcome: 'outcome',
    openedOn: 'opened_on',
    dueOn: 'due_on',
    completedOn: 'completed_on',
    workerId: 'worker_id',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  listOrder: 'opened_on DESC, created_at DESC, id DESC',
});

export function toAdvocacyActionResponse(a: AdvocacyActionRow): AdvocacyActionResponse {
  return {
    id: a.id,
    participantId: a.participantId,
    level: a.level,
    category: a.category,
    title: a.title,
    description: a.description,
    status: a.status,
    outcome: a.outcome,
    openedOn: toIsoDate(a.openedOn)!,
    dueOn: toIsoDate(a.dueOn),
    completedOn: toIsoDate(a.completedOn),
    workerId: a.workerId,
    teamId: a.teamId,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
