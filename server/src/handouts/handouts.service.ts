import { Injectable } from '@nestjs/common';
import {
  type Handout,
  type HandoutListItem,
  type HandoutOutcome,
  type Page,
} from '@peerpath/shared';
import { fieldError, requireParticipant, resolveActor } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import {
  createOnce,
  datesNotBefore,
  findInTeam,
  insertReturning,
  RecordContext,
  updateReturning,
  type CreateResult,
} from '../records';
import type { CreateHandoutDto } from './dto/create-handout.dto';
import type { ListHandoutsQuery } from './dto/list-handouts.query';
import type { UpdateHandoutDto } from './dto/update-handout.dto';
import {
  HANDOUT,
  toHandoutListItem,
  toHandoutResponse,
  type HandoutListRow,
} from './handouts.mapper';

const PENDING: HandoutOutcome = 'pending';

/**
 * Resources handed to participants, and their follow-up (did the participant
 * get connected?). A handout belongs to its participant's team.
 */
@Injectable()
export class HandoutsService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListHandoutsQuery): Promise<Page<HandoutListItem>> {
    const scope = await this.records.listScope(caller, q, 'h');
    scope.filter.when(q.resourceId, 'h.resource_id = ?').when(q.outcome, 'h.outcome = ?');
    if (q.followUpDue !== undefined) {
      const due = `(h.outcome = ? AND h.follow_up_on IS NOT NULL AND h.follow_up_on <= ?::date)`;
      scope.filter.add(q.followUpDue ? due : `NOT ${due}`, PENDING, this.records.today());
    }
    return this.records.listRead(
      caller,
      HANDOUT,
      q,
      scope,
      {
        alias: 'h',
        extra: `r.name AS "resourceName", r.category AS "resourceCategory",
                coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"`,
        joins: `JOIN resource r ON r.id = h.resource_id
                JOIN participant p ON p.id = h.participant_id`,
        // The follow-ups list is a to-do list: the longest overdue first.
        orderBy: q.followUpDue
          ? 'h.follow_up_on ASC, h.given_on ASC, h.id'
          : 'h.given_on DESC, h.created_at DESC, h.id DESC',
      },
      (row) => toHandoutListItem(row as HandoutListRow),
    );
  }

  async get(caller: AuthUser, id: string): Promise<Handout> {
    return toHandoutResponse(await this.records.read(HANDOUT, caller, id));
  }

  async create(caller: AuthUser, dto: CreateHandoutDto): Promise<CreateResult<Handout>> {
    return this.records.db.transaction((m) =>
      createOnce(m, HANDOUT, caller, dto, {
        toResponse: toHandoutResponse,
        audit: (entry, row) =>
          this.records.audit.record(
            entry.action === 'create'
              ? { ...entry, details: { resourceId: row.resourceId } }
              : entry,
            m,
          ),
        insert: async () => {
          const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
          const resource: { active: boolean }[] = await m.query(
            `SELECT active FROM resource WHERE id = $1`,
            [dto.resourceId],
          );
          if (resource.length === 0) {
            throw fieldError('resourceId', 'resourceId does not name a resource of the directory');
          }
          if (!resource[0].active) {
            throw fieldError(
              'resourceId',
              'This resource is no longer active and cannot be handed out',
            );
          }
          const workerId = await resolveActor(m, caller, dto.workerId, p.teamId, 'workerId');
          const givenOn = dto.givenOn ?? this.records.today();
          const outcome = dto.outcome ?? PENDING;
          if (outcome === PENDING && dto.outcomeOn) {
            throw fieldError(
              'outcomeOn',
              'outcomeOn can only be set with an outcome other than pending',
            );
          }
          const outcomeOn = outcome === PENDING ? null : (dto.outcomeOn ?? this.records.today());
          const followUpOn = dto.followUpOn ?? null;
          datesNotBefore({ givenOn, followUpOn, outcomeOn }, 'givenOn', 'followUpOn', 'outcomeOn');
          return insertReturning(m, HANDOUT, {
            id: dto.id ?? undefined,
            teamId: p.teamId,
            participantId: p.id,
            resourceId: dto.resourceId,
            workerId,
            givenOn,
            method: dto.method,
            note: dto.note ?? null,
            followUpOn,
            outcome,
            outcomeOn,
          });
        },
      }),
    );
  }

  /** Records the outcome of a follow-up, or changes the note or follow-up date. */
  async update(caller: AuthUser, id: string, dto: UpdateHandoutDto): Promise<Handout> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, HANDOUT, caller, id, { lock: 'update' });
      const outcome = dto.outcome ?? current.outcome;
      let outcomeOn: string | null;
      if (outcome === PENDING) {
        if (dto.outcomeOn) {
          throw fieldError(
            'outcomeOn',
            'outcomeOn can only be set with an outcome other than pending',
          );
        }
        outcomeOn = null;
      } else if (dto.outcomeOn === null) {
        throw fieldError('outcomeOn', 'outcomeOn is required once an outcome is recorded');
      } else if (dto.outcomeOn) {
        outcomeOn = dto.outcomeOn;
      } else if (outcome !== current.outcome) {
        // The outcome was just learned: today, unless the worker says otherwise.
        outcomeOn = this.records.today();
      } else {
        outcomeOn = current.outcomeOn ?? this.records.today();
      }
      const followUpOn = dto.followUpOn !== undefined ? dto.followUpOn : current.followUpOn;
      datesNotBefore(
        { givenOn: current.givenOn, followUpOn, outcomeOn },
        'givenOn',
        'followUpOn',
        'outcomeOn',
      );

      const saved = (await updateReturning(m, HANDOUT, current, {
        outcome,
        outcomeOn,
        note: dto.note !== undefined ? dto.note : current.note,
        followUpOn,
      }))!;
      const details: Record<string, unknown> = { fields: Object.keys(dto) };
      if (saved.outcome !== current.outcome) {
        details.outcome = { from: current.outcome, to: saved.outcome };
      }
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: HANDOUT.entity,
          entityId: saved.id,
          participantId: saved.participantId,
          teamId: saved.teamId,
          details,
        },
        m,
      );
      return toHandoutResponse(saved);
    });
  }
}
