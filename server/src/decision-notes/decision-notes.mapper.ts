import type { DecisionOption } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import type { DecisionNoteEntity } from './decision-note.entity';
import type { DecisionNoteResponse, DecisionOptionResponse } from './decision-note.response';

export type DecisionNoteRow = Omit<DecisionNoteEntity, 'team' | 'participant' | 'worker'>;

/** Columns aliased to the entity's property names, for raw SELECT and RETURNING. */
export const DECISION_NOTE_COLUMNS = `id, team_id AS "teamId", participant_id AS "participantId",
  worker_id AS "workerId", discussed_on AS "discussedOn", topic, options,
  participant_priorities AS "participantPriorities", decision, decided_by AS "decidedBy",
  next_steps AS "nextSteps", follow_up_on AS "followUpOn",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

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
