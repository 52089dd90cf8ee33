import { Injectable } from '@nestjs/common';
import type { DecisionNote, Page } from '@peerpath/shared';
import { fieldError, requireParticipant, resolveActor } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  createOnce,
  Filter,
  findInTeam,
  insertReturning,
  listPage,
  RecordContext,
  updateReturning,
  type CreateResult,
} from '../records';
import {
  DECISION_NOTE,
  normaliseOptions,
  toDecisionNoteResponse,
  type DecisionNoteRow,
} from './decision-notes.mapper';
import type { CreateDecisionNoteDto } from './dto/create-decision-note.dto';
import type { ListDecisionNotesQuery } from './dto/list-decision-notes.query';
import type { UpdateDecisionNoteDto } from './dto/update-decision-note.dto';

function checkDates(n: { discussedOn: string; followUpOn: string | null }) {
  if (n.followUpOn && n.followUpOn < n.discussedOn) {
    throw fieldError('followUpOn', 'followUpOn must not be before discussedOn');
  }
}

/** Shared decision-making notes: the options weighed with a participant and what was decided. */
@Injectable()
export class DecisionNotesService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListDecisionNotesQuery): Promise<Page<DecisionNote>> {
    const { page, pageSize, offset } = paging(q);
    const teamId = await this.records.listScope(caller, q);

    const f = new Filter()
      .when(teamId, 'team_id = ?')
      .when(q.participantId, 'participant_id = ?')
      .when(q.workerId, 'worker_id = ?')
      .when(q.decidedBy, 'decided_by = ?');
    const { rows, total } = await listPage(this.records.db.manager, DECISION_NOTE, f, {
      orderBy: 'discussed_on DESC, created_at DESC, id DESC',
      limit: pageSize,
      offset,
    });
    await this.records.auditList(caller, DECISION_NOTE, q, teamId);
    return { items: rows.map(toDecisionNoteResponse), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<DecisionNote> {
    return toDecisionNoteResponse(await this.records.read(DECISION_NOTE, caller, id));
  }

  async create(caller: AuthUser, dto: CreateDecisionNoteDto): Promise<CreateResult<DecisionNote>> {
    return this.records.db.transaction((m) =>
      createOnce(m, DECISION_NOTE, caller, dto, {
        toResponse: toDecisionNoteResponse,
        audit: (entry) => this.records.audit.record(entry, m),
        insert: async () => {
          const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
          const workerId = await resolveActor(m, caller, dto.workerId, p.teamId, 'workerId');
          const discussedOn = dto.discussedOn ?? this.records.today();
          const followUpOn = dto.followUpOn ?? null;
          checkDates({ discussedOn, followUpOn });
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
      }),
    );
  }

  async update(caller: AuthUser, id: string, dto: UpdateDecisionNoteDto): Promise<DecisionNote> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, DECISION_NOTE, caller, id, { lock: 'update' });
      let workerId = current.workerId;
      if (dto.workerId !== undefined && dto.workerId !== current.workerId) {
        workerId = await resolveActor(m, caller, dto.workerId, current.teamId, 'workerId');
      }
      const discussedOn = dto.discussedOn ?? current.discussedOn;
      const followUpOn = dto.followUpOn !== undefined ? dto.followUpOn : current.followUpOn;
      checkDates({ discussedOn, followUpOn });
      const keep = <K extends keyof DecisionNoteRow>(k: K & keyof UpdateDecisionNoteDto) =>
        dto[k] !== undefined ? dto[k] : current[k];

      const saved = (await updateReturning(m, DECISION_NOTE, current, {
        workerId,
        discussedOn,
        topic: dto.topic ?? current.topic,
        options: normaliseOptions(dto.options ?? current.options),
        participantPriorities: keep('participantPriorities'),
        decision: keep('decision'),
        decidedBy: dto.decidedBy ?? current.decidedBy,
        nextSteps: keep('nextSteps'),
        followUpOn,
      }))!;
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: DECISION_NOTE.entity,
          entityId: saved.id,
          participantId: saved.participantId,
          teamId: saved.teamId,
          details: { fields: Object.keys(dto) },
        },
        m,
      );
      return toDecisionNoteResponse(saved);
    });
  }
}
