import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { formatOf, type Page, type Session, type SessionType } from '@peerpath/shared';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import {
  fieldError,
  NotInTeamException,
  requireParticipant,
  resolveActor,
  teamFilter,
  teamForCreate,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { assertSameAsStored } from '../common/retry';
import { paging } from '../common/validation';
import type { AttendanceRowDto } from './dto/attendance-row.dto';
import type { CreateSessionDto, SessionFields } from './dto/create-session.dto';
import type { ListSessionsQuery } from './dto/list-sessions.query';
import type { UpdateSessionDto } from './dto/update-session.dto';
import { SESSION_COLUMNS, toSessionResponse, type SessionRow } from './sessions.mapper';

/** Columns a caller may write, by DTO field (attendance is its own table). */
const WRITABLE: Record<Exclude<keyof SessionFields, 'attendance'> | 'facilitatorId', string> = {
  type: 'type',
  setting: 'setting',
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  title: 'title',
  activities: 'activities',
  notes: 'notes',
  facilitatorId: 'facilitator_id',
};
const CASTS: Partial<Record<keyof typeof WRITABLE, string>> = {
  startsAt: '::timestamptz',
  activities: '::text[]',
};

type Values = Partial<Record<keyof typeof WRITABLE, unknown>>;

const scopeOf = (caller: AuthUser): string | null =>
  caller.role === 'admin' ? null : caller.teamId;

/**
 * Sessions and their attendance. Every audit event of a session names one
 * attendee (`participantId`), so a participant's audit trail shows each
 * session that touched them: a write or a detail read records one event per
 * attendee; a list records one event with its filters.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, q: ListSessionsQuery): Promise<Page<Session>> {
    const { page, pageSize, offset } = paging(q);
    const team = teamFilter(caller, q.teamId);
    if (q.from && q.to && q.to < q.from) throw fieldError('to', 'to cannot be before from');
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (team) add('s.team_id = ?', team);
    // The connection's TimeZone is ORG_TIMEZONE: a date converts to that zone's midnight.
    if (q.from) add('s.starts_at >= ?::date', q.from);
    if (q.to) add('s.starts_at < ?::date + 1', q.to);
    if (q.participantId) {
      await requireParticipant(this.db.manager, caller, q.participantId);
      add(
        'EXISTS (SELECT 1 FROM attendance fa WHERE fa.session_id = s.id AND fa.participant_id = ?)',
        q.participantId,
      );
    }
    if (q.facilitatorId) {
      const found = await this.db.query(
        `SELECT 1 FROM app_user WHERE id = $1 AND ($2::uuid IS NULL OR team_id = $2)`,
        [q.facilitatorId, team],
      );
      if (found.length === 0) {
        throw new NotInTeamException('user', q.facilitatorId, 'Facilitator not found');
      }
      add('s.facilitator_id = ?', q.facilitatorId);
    }
    if (q.type) add('s.type = ?', q.type);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM support_session s ${whereSql}`,
      params,
    );
    const rows: SessionRow[] = await this.db.query(
      `SELECT ${SESSION_COLUMNS} FROM support_session s ${whereSql}
        ORDER BY s.starts_at DESC, s.id DESC
        LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    const filters = Object.fromEntries(
      Object.entries({ ...q }).filter(
        ([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize',
      ),
    );
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: 'session',
      participantId: q.participantId ?? null,
      teamId: team,
      details: { filters },
    });
    return { items: rows.map(toSessionResponse), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<Session> {
    const row = await this.load(this.db.manager, scopeOf(caller), id);
    await this.audit.recordMany(
      this.events(
        caller,
        'read',
        row.id,
        row.teamId,
        row.attendance.map((a) => a.participantId),
      ),
    );
    return toSessionResponse(row);
  }

  /**
   * Logs a session and its attendance in one transaction, or (a retry naming a
   * stored `id` with the same fields) returns the stored one with `created: false`.
   */
  async create(
    caller: AuthUser,
    dto: CreateSessionDto,
  ): Promise<{ session: Session; created: boolean }> {
    return this.db.transaction(async (m) => {
      const teamId = await teamForCreate(m, caller, dto.teamId);
      if (dto.id) {
        const stored = await this.storedForRetry(m, dto, teamId);
        if (stored) return this.replayed(caller, stored, m);
      }
      const facilitatorId = await resolveActor(
        m,
        caller,
        dto.facilitatorId,
        teamId,
        'facilitatorId',
      );
      checkAttendanceCount(dto.type, dto.attendance);

      const values: Values = { ...dto, facilitatorId, activities: dto.activities ?? [] };
      const fields = (Object.keys(WRITABLE) as (keyof typeof WRITABLE)[]).filter(
        (k) => values[k] !== undefined,
      );
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO support_session (id, team_id, ${fields.map((k) => WRITABLE[k]).join(', ')})
         VALUES (coalesce($1::uuid, gen_random_uuid()), $2,
                 ${fields.map((k, i) => `$${i + 3}${CASTS[k] ?? ''}`).join(', ')})
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [dto.id ?? null, teamId, ...fields.map((k) => values[k])],
      );
      if (inserted.length === 0) {
        // A concurrent request with the same id won the insert: this one is its retry.
        const stored = await this.storedForRetry(m, dto, teamId);
        if (!stored) throw new ConflictException('A record with this id was just written; retry');
        return this.replayed(caller, stored, m);
      }
      const id = inserted[0].id;
      await this.writeAttendance(m, id, teamId, dto.attendance);
      await this.audit.recordMany(
        this.events(
          caller,
          'create',
          id,
          teamId,
          dto.attendance.map((a) => a.participantId),
        ),
        m,
      );
      return { session: toSessionResponse(await this.load(m, teamId, id)), created: true };
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateSessionDto): Promise<Session> {
    return this.db.transaction(async (m) => {
      const scope = scopeOf(caller);
      const current = await this.load(m, scope, id);
      if (dto.version !== current.version) throw stale();
      const type = dto.type ?? current.type;
      checkAttendanceCount(type, dto.attendance ?? current.attendance);
      if (dto.facilitatorId !== undefined && dto.facilitatorId !== current.facilitatorId) {
        await resolveActor(m, caller, dto.facilitatorId, current.teamId, 'facilitatorId');
      }

      const { version: _v, attendance, ...values } = dto as UpdateSessionDto & Values;
      const fields = (Object.keys(WRITABLE) as (keyof typeof WRITABLE)[]).filter(
        (k) => values[k] !== undefined,
      );
      const sets = fields.map((k, i) => `${WRITABLE[k]} = $${i + 4}${CASTS[k] ?? ''}`);
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [updated]: [{ id: string }[], number] = await m.query(
        `UPDATE support_session s
            SET ${[...sets, 'version = s.version + 1', 'updated_at = now()'].join(', ')}
          WHERE s.id = $1 AND ($2::uuid IS NULL OR s.team_id = $2) AND s.version = $3
          RETURNING s.id`,
        [id, scope, dto.version, ...fields.map((k) => values[k])],
      );
      if (updated.length !== 1) {
        const still = await m.query(
          `SELECT 1 FROM support_session WHERE id = $1 AND ($2::uuid IS NULL OR team_id = $2)`,
          [id, scope],
        );
        if (still.length === 0) throw new NotInTeamException('session', id, 'Session not found');
        throw stale();
      }
      if (attendance) {
        await m.query(`DELETE FROM attendance WHERE session_id = $1`, [id]);
        await this.writeAttendance(m, id, current.teamId, attendance);
      }
      const touched = new Set([
        ...current.attendance.map((a) => a.participantId),
        ...(attendance ?? []).map((a) => a.participantId),
      ]);
      const changed = [...fields, ...(attendance ? ['attendance'] : [])];
      await this.audit.recordMany(
        this.events(caller, 'update', id, current.teamId, [...touched], { fields: changed }),
        m,
      );
      return toSessionResponse(await this.load(m, current.teamId, id));
    });
  }

  /** Deletes a session for good; its attendance goes with it (ON DELETE CASCADE). */
  async remove(caller: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const current = await this.load(m, scopeOf(caller), id, { lock: true });
      await m.query(`DELETE FROM support_session WHERE id = $1`, [id]);
      await this.audit.recordMany(
        this.events(
          caller,
          'delete',
          id,
          current.teamId,
          current.attendance.map((a) => a.participantId),
          { type: current.type, startsAt: current.startsAt.toISOString() },
        ),
        m,
      );
    });
  }

  private async load(
    m: EntityManager,
    scope: string | null,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<SessionRow> {
    const rows: SessionRow[] = await m.query(
      `SELECT ${SESSION_COLUMNS} FROM support_session s
        WHERE s.id = $1 AND ($2::uuid IS NULL OR s.team_id = $2)
        ${opts.lock ? 'FOR UPDATE OF s' : ''}`,
      [id, scope],
    );
    if (rows.length === 0) throw new NotInTeamException('session', id, 'Session not found');
    return rows[0];
  }

  /**
   * Writes the attendance rows of a session. Only participants of the session's
   * team are inserted; anyone else (unknown or of another team, which look the
   * same) fails the request, and the transaction takes the session with it.
   */
  private async writeAttendance(
    m: EntityManager,
    sessionId: string,
    teamId: string,
    rows: AttendanceRowDto[],
  ) {
    const written: { participant_id: string }[] = await m.query(
      `INSERT INTO attendance (session_id, participant_id, status, note)
       SELECT $1, x.participant_id, x.status, x.note
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(participant_id, status, note)
         JOIN participant p ON p.id = x.participant_id AND p.team_id = $5
       RETURNING participant_id`,
      [
        sessionId,
        rows.map((r) => r.participantId),
        rows.map((r) => r.status),
        rows.map((r) => r.note ?? null),
        teamId,
      ],
    );
    if (written.length === rows.length) return;
    const ok = new Set(written.map((w) => w.participant_id));
    const errors: Record<string, string[]> = {};
    rows.forEach((r, i) => {
      if (!ok.has(r.participantId)) {
        errors[`attendance.${i}.participantId`] = ['does not name a participant of this team'];
      }
    });
    throw new BadRequestException({
      message: 'Every attendee must be a participant of the session’s team',
      errors,
    });
  }

  /**
   * The stored session a retried create names, when there is one: the same
   * fields give it back, different ones a 409. Another team's record is a
   * conflict without comparing (which would reveal its contents).
   */
  private async storedForRetry(
    m: EntityManager,
    dto: CreateSessionDto,
    teamId: string,
  ): Promise<Session | null> {
    const rows: SessionRow[] = await m.query(
      `SELECT ${SESSION_COLUMNS} FROM support_session s WHERE s.id = $1`,
      [dto.id],
    );
    if (rows.length === 0) return null;
    if (rows[0].teamId !== teamId) {
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const { id: _id, ...sent } = dto;
    return assertSameAsStored(sent, toSessionResponse(rows[0]), ['activities', 'attendance']);
  }

  /** A safe retry's answer: the stored session, its return audited as a read (one event per attendee). */
  private async replayed(caller: AuthUser, stored: Session, m: EntityManager) {
    await this.audit.recordMany(
      this.events(
        caller,
        'read',
        stored.id,
        stored.teamId,
        stored.attendance.map((a) => a.participantId),
        { retry: true },
      ),
      m,
    );
    return { session: stored, created: false };
  }

  private events(
    caller: AuthUser,
    action: AuditEntry['action'],
    sessionId: string,
    teamId: string,
    participantIds: string[],
    details?: Record<string, unknown>,
  ): AuditEntry[] {
    return participantIds.map((participantId) => ({
      actorId: caller.id,
      action,
      entityType: 'session',
      entityId: sessionId,
      participantId,
      teamId,
      details: details ?? null,
    }));
  }
}

function checkAttendanceCount(type: SessionType, rows: unknown[]) {
  if (formatOf(type) === 'one_to_one' && rows.length !== 1) {
    throw fieldError('attendance', 'A one-to-one session has exactly one attendance row');
  }
  if (rows.length === 0) {
    throw fieldError('attendance', 'A group session needs at least one attendance row');
  }
}

function stale(): ConflictException {
  return new ConflictException({
    message: 'This session was changed by someone else; reload it and try again',
    errors: { version: ['is not the current version'] },
  });
}
