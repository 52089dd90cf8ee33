import { Injectable } from '@nestjs/common';
import type { DecisionNote, Page } from '@peerpath/shared';
import { requireParticipant, resolveActor } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { datesNotBefore, insertReturning, RecordContext, type CreateResult } from '../records';
import {
  DECISION_NOTE,
  normaliseOptions,
  toDecisionNoteResponse,
  type DecisionNoteRow,
} from './decision-notes.mapper';
import type { CreateDecisionNoteDto } from './dto/create-decision-note.dto';
import type { ListDecisionNotesQuery } from './dto/list-decision-notes.query';
import type { UpdateDecisionNoteDto } from './dto/update-decision-note.dto';

/** Shared decision-making notes: the options weighed with a participant and what was decided. */
@Injectable()
export class DecisionNotesService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListDecisionNotesQuery): Promise<Page<DecisionNote>> {
    return this.records.list(caller, DECISION_NOTE, q, toDecisionNoteResponse, {
      where: (filter) => filter.when(q.decidedBy, 'decided_by = ?'),
    });
  }

  async get(caller: AuthUser, id: string): Promise<DecisionNote> {
    return toDecisionNoteResponse(await this.records.read(DECISION_NOTE, caller, id));
  }

  async create(caller: AuthUser, dto: CreateDecisionNoteDto): Promise<CreateResult<DecisionNote>> {
    return this.records.create(caller, DECISION_NOTE, dto, (m) => ({
      toResponse: toDecisionNoteResponse,
      insert: async () => {
        const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
        const workerId = await resolveActor(m, caller, dto.workerId, p.teamId, 'workerId');
        const discussedOn = dto.discussedOn ?? this.records.today();
        const followUpOn = dto.followUpOn ?? null;
        datesNotBefore({ discussedOn, followUpOn }, 'discussedOn', 'followUpOn');
        return insertReturning(m, DECISION_NOTE, {
          id: dto.id ?? undefined,
          teamId: p.teamId,
          participantId: p.id,
          workerId,
          discussedOn,
          topic: dto.topic,
          options: normaliseOptions(dto.options),
          participantPriorities: dto.participantPriorities ?? null,
          decision: dto.decision ?? null,
          decidedBy: dto.decidedBy,
          nextSteps: dto.nextSteps ?? null,
          followUpOn,
        });
      },
    }));
  }

  async update(caller: AuthUser, id: string, dto: UpdateDecisionNoteDto): Promise<DecisionNote> {
    const saved = await this.records.update(caller, DECISION_NOTE, id, dto, {
      values: async (current, m) => {
        let workerId = current.workerId;
        if (dto.workerId !== undefined && dto.workerId !== current.workerId) {
          workerId = await resolveActor(m, caller, dto.workerId, current.teamId, 'workerId');
        }
        const discussedOn = dto.discussedOn ?? current.discussedOn;
        const followUpOn = dto.followUpOn !== undefined ? dto.followUpOn : current.followUpOn;
        datesNotBefore({ discussedOn, followUpOn }, 'discussedOn', 'followUpOn');
        const keep = <K extends keyof DecisionNoteRow>(k: K & keyof UpdateDecisionNoteDto) =>
          dto[k] !== undefined ? dto[k] : current[k];
        return {
          workerId,
          discussedOn,
          topic: dto.topic ?? current.topic,
          options: normaliseOptions(dto.options ?? current.options),
          participantPriorities: keep('participantPriorities'),
          decision: keep('decision'),
          decidedBy: dto.decidedBy ?? current.decidedBy,
          nextSteps: keep('nextSteps'),
          followUpOn,
        };
      },
    });
    return toDecisionNoteResponse(saved);
  }
}
