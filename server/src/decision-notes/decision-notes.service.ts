import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { todayIn, type DecisionNote, type Page } from '@peerpath/shared';
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
import {
  DECISION_NOTE_COLUMNS,
  normaliseOptions,
  toDecisionNoteResponse,
  type DecisionNoteRow,
} from './decision-notes.mapper';
import type { CreateDecisionNoteDto } from './dto/create-decision-note.dto';
import type { ListDecisionNotesQuery } from './dto/list-decision-notes.query';
import type { UpdateDecisionNoteDto } from './dto/update-decision-note.dto';

const ENTITY = 'decision_note';

function checkDates(n: { discussedOn: string; followUpOn: string | null }) {
  if (n.followUpOn && n.followUpOn < n.discussedOn) {
    throw fieldError('followUpOn', 'followUpOn must not be before discussedOn');
  }
}

/** Shared decision-making notes: the options weighed with a participant and what was decided. */
@Injectable()
export class DecisionNotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly audit: AuditService,
  ) {}

  private today(): string {
    return todayIn(this.config.orgTimezone);
  }

  async list(caller: AuthUser, q: ListDecisionNotesQuery): Promise<Page<DecisionNote>> {
    const { page, pageSize, offset } = paging(q);
    const m = this.db.manager;
    const teamId = teamFilter(caller, q.teamId);
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.workerId) await requireTeamUser(m, caller, q.workerId);

    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql.replace('?', `$${params.push(value)}`));
    };
    if (teamId) add('team_id = ?', teamId);
    if (q.participantId) add('participant_id = ?', q.participantId);
    if (q.workerId) add('worker_id = ?', q.workerId);
    if (q.decidedBy) add('decided_by = ?', q.decidedBy);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM decision_note ${whereSql}`,
      params,
    );
    const rows: DecisionNoteRow[] = await m.query(
      `SELECT ${DECISION_NOTE_COLUMNS} FROM decision_note ${whereSql}
        ORDER BY discussed_on DESC, created_at DESC, id DESC
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
    return { items: rows.map(toDecisionNoteResponse), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<DecisionNote> {
    const row = await this.find(this.db.manager, caller, id);
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: ENTITY,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
    });
    return toDecisionNoteResponse(row);
  }

  async create(caller: AuthUser, dto: CreateDecisionNoteDto): Promise<CreateResult<DecisionNote>> {
    return this.db.transaction(async (m) => {
      if (dto.id) {
        const stored = await this.findStored(m, dto.id);
        if (stored) return this.replay(m, caller, dto, stored);
      }
      const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
      const workerId = await resolveActor(m, caller, dto.workerId, p.teamId, 'workerId');
      const discussedOn = dto.discussedOn ?? this.today();
      const followUpOn = dto.followUpOn ?? null;
      checkDates({ discussedOn, followUpOn });

      const rows: DecisionNoteRow[] = await m.query(
        `INSERT INTO decision_note (id, team_id, participant_id, worker_id, discussed_on, topic, options,
                                    participant_priorities, decision, decided_by, next_steps, follow_up_on)
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO NOTHING
         RETURNING ${DECISION_NOTE_COLUMNS}`,
        [
          dto.id ?? null,
          p.teamId,
          p.id,
          workerId,
          discussedOn,
          dto.topic,
          JSON.stringify(normaliseOptions(dto.options)),
          dto.participantPriorities ?? null,
          dto.decision ?? null,
          dto.decidedBy,
          dto.nextSteps ?? null,
          followUpOn,
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
      return { record: toDecisionNoteResponse(saved), created: true };
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateDecisionNoteDto): Promise<DecisionNote> {
    return this.db.transaction(async (m) => {
      const current = await this.find(m, caller, id, { lock: true });
      let workerId = current.workerId;
      if (dto.workerId !== undefined && dto.workerId !== current.workerId) {
        workerId = await resolveActor(m, caller, dto.workerId, current.teamId, 'workerId');
      }
      const discussedOn = dto.discussedOn ?? current.discussedOn;
      const followUpOn = dto.followUpOn !== undefined ? dto.followUpOn : current.followUpOn;
      checkDates({ discussedOn, followUpOn });
      const keep = <K extends keyof DecisionNoteRow>(k: K & keyof UpdateDecisionNoteDto) =>
        dto[k] !== undefined ? dto[k] : current[k];

      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows]: [DecisionNoteRow[], number] = await m.query(
        `UPDATE decision_note
            SET worker_id = $3, discussed_on = $4, topic = $5, options = $6::jsonb,
                participant_priorities = $7, decision = $8, decided_by = $9, next_steps = $10,
                follow_up_on = $11, updated_at = now()
          WHERE id = $1 AND team_id = $2
          RETURNING ${DECISION_NOTE_COLUMNS}`,
        [
          id,
          current.teamId,
          workerId,
          discussedOn,
          dto.topic ?? current.topic,
          JSON.stringify(normaliseOptions(dto.options ?? current.options)),
          keep('participantPriorities'),
          keep('decision'),
          dto.decidedBy ?? current.decidedBy,
          keep('nextSteps'),
          followUpOn,
        ],
      );
      const saved = rows[0];
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: ENTITY,
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

  /** The note if the caller's team owns it (any team for an admin); 404 otherwise. */
  private async find(
    m: EntityManager,
    caller: AuthUser,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<DecisionNoteRow> {
    const admin = caller.role === 'admin';
    const rows: DecisionNoteRow[] = await m.query(
      `SELECT ${DECISION_NOTE_COLUMNS} FROM decision_note WHERE id = $1 ${admin ? '' : 'AND team_id = $2'}
       ${opts.lock ? 'FOR UPDATE' : ''}`,
      admin ? [id] : [id, caller.teamId],
    );
    if (rows.length === 0) {
      throw new NotInTeamException('decision_note', id, 'Decision note not found');
    }
    return rows[0];
  }

  private async findStored(m: EntityManager, id: string): Promise<DecisionNoteRow | undefined> {
    const rows: DecisionNoteRow[] = await m.query(
      `SELECT ${DECISION_NOTE_COLUMNS} FROM decision_note WHERE id = $1`,
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
    dto: CreateDecisionNoteDto,
    stored: DecisionNoteRow,
  ): Promise<CreateResult<DecisionNote>> {
    if (caller.role !== 'admin' && stored.teamId !== caller.teamId) {
      // Never reveal another team's record, not even that it matches.
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const record = assertSameAsStored(dto, toDecisionNoteResponse(stored));
    await this.audit.record(retryRead(caller, ENTITY, stored), m);
    return { record, created: false };
  }
}
