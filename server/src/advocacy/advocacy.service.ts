import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  todayIn,
  type AdvocacyAction,
  type AdvocacyLevel,
  type AdvocacyStatus,
  type Page,
} from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import {
  fieldError,
  listFilters,
  NotInTeamException,
  requireMayChange,
  requireParticipant,
  requireTeamUser,
  resolveActor,
  teamFilter,
  teamForCreate,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { assertSameAsStored, retryRead, type CreateResult } from '../common/retry';
import { paging } from '../common/validation';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import {
  ADVOCACY_COLUMNS,
  toAdvocacyActionResponse,
  type AdvocacyActionRow,
} from './advocacy.mapper';
import type { CreateAdvocacyActionDto } from './dto/create-advocacy-action.dto';
import type { ListAdvocacyActionsQuery } from './dto/list-advocacy-actions.query';
import type { UpdateAdvocacyActionDto } from './dto/update-advocacy-action.dto';

const ENTITY = 'advocacy_action';

/** Still being worked on: what "overdue" and the caseload's open advocacy count. */
const UNFINISHED: AdvocacyStatus[] = ['open', 'in_progress'];

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

function staleVersion(): ConflictException {
  return new ConflictException({
    message: 'This advocacy action was changed by someone else. Reload it and try again.',
    errors: { version: ['is not the current version'] },
  });
}

function checkLevel(level: AdvocacyLevel, participantId: string | null | undefined): void {
  if (level === 'individual' && !participantId) {
    throw fieldError('participantId', 'participantId is required for individual advocacy');
  }
  if (level === 'systemic' && participantId) {
    throw fieldError('participantId', 'participantId must be left out for systemic advocacy');
  }
}

function checkDates(a: { openedOn: string; dueOn: string | null; completedOn: string | null }) {
  if (a.dueOn && a.dueOn < a.openedOn) {
    throw fieldError('dueOn', 'dueOn must not be before openedOn');
  }
  if (a.completedOn && a.completedOn < a.openedOn) {
    throw fieldError('completedOn', 'completedOn must not be before openedOn');
  }
}

@Injectable()
export class AdvocacyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly audit: AuditService,
  ) {}

  private today(): string {
    return todayIn(this.config.orgTimezone);
  }

  async list(caller: AuthUser, q: ListAdvocacyActionsQuery): Promise<Page<AdvocacyAction>> {
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
    if (teamId) add('team_id = ?', teamId);
    if (q.participantId) add('participant_id = ?', q.participantId);
    if (q.workerId) add('worker_id = ?', q.workerId);
    if (q.status) add('status = ?', q.status);
    if (q.level) add('level = ?', q.level);
    if (q.category) add('category = ?', q.category);
    if (q.overdue !== undefined) {
      const overdue = `(status = ANY(?::text[]) AND due_on IS NOT NULL AND due_on < ?::date)`;
      add(q.overdue ? overdue : `NOT ${overdue}`, UNFINISHED, this.today());
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM advocacy_action ${whereSql}`,
      params,
    );
    const rows: AdvocacyActionRow[] = await m.query(
      `SELECT ${ADVOCACY_COLUMNS} FROM advocacy_action ${whereSql}
        ORDER BY opened_on DESC, created_at DESC, id DESC
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
    return { items: rows.map(toAdvocacyActionResponse), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<AdvocacyAction> {
    const row = await this.find(this.db.manager, caller, id);
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: ENTITY,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
    });
    return toAdvocacyActionResponse(row);
  }

  async create(
    caller: AuthUser,
    dto: CreateAdvocacyActionDto,
  ): Promise<CreateResult<AdvocacyAction>> {
    return this.db.transaction(async (m) => {
      // A retry of a create already stored is answered before anything else is
      // checked: the world may have moved on since the first attempt.
      if (dto.id) {
        const stored = await this.findStored(m, dto.id);
        if (stored) return this.replay(m, caller, dto, stored);
      }
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
      const openedOn = dto.openedOn ?? this.today();
      const completedOn = status === 'done' ? (dto.completedOn ?? this.today()) : null;
      const dueOn = dto.dueOn ?? null;
      checkDates({ openedOn, dueOn, completedOn });

      const rows: AdvocacyActionRow[] = await m.query(
        `INSERT INTO advocacy_action (id, team_id, participant_id, level, category, title, description,
                                      status, outcome, opened_on, due_on, completed_on, worker_id)
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${ADVOCACY_COLUMNS}`,
        [
          dto.id ?? null,
          teamId,
          dto.participantId ?? null,
          dto.level,
          dto.category,
          dto.title,
          dto.description ?? null,
          status,
          dto.outcome ?? null,
          openedOn,
          dueOn,
          completedOn,
          workerId,
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
        },
        m,
      );
      return { record: toAdvocacyActionResponse(saved), created: true };
    });
  }

  async update(
    caller: AuthUser,
    id: string,
    dto: UpdateAdvocacyActionDto,
  ): Promise<AdvocacyAction> {
    return this.db.transaction(async (m) => {
      const current = await this.find(m, caller, id);
      requireMayChange(caller, current.workerId, 'the advocacy actions they own');
      if (current.version !== dto.version) throw staleVersion();

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
          this.today();
      } else {
        if (dto.completedOn) {
          throw fieldError('completedOn', 'completedOn can only be set when the status is done');
        }
        // Moving back from done (or never done): no completion date.
        completedOn = null;
      }
      const openedOn = dto.openedOn ?? current.openedOn;
      const dueOn = dto.dueOn !== undefined ? dto.dueOn : current.dueOn;
      checkDates({ openedOn, dueOn, completedOn });

      let workerId = current.workerId;
      if (dto.workerId !== undefined && dto.workerId !== current.workerId) {
        workerId = await resolveActor(m, caller, dto.workerId, current.teamId, 'workerId');
      }

      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows]: [AdvocacyActionRow[], number] = await m.query(
        `UPDATE advocacy_action
            SET participant_id = $4, level = $5, category = $6, title = $7, description = $8,
                status = $9, outcome = $10, opened_on = $11, due_on = $12, completed_on = $13,
                worker_id = $14, version = version + 1, updated_at = now()
          WHERE id = $1 AND team_id = $2 AND version = $3
          RETURNING ${ADVOCACY_COLUMNS}`,
        [
          id,
          current.teamId,
          dto.version,
          participantId,
          level,
          dto.category ?? current.category,
          dto.title ?? current.title,
          dto.description !== undefined ? dto.description : current.description,
          status,
          dto.outcome !== undefined ? dto.outcome : current.outcome,
          openedOn,
          dueOn,
          completedOn,
          workerId,
        ],
      );
      // The row was there a moment ago, so no row means a concurrent change won.
      if (rows.length === 0) throw staleVersion();
      const saved = rows[0];
      const details: Record<string, unknown> = {
        fields: Object.keys(dto).filter((k) => k !== 'version'),
      };
      if (saved.status !== current.status)
        details.status = { from: current.status, to: saved.status };
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
      return toAdvocacyActionResponse(saved);
    });
  }

  /** The action if the caller's team owns it (any team for an admin); 404 otherwise. */
  private async find(m: EntityManager, caller: AuthUser, id: string): Promise<AdvocacyActionRow> {
    const admin = caller.role === 'admin';
    const rows: AdvocacyActionRow[] = await m.query(
      `SELECT ${ADVOCACY_COLUMNS} FROM advocacy_action WHERE id = $1 ${admin ? '' : 'AND team_id = $2'}`,
      admin ? [id] : [id, caller.teamId],
    );
    if (rows.length === 0) {
      throw new NotInTeamException('advocacy_action', id, 'Advocacy action not found');
    }
    return rows[0];
  }

  private async findStored(m: EntityManager, id: string): Promise<AdvocacyActionRow | undefined> {
    const rows: AdvocacyActionRow[] = await m.query(
      `SELECT ${ADVOCACY_COLUMNS} FROM advocacy_action WHERE id = $1`,
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
    dto: CreateAdvocacyActionDto,
    stored: AdvocacyActionRow,
  ): Promise<CreateResult<AdvocacyAction>> {
    if (caller.role !== 'admin' && stored.teamId !== caller.teamId) {
      // Never reveal another team's record, not even that it matches.
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const record = assertSameAsStored(dto, toAdvocacyActionResponse(stored));
    await this.audit.record(retryRead(caller, ENTITY, stored), m);
    return { record, created: false };
  }
}
