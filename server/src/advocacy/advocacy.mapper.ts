import { toIsoDate } from '../common/dates';
import type { AdvocacyActionEntity } from './advocacy-action.entity';
import type { AdvocacyActionResponse } from './advocacy-action.response';

/** An advocacy action as read by `ADVOCACY_COLUMNS` (no relations loaded). */
export type AdvocacyActionRow = Omit<AdvocacyActionEntity, 'team' | 'participant' | 'worker'>;

/** Columns aliased to the entity's property names, for raw SELECT and RETURNING. */
export const ADVOCACY_COLUMNS = `id, team_id AS "teamId", participant_id AS "participantId", level, category,
  title, description, status, outcome, opened_on AS "openedOn", due_on AS "dueOn",
  completed_on AS "completedOn", worker_id AS "workerId", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

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
