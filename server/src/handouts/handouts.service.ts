import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OPEN_HANDOUT_OUTCOMES,
  type Handout,
  type HandoutListItem,
  type HandoutOutcome,
  type HandoutStep,
  type Page,
} from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { fieldError, requireParticipant, resolveActor } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import {
  datesNotBefore,
  findInTeam,
  insertReturning,
  RecordContext,
  updateReturning,
  type CreateResult,
} from '../records';
import type { ChangeHandoutStatusDto } from './dto/change-handout-status.dto';
import type { CreateHandoutDto } from './dto/create-handout.dto';
import type { ListHandoutsQuery } from './dto/list-handouts.query';
import type { UpdateHandoutDto } from './dto/update-handout.dto';
import {
  HANDOUT,
  toHandoutListItem,
  toHandoutResponse,
  type HandoutListRow,
  type HandoutRow,
} from './handouts.mapper';

const PENDING: HandoutOutcome = 'pending';
const OPEN = [...OPEN_HANDOUT_OUTCOMES];

/** A step of the history as stored: the note only when one was written. */
function step(status: HandoutOutcome, on: string, byId: string, note?: string | null): HandoutStep {
  return note ? { status, on, byId, note } : { status, on, byId };
}

/**
 * Resources handed to participants, and their follow-up (did the participant
 * get connected?). A handout belongs to its participant's team.
 */
@Injectable()
export class HandoutsService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListHandoutsQuery): Promise<Page<HandoutListItem>> {
    return this.records.list(
      caller,
      HANDOUT,
      q,
      (row) => toHandoutListItem(row as HandoutListRow),
      {
        alias: 'h',
        where: (filter) => {
          filter.when(q.resourceId, 'h.resource_id = ?').when(q.outcome, 'h.outcome = ?');
          if (q.followUpDue !== undefined) {
            const due = `(h.outcome = ANY(?::text[]) AND h.follow_up_on IS NOT NULL AND h.follow_up_on <= ?::date)`;
            filter.add(q.followUpDue ? due : `NOT ${due}`, OPEN, this.records.today());
          }
          if (q.open !== undefined) {
            filter.add(
              q.open ? 'h.outcome = ANY(?::text[])' : 'NOT h.outcome = ANY(?::text[])',
              OPEN,
            );
          }
        },
        extra: `r.name AS "resourceName", r.category AS "resourceCategory",
                coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"`,
        joins: `JOIN resource r ON r.id = h.resource_id
                JOIN participant p ON p.id = h.participant_id`,
        // The follow-ups list is a to-do list: the longest overdue first.
        orderBy: q.followUpDue
          ? 'h.follow_up_on ASC, h.given_on ASC, h.id'
          : 'h.given_on DESC, h.created_at DESC, h.id DESC',
      },
    );
  }

  async get(caller: AuthUser, id: string): Promise<Handout> {
    return toHandoutResponse(await this.records.read(HANDOUT, caller, id));
  }

  async create(caller: AuthUser, dto: CreateHandoutDto): Promise<CreateResult<Handout>> {
    return this.records.create(caller, HANDOUT, dto, (m) => ({
      toResponse: toHandoutResponse,
      audit: (entry, row) =>
        this.records.audit.record(
          entry.action === 'create' ? { ...entry, details: { resourceId: row.resourceId } } : entry,
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
        // The history starts with the handout itself; an outcome known already is its next step.
        const history = [step(PENDING, givenOn, workerId)];
        if (outcome !== PENDING) history.push(step(outcome, outcomeOn!, caller.id));
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
          history,
        });
      },
    }));
  }

  /** Records the outcome of a follow-up, or changes the note or follow-up date. */
  async update(caller: AuthUser, id: string, dto: UpdateHandoutDto): Promise<Handout> {
    const saved = await this.records.update(caller, HANDOUT, id, dto, {
      values: (current) => {
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

        // A change of status (or of its day) is a new step: the history is never rewritten.
        const moved =
          outcome !== current.outcome || toIsoDate(outcomeOn) !== toIsoDate(current.outcomeOn);
        const history = moved
          ? [...current.history, step(outcome, outcomeOn ?? this.records.today(), caller.id)]
          : current.history;
        return {
          outcome,
          outcomeOn,
          note: dto.note !== undefined ? dto.note : current.note,
          followUpOn,
          ...(moved ? { history } : {}),
        };
      },
      audit: (current, saved) =>
        saved.outcome !== current.outcome
          ? { outcome: { from: current.outcome, to: saved.outcome } }
          : {},
    });
    return toHandoutResponse(saved);
  }

  /**
   * What happened with a referral: a new step of its history (an undo too),
   * with the next follow-up moved in the same step when `followUpOn` is sent.
   * The same step again by the same person answers the handout as it is and
   * writes nothing; by someone else, 409 with the handout as it is.
   */
  async changeStatus(caller: AuthUser, id: string, dto: ChangeHandoutStatusDto): Promise<Handout> {
    const today = this.records.today();
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, HANDOUT, caller, id, { lock: 'update' });
      const givenOn = toIsoDate(current.givenOn)!;
      const on = dto.on ?? today;
      const note = dto.note?.trim() ? dto.note : null;
      const followUpOn =
        dto.followUpOn !== undefined ? dto.followUpOn : toIsoDate(current.followUpOn);
      const last = current.history[current.history.length - 1];
      const repeat =
        last !== undefined &&
        current.outcome === dto.status &&
        last.status === dto.status &&
        last.on === on &&
        (last.note ?? null) === note &&
        followUpOn === toIsoDate(current.followUpOn);
      if (repeat) {
        if (last.byId !== caller.id) {
          throw new ConflictException({
            message: `This step was already recorded by someone else on ${on}`,
            errors: { status: [`the referral is already ${dto.status}`] },
            record: toHandoutResponse(current),
          });
        }
        await this.records.auditEvent(m, caller, 'read', HANDOUT, current, { repeated: 'status' });
        return toHandoutResponse(current);
      }
      if (on > today) throw fieldError('on', 'on must not be after today');
      datesNotBefore({ givenOn, on, followUpOn }, 'givenOn', 'on', 'followUpOn');
      return this.saveStep(m, caller, current, {
        outcome: dto.status,
        outcomeOn: dto.status === PENDING ? null : on,
        followUpOn,
        history: [...current.history, step(dto.status, on, caller.id, note)],
      });
    });
  }

  private async saveStep(
    m: EntityManager,
    caller: AuthUser,
    current: HandoutRow,
    change: Pick<HandoutRow, 'outcome' | 'outcomeOn' | 'followUpOn' | 'history'>,
  ): Promise<Handout> {
    const saved = (await updateReturning(m, HANDOUT, current, change))!;
    const fields = ['outcome', 'history'];
    if (change.followUpOn !== toIsoDate(current.followUpOn)) fields.push('followUpOn');
    await this.records.auditEvent(m, caller, 'update', HANDOUT, saved, {
      fields,
      outcome: { from: current.outcome, to: saved.outcome },
    });
    return toHandoutResponse(saved);
  }
}
