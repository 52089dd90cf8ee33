import type { ResourceCategory } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import type { HandoutEntity } from './handout.entity';
import type { HandoutListItemResponse, HandoutResponse } from './handout.response';

export type HandoutRow = Omit<HandoutEntity, 'team' | 'participant' | 'resource' | 'worker'>;
export type HandoutListRow = HandoutRow & {
  resourceName: string;
  resourceCategory: ResourceCategory;
  participantName: string;
};

/** Columns aliased to the entity's property names, for raw SELECT and RETURNING. */
export function handoutColumns(alias?: string): string {
  const c = (name: string) => (alias ? `${alias}.${name}` : name);
  return `${c('id')}, ${c('team_id')} AS "teamId", ${c('participant_id')} AS "participantId",
    ${c('resource_id')} AS "resourceId", ${c('worker_id')} AS "workerId", ${c('given_on')} AS "givenOn",
    ${c('method')}, ${c('note')}, ${c('follow_up_on')} AS "followUpOn", ${c('outcome')},
    ${c('outcome_on')} AS "outcomeOn", ${c('created_at')} AS "createdAt", ${c('updated_at')} AS "updatedAt"`;
}

export function toHandoutResponse(h: HandoutRow): HandoutResponse {
  return {
    id: h.id,
    participantId: h.participantId,
    resourceId: h.resourceId,
    workerId: h.workerId,
    teamId: h.teamId,
    givenOn: toIsoDate(h.givenOn)!,
    method: h.method,
    note: h.note,
    followUpOn: toIsoDate(h.followUpOn),
    outcome: h.outcome,
    outcomeOn: toIsoDate(h.outcomeOn),
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function toHandoutListItem(h: HandoutListRow): HandoutListItemResponse {
  return {
    ...toHandoutResponse(h),
    resourceName: h.resourceName,
    resourceCategory: h.resourceCategory,
    participantName: h.participantName,
  };
}
