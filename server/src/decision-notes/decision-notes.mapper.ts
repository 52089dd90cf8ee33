import type { DecisionOption } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { defineRecord, json } from '../records';
import type { DecisionNoteEntity } from './decision-note.entity';
import type { DecisionNoteResponse, DecisionOptionResponse } from './decision-note.response';

export type DecisionNoteRow = Omit<
  DecisionNoteEntity,
  'recordKey' | 'team' | 'participant' | 'worker'
>;

/** The decision note as the record layer reads and writes it. */
export const DECISION_NOTE = defineRecord<DecisionNoteRow>({
  table: 'decision_note',
  entity: 'decision_note',
  notFound: 'Decision note not found',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    workerId: 'worker_id',
    discussedOn: 'discussed_on',
    topic: 'topic',
    options: json('options'),
    participantPriorities: 'participant_priorities',
    decision: 'decision',
    decidedBy: 'decided_by',
    nextSteps: 'next_steps',
    followUpOn: 'follow_up_on',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  listOrder: 'discussed_on DESC, created_at DESC, id DESC',
});

/** Options as stored: every key present, absent text as null. */
export function normaliseOptions(options: DecisionOption[]): DecisionOptionResponse[] {
  return options.map((o) => ({ label: o.label, pros: o.pros ?? null, cons: o.cons ?? null }));
}

export function toDecisionNoteResponse(n: DecisionNoteRow): DecisionNoteResponse {
  return {
    id: n.id,
    participantId: n.participantId,
    workerId: n.workerId,
    teamId: n.teamId,
    discussedOn: toIsoDate(n.discussedOn)!,
    topic: n.topic,
    options: normaliseOptions(n.options ?? []),
    participantPriorities: n.participantPriorities,
    decision: n.decision,
    decidedBy: n.decidedBy,
    nextSteps: n.nextSteps,
    followUpOn: toIsoDate(n.followUpOn),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}
