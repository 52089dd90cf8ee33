import { isClosedOutcome, type HandoutStep, type ResourceCategory } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { defineRecord, json } from '../records';
import type { HandoutEntity } from './handout.entity';
import type { HandoutListItemResponse, HandoutResponse } from './handout.response';

export type HandoutRow = Omit<
  HandoutEntity,
  'recordKey' | 'team' | 'participant' | 'resource' | 'worker'
>;
export type HandoutListRow = HandoutRow & {
  resourceName: string;
  resourceCategory: ResourceCategory;
  participantName: string;
};

/** The handout as the record layer reads and writes it. */
export const HANDOUT = defineRecord<HandoutRow>({
  table: 'handout',
  entity: 'handout',
  notFound: 'Handout not found',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    resourceId: 'resource_id',
    workerId: 'worker_id',
    givenOn: 'given_on',
    method: 'method',
    note: 'note',
    followUpOn: 'follow_up_on',
    outcome: 'outcome',
    outcomeOn: 'outcome_on',
    history: json('history'),
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

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
    history: (h.history ?? []).map(toStep),
    open: !isClosedOutcome(h.outcome),
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

/** A step as the API shows it: the note only when one was written. */
function toStep(s: HandoutStep): HandoutStep {
  const step: HandoutStep = { status: s.status, on: s.on, byId: s.byId };
  if (s.note) step.note = s.note;
  return step;
}
