import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { formatOf, type Page, type Session, type SessionType } from '@peerpath/shared';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import {
  fieldError,
  NotInTeamException,
  requireMayChange,
  requireParticipant,
  resolveActor,
  seesVoided,
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
    if (q.includeVoided && !seesVoided(caller)) {
      throw new ForbiddenException('Only supervisors and admins can list voided sessions');
    }
    const where: string[] = q.includeVoided ? [] : ['s.voided_at IS NULL'];
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

  /** A voided session is a 404 for a worker; supervisors and admins see it with its void. */
  async get(caller: AuthUser, id: string): Promise<Session> {
    const row = await this.load(this.db.manager, scopeOf(caller), id, {
      includeVoided: seesVoided(caller),
    });
    await this.audit.recordMany(this.events(caller, 'read', row.id, row.teamId, attendeesOf(row)));
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

  /**
   * Changes a session: a worker only one they facilitate (403), a supervisor
   * or an admin any of the team's; a voided one no longer (409). A new
   * attendance list replaces the team's attendees; anyone who has moved to
   * another team since stays on it as they were.
   */
  async update(caller: AuthUser, id: string, dto: UpdateSessionDto): Promise<Session> {
    return this.db.transaction(async (m) => {
      const scope = scopeOf(caller);
      const current = await this.load(m, scope, id, { includeVoided: seesVoided(caller) });
      requireMayChange(caller, current.facilitatorId, 'the sessions they facilitate');
      if (current.voidedAt) throw voided();
      if (dto.version !== current.version) throw stale();
      const type = dto.type ?? current.type;
      const moved = current.attendance.filter((a) => a.participantId === null);
      checkAttendanceCount(
        type,
        dto.attendance ? [...dto.attendance, ...moved] : current.attendance,
      );
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
        await m.query(
          `DELETE FROM attendance a USING participant p
            WHERE a.session_id = $1 AND p.id = a.participant_id AND p.team_id = $2`,
          [id, current.teamId],
        );
        await this.writeAttendance(m, id, current.teamId, attendance);
      }
      const touched = new Set([
        ...attendeesOf(current),
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

  /**
   * Voids a session (`DELETE /api/sessions/:id?reason=`): it is kept with who
   * voided it, when and why, for the audit, and counts nowhere (the roll-up
   * triggers take it out as they would a deleted one). A worker voids only a
   * session they facilitate (403); voiding it again is a 409.
   */
  async void(caller: AuthUser, id: string, reason: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const current = await this.load(m, scopeOf(caller), id, {
        lock: true,
        includeVoided: seesVoided(caller),
      });
      requireMayChange(caller, current.facilitatorId, 'the sessions they facilitate');
      if (current.voidedAt) throw voided();
      await m.query(
        `UPDATE support_session
            SET voided_at = now(), voided_by_id = $2, void_reason = $3,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, caller.id, reason],
      );
      await this.audit.recordMany(
        this.events(caller, 'delete', id, current.teamId, attendeesOf(current), {
          voided: true,
          reason,
          type: current.type,
          startsAt: current.startsAt.toISOString(),
        }),
        m,
      );
    });
  }

  /** A session in `scope` (every team when null); a voided one only with `includeVoided`; 404 otherwise. */
  private async load(
    m: EntityManager,
    scope: string | null,
    id: string,
    opts: { lock?: boolean; includeVoided?: boolean } = {},
  ): Promise<SessionRow> {
    const rows: SessionRow[] = await m.query(
      `SELECT ${SESSION_COLUMNS} FROM support_session s
        WHERE s.id = $1 AND ($2::uuid IS NULL OR s.team_id = $2)
          AND ($3 OR s.voided_at IS NULL)
        ${opts.lock ? 'FOR UPDATE OF s' : ''}`,
      [id, scope, opts.includeVoided ?? false],
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
    if (rows[0].teamId !== teamId || rows[0].voidedAt) {
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
        stored.attendance.flatMap((a) => (a.participantId ? [a.participantId] : [])),
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
    // A session whose attendees have all moved to another team is still audited, naming nobody.
    const named = participantIds.length > 0 ? participantIds : [null];
    return named.map((participantId) => ({
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

/** The attendees of the session's own team (one who moved to another team has no id here). */
function attendeesOf(s: SessionRow): string[] {
  return s.attendance.flatMap((a) => (a.participantId === null ? [] : [a.participantId]));
}

function voided(): ConflictException {
  return new ConflictException('This session was voided; it can no longer be changed');
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
