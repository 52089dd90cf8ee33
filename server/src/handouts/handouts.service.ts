import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  todayIn,
  type Handout,
  type HandoutListItem,
  type HandoutOutcome,
  type Page,
} from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import {
  fieldError,
  listFilters,
  NotInTeamException,
  requireParticipant,
  requireTeamUser,
  resolveActor,
  teamFilter,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { assertSameAsStored, retryRead, type CreateResult } from '../common/retry';
import { paging } from '../common/validation';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import type { CreateHandoutDto } from './dto/create-handout.dto';
import type { ListHandoutsQuery } from './dto/list-handouts.query';
import type { UpdateHandoutDto } from './dto/update-handout.dto';
import {
  handoutColumns,
  toHandoutListItem,
  toHandoutResponse,
  type HandoutListRow,
  type HandoutRow,
} from './handouts.mapper';

const ENTITY = 'handout';
const PENDING: HandoutOutcome = 'pending';

function checkDates(h: { givenOn: string; followUpOn: string | null; outcomeOn: string | null }) {
  if (h.followUpOn && h.followUpOn < h.givenOn) {
    throw fieldError('followUpOn', 'followUpOn must not be before givenOn');
  }
  if (h.outcomeOn && h.outcomeOn < h.givenOn) {
    throw fieldError('outcomeOn', 'outcomeOn must not be before givenOn');
  }
}

/**
 * Resources handed to participants, and their follow-up (did the participant
 * get connected?). A handout belongs to its participant's team.
 */
@Injectable()
export class HandoutsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly audit: AuditService,
  ) {}

  private today(): string {
    return todayIn(this.config.orgTimezone);
  }

  async list(caller: AuthUser, q: ListHandoutsQuery): Promise<Page<HandoutListItem>> {
    const { page, pageSize, offset } = paging(q);
    const m = this.db.manager;
    const teamId = teamFilter(caller, q.teamId);
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.workerId) await requireTeamUser(m, caller, q.workerId);

    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let i = 0;
      where.push(sql.replace(/\?/g, () => `$${params.push(values[i++])}`));
    };
    if (teamId) add('h.team_id = ?', teamId);
    if (q.participantId) add('h.participant_id = ?', q.participantId);
    if (q.workerId) add('h.worker_id = ?', q.workerId);
    if (q.resourceId) add('h.resource_id = ?', q.resourceId);
    if (q.outcome) add('h.outcome = ?', q.outcome);
    if (q.followUpDue !== undefined) {
      const due = `(h.outcome = ? AND h.follow_up_on IS NOT NULL AND h.follow_up_on <= ?::date)`;
      add(q.followUpDue ? due : `NOT ${due}`, PENDING, this.today());
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM handout h ${whereSql}`,
      params,
    );
    // The follow-ups list is a to-do list: the longest overdue first.
    const order = q.followUpDue
      ? 'h.follow_up_on ASC, h.given_on ASC, h.id'
      : 'h.given_on DESC, h.created_at DESC, h.id DESC';
    const rows: HandoutListRow[] = await m.query(
      `SELECT ${handoutColumns('h')}, r.name AS "resourceName", r.category AS "resourceCategory",
              coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"
         FROM handout h
         JOIN resource r ON r.id = h.resource_id
         JOIN participant p ON p.id = h.participant_id
         ${whereSql}
        ORDER BY ${order}
        LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: ENTITY,
      participantId: q.participantId ?? null,
      teamId,
      details: { filters: listFilters(q) },
    });
    return { items: rows.map(toHandoutListItem), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<Handout> {
    const row = await this.find(this.db.manager, caller, id);
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: ENTITY,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
    });
    return toHandoutResponse(row);
  }

  async create(caller: AuthUser, dto: CreateHandoutDto): Promise<CreateResult<Handout>> {
    return this.db.transaction(async (m) => {
      if (dto.id) {
        const stored = await this.findStored(m, dto.id);
        if (stored) return this.replay(m, caller, dto, stored);
      }
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
      const givenOn = dto.givenOn ?? this.today();
      const outcome = dto.outcome ?? PENDING;
      if (outcome === PENDING && dto.outcomeOn) {
        throw fieldError(
          'outcomeOn',
          'outcomeOn can only be set with an outcome other than pending',
        );
      }
      const outcomeOn = outcome === PENDING ? null : (dto.outcomeOn ?? this.today());
      const followUpOn = dto.followUpOn ?? null;
      checkDates({ givenOn, followUpOn, outcomeOn });

      const rows: HandoutRow[] = await m.query(
        `INSERT INTO handout (id, team_id, participant_id, resource_id, worker_id, given_on, method,
                              note, follow_up_on, outcome, outcome_on)
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${handoutColumns()}`,
        [
          dto.id ?? null,
          p.teamId,
          p.id,
          dto.resourceId,
          workerId,
          givenOn,
          dto.method,
          dto.note ?? null,
          followUpOn,
          outcome,
          outcomeOn,
        ],
      );
      if (rows.length === 0) {
        // Another request with the same id was stored in the meantime.
        return this.replay(m, caller, dto, (await this.findStored(m, dto.id!))!);
      }
      const saved = rows[0];
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'create',
          entityType: ENTITY,
          entityId: saved.id,
          participantId: saved.participantId,
          teamId: saved.teamId,
          details: { resourceId: saved.resourceId },
        },
        m,
      );
      return { record: toHandoutResponse(saved), created: true };
    });
  }

  /** Records the outcome of a follow-up, or changes the note or follow-up date. */
  async update(caller: AuthUser, id: string, dto: UpdateHandoutDto): Promise<Handout> {
    return this.db.transaction(async (m) => {
      const current = await this.find(m, caller, id, { lock: true });
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
        outcomeOn = this.today();
      } else {
        outcomeOn = current.outcomeOn ?? this.today();
      }
      const followUpOn = dto.followUpOn !== undefined ? dto.followUpOn : current.followUpOn;
      checkDates({ givenOn: current.givenOn, followUpOn, outcomeOn });

      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows]: [HandoutRow[], number] = await m.query(
        `UPDATE handout
            SET outcome = $3, outcome_on = $4, note = $5, follow_up_on = $6, updated_at = now()
          WHERE id = $1 AND team_id = $2
          RETURNING ${handoutColumns()}`,
        [
          id,
          current.teamId,
          outcome,
          outcomeOn,
          dto.note !== undefined ? dto.note : current.note,
          followUpOn,
        ],
      );
      const saved = rows[0];
      const details: Record<string, unknown> = { fields: Object.keys(dto) };
      if (saved.outcome !== current.outcome) {
        details.outcome = { from: current.outcome, to: saved.outcome };
      }
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: ENTITY,
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

  /** The handout if the caller's team owns it (any team for an admin); 404 otherwise. */
  private async find(
    m: EntityManager,
    caller: AuthUser,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<HandoutRow> {
    const admin = caller.role === 'admin';
    const rows: HandoutRow[] = await m.query(
      `SELECT ${handoutColumns()} FROM handout WHERE id = $1 ${admin ? '' : 'AND team_id = $2'}
       ${opts.lock ? 'FOR UPDATE' : ''}`,
      admin ? [id] : [id, caller.teamId],
    );
    if (rows.length === 0) throw new NotInTeamException('handout', id, 'Handout not found');
    return rows[0];
  }

  private async findStored(m: EntityManager, id: string): Promise<HandoutRow | undefined> {
    const rows: HandoutRow[] = await m.query(
      `SELECT ${handoutColumns()} FROM handout WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * A safe retry: the stored record when the body matches it, else 409. Writes
   * nothing to the record; its return is audited as a read of it.
   */
  private async replay(
    m: EntityManager,
    caller: AuthUser,
    dto: CreateHandoutDto,
    stored: HandoutRow,
  ): Promise<CreateResult<Handout>> {
    if (caller.role !== 'admin' && stored.teamId !== caller.teamId) {
      // Never reveal another team's record, not even that it matches.
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const record = assertSameAsStored(dto, toHandoutResponse(stored));
    await this.audit.record(retryRead(caller, ENTITY, stored), m);
    return { record, created: false };
  }
}
