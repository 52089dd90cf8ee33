import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  type AdvocacyAction,
  type AdvocacyLevel,
  type AdvocacyStatus,
  type Page,
} from '@peerpath/shared';
import {
  fieldError,
  requireMayChange,
  requireParticipant,
  resolveActor,
  teamForCreate,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { UNFINISHED_ADVOCACY_STATUSES } from '../common/constants';
import { datesNotBefore, insertReturning, RecordContext, type CreateResult } from '../records';
import { ADVOCACY, toAdvocacyActionResponse } from './advocacy.mapper';
import type { CreateAdvocacyActionDto } from './dto/create-advocacy-action.dto';
import type { ListAdvocacyActionsQuery } from './dto/list-advocacy-actions.query';
import type { UpdateAdvocacyActionDto } from './dto/update-advocacy-action.dto';

/**
 * The workflow: open → in_progress → done or cancelled. An action can step back
 * from in progress to open, and a finished (done or cancelled) action can be
 * reopened, but only to open or in progress: done never turns into cancelled or
 * the other way round without being reopened first.
 */
const NEXT_STATUS: Record<AdvocacyStatus, readonly AdvocacyStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['open', 'in_progress'],
  cancelled: ['open', 'in_progress'],
};

function checkLevel(level: AdvocacyLevel, participantId: string | null | undefined): void {
  if (level === 'individual' && !participantId) {
    throw fieldError('participantId', 'participantId is required for individual advocacy');
  }
  if (level === 'systemic' && participantId) {
    throw fieldError('participantId', 'participantId must be left out for systemic advocacy');
  }
}

@Injectable()
export class AdvocacyService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListAdvocacyActionsQuery): Promise<Page<AdvocacyAction>> {
    return this.records.list(caller, ADVOCACY, q, toAdvocacyActionResponse, {
      where: (filter) => {
        filter
          .when(q.status, 'status = ?')
          .when(q.level, 'level = ?')
          .when(q.category, 'category = ?');
        if (q.overdue !== undefined) {
          const overdue = `(status = ANY(?::text[]) AND due_on IS NOT NULL AND due_on < ?::date)`;
          filter.add(
            q.overdue ? overdue : `NOT ${overdue}`,
            UNFINISHED_ADVOCACY_STATUSES,
            this.records.today(),
          );
        }
      },
    });
  }

  async get(caller: AuthUser, id: string): Promise<AdvocacyAction> {
    return toAdvocacyActionResponse(await this.records.read(ADVOCACY, caller, id));
  }

  async create(
    caller: AuthUser,
    dto: CreateAdvocacyActionDto,
  ): Promise<CreateResult<AdvocacyAction>> {
    return this.records.create(caller, ADVOCACY, dto, (m) => ({
      toResponse: toAdvocacyActionResponse,
      insert: async () => {
        checkLevel(dto.level, dto.participantId);
        let teamId: string;
        if (dto.participantId) {
          const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
          if (dto.teamId && dto.teamId !== p.teamId) {
            if (caller.role !== 'admin') {
              throw new ForbiddenException('You can only create records in your own team');
            }
            throw fieldError('teamId', 'teamId must be the participant’s team');
          }
          teamId = p.teamId;
        } else {
          teamId = await teamForCreate(m, caller, dto.teamId);
        }
        const workerId = await resolveActor(m, caller, dto.workerId, teamId, 'workerId');
        const status = dto.status ?? 'open';
        if (status !== 'done' && dto.completedOn) {
          throw fieldError('completedOn', 'completedOn can only be set when the status is done');
        }
        const openedOn = dto.openedOn ?? this.records.today();
        const completedOn = status === 'done' ? (dto.completedOn ?? this.records.today()) : null;
        const dueOn = dto.dueOn ?? null;
        datesNotBefore({ openedOn, dueOn, completedOn }, 'openedOn', 'dueOn', 'completedOn');
        return insertReturning(m, ADVOCACY, {
          id: dto.id ?? undefined,
          teamId,
          participantId: dto.participantId ?? null,
          level: dto.level,
          category: dto.category,
          title: dto.title,
          description: dto.description ?? null,
          status,
          outcome: dto.outcome ?? null,
          openedOn,
          dueOn,
          completedOn,
          workerId,
        });
      },
    }));
  }

  async update(
    caller: AuthUser,
    id: string,
    dto: UpdateAdvocacyActionDto,
  ): Promise<AdvocacyAction> {
    const saved = await this.records.update(caller, ADVOCACY, id, dto, {
      allowed: (current) =>
        requireMayChange(caller, current.workerId, 'the advocacy actions they own'),
      values: async (current, m) => {
        const level = dto.level ?? current.level;
        const participantId =
          dto.participantId !== undefined ? dto.participantId : current.participantId;
        checkLevel(level, participantId);
        if (participantId && participantId !== current.participantId) {
          const p = await requireParticipant(m, caller, participantId, { lock: 'share' });
          if (p.teamId !== current.teamId) {
            throw fieldError('participantId', 'participantId must be a participant of this team');
          }
        }

        const status = dto.status ?? current.status;
        if (status !== current.status && !NEXT_STATUS[current.status].includes(status)) {
          throw fieldError(
            'status',
            `An action that is ${current.status} can move to: ${NEXT_STATUS[current.status].join(', ')}`,
          );
        }
        let completedOn: string | null;
        if (status === 'done') {
          if (dto.completedOn === null) {
            throw fieldError('completedOn', 'completedOn is required while the status is done');
          }
          completedOn =
            dto.completedOn ??
            (current.status === 'done' ? current.completedOn : null) ??
            this.records.today();
        } else {
          if (dto.completedOn) {
            throw fieldError('completedOn', 'completedOn can only be set when the status is done');
          }
          // Moving back from done (or never done): no completion date.
          completedOn = null;
        }
        const openedOn = dto.openedOn ?? current.openedOn;
        const dueOn = dto.dueOn !== undefined ? dto.dueOn : current.dueOn;
        datesNotBefore({ openedOn, dueOn, completedOn }, 'openedOn', 'dueOn', 'completedOn');

        let workerId = current.workerId;
        if (dto.workerId !== undefined && dto.workerId !== current.workerId) {
          workerId = await resolveActor(m, caller, dto.workerId, current.teamId, 'workerId');
        }

        return {
          participantId,
          level,
          category: dto.category ?? current.category,
          title: dto.title ?? current.title,
          description: dto.description !== undefined ? dto.description : current.description,
          status,
          outcome: dto.outcome !== undefined ? dto.outcome : current.outcome,
          openedOn,
          dueOn,
          completedOn,
          workerId,
        };
      },
      audit: (current, saved) =>
        saved.status !== current.status
          ? { status: { from: current.status, to: saved.status } }
          : {},
    });
    return toAdvocacyActionResponse(saved);
  }
}
