import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  formatOf,
  type AttendanceStatus,
  type Page,
  type Session,
  type SessionType,
} from '@peerpath/shared';
import { type AuditEntry } from '../audit/audit.service';
import {
  fieldError,
  requireMayChange,
  requireParticipant,
  requireTeamMember,
  resolveActor,
  seesVoided,
  teamFilter,
  teamForCreate,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  Filter,
  findInTeam,
  findStored,
  insertReturning,
  listPage,
  NOW,
  requireVersion,
  updateVersioned,
  type CreateResult,
  RecordContext,
} from '../records';
import { requireNotBilled } from '../billing/billed';
import type { AttendanceRowDto } from './dto/attendance-row.dto';
import type { CreateSessionDto } from './dto/create-session.dto';
import type { ListSessionsQuery } from './dto/list-sessions.query';
import type { UpdateSessionDto } from './dto/update-session.dto';
import { SESSION, toSessionResponse, type SessionRow } from './sessions.mapper';

const ATTENDED: AttendanceStatus = 'attended';

/** A voided session is hidden from workers (SPEC §3): a 404 for them. */
const hideVoided = (caller: AuthUser) => (seesVoided(caller) ? undefined : 'voided_at IS NULL');

/**
 * Sessions and their attendance. Every audit event of a session names one
 * attendee (`participantId`), so a participant's audit trail shows each
 * session that touched them: a write or a detail read records one event per
 * attendee; a list records one event with its filters.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListSessionsQuery): Promise<Page<Session>> {
    const { page, pageSize, offset } = paging(q);
    const team = teamFilter(caller, q.teamId);
    if (q.from && q.to && q.to < q.from) throw fieldError('to', 'to cannot be before from');
    if (q.includeVoided && !seesVoided(caller)) {
      throw new ForbiddenException('Only supervisors and admins can list voided sessions');
    }
    const f = new Filter();
    if (!q.includeVoided) f.add('s.voided_at IS NULL');
    f.when(team, 's.team_id = ?')
      // The connection's TimeZone is ORG_TIMEZONE: a date converts to that zone's midnight.
      .when(q.from, 's.starts_at >= ?::date')
      .when(q.to, 's.starts_at < ?::date + 1');
    if (q.participantId) {
      await requireParticipant(this.records.db.manager, caller, q.participantId);
      f.add(
        'EXISTS (SELECT 1 FROM attendance fa WHERE fa.session_id = s.id AND fa.participant_id = ?)',
        q.participantId,
      );
    }
    if (q.facilitatorId) {
      await requireTeamMember(
        this.records.db.manager,
        team,
        q.facilitatorId,
        'Facilitator not found',
      );
      f.add('s.facilitator_id = ?', q.facilitatorId);
    }
    f.when(q.type, 's.type = ?');
    if (q.notesToSign !== undefined) {
      // The caseload's notesAwaitingSignature, by session (SPEC §8).
      f.add(
        `${q.notesToSign ? '' : 'NOT '}EXISTS (
        SELECT 1 FROM attendance na
         WHERE na.session_id = s.id AND na.status = ?
           AND NOT EXISTS (SELECT 1 FROM session_note nn
                            WHERE nn.session_id = na.session_id AND nn.participant_id = na.participant_id
                              AND nn.status <> 'draft'))`,
        ATTENDED,
      );
    }
    const { rows, total } = await listPage(this.records.db.manager, SESSION, f, {
      alias: 's',
      orderBy: 's.starts_at DESC, s.id DESC',
      limit: pageSize,
      offset,
    });
    await this.records.auditList(caller, SESSION, q, team);
    return { items: rows.map(toSessionResponse), total, page, pageSize };
  }

  /** A voided session is a 404 for a worker; supervisors and admins see it with its void. */
  async get(caller: AuthUser, id: string): Promise<Session> {
    const row = await findInTeam(this.records.db.manager, SESSION, caller, id, {
      where: hideVoided(caller),
    });
    await this.records.audit.recordMany(
      this.events(caller, 'read', row.id, row.teamId, attendeesOf(row)),
    );
    return toSessionResponse(row);
  }

  /**
   * Logs a session and its attendance in one transaction, or (a retry naming a
   * stored `id` with the same fields) returns the stored one with `created: false`.
   */
  async create(caller: AuthUser, dto: CreateSessionDto): Promise<CreateResult<Session>> {
    return this.records.create(caller, SESSION, dto, async (m) => {
      const teamId = await teamForCreate(m, caller, dto.teamId);
      return {
        toResponse: toSessionResponse,
        unordered: ['activities', 'attendance'],
        // Another team's session, or a voided one, is a conflict without comparing
        // (which would reveal its contents).
        reusable: (stored) => stored.teamId === teamId && !stored.voidedAt,
        audit: (entry, row) =>
          this.records.audit.recordMany(
            this.events(
              caller,
              entry.action,
              row.id,
              row.teamId,
              entry.action === 'create'
                ? dto.attendance.map((a) => a.participantId)
                : attendeesOf(row),
              entry.details ?? undefined,
            ),
            m,
          ),
        insert: async () => {
          const facilitatorId = await resolveActor(
            m,
            caller,
            dto.facilitatorId,
            teamId,
            'facilitatorId',
          );
          checkAttendanceCount(dto.type, dto.attendance);
          await checkGroup(m, dto.type, dto.groupId, teamId);
          const { attendance, ...fields } = dto;
          const saved = await insertReturning(m, SESSION, {
            ...fields,
            teamId,
            facilitatorId,
            activities: dto.activities ?? [],
          });
          if (!saved) return undefined;
          await this.writeAttendance(m, saved.id, teamId, attendance);
          return findStored(m, SESSION, saved.id);
        },
      };
    });
  }

  /**
   * Changes a session: a worker only one they facilitate (403), a supervisor
   * or an admin any of the team's; a voided one no longer (409). A new
   * attendance list replaces the team's attendees; anyone who has moved to
   * another team since stays on it as they were.
   */
  async update(caller: AuthUser, id: string, dto: UpdateSessionDto): Promise<Session> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, SESSION, caller, id, { where: hideVoided(caller) });
      requireMayChange(caller, current.facilitatorId, 'the sessions they facilitate');
      if (current.voidedAt) throw voided();
      requireVersion(SESSION, current, dto.version);
      await this.requireUnbilledChange(m, current, dto);
      const type = dto.type ?? current.type;
      const moved = current.attendance.filter((a) => a.participantId === null);
      checkAttendanceCount(
        type,
        dto.attendance ? [...dto.attendance, ...moved] : current.attendance,
      );
      const groupId = dto.groupId !== undefined ? dto.groupId : current.groupId;
      if (groupId && (groupId !== current.groupId || type !== current.type)) {
        await checkGroup(m, type, groupId, current.teamId);
      }
      if (dto.facilitatorId !== undefined && dto.facilitatorId !== current.facilitatorId) {
        await resolveActor(m, caller, dto.facilitatorId, current.teamId, 'facilitatorId');
      }

      const { version: _v, attendance, ...values } = dto;
      const fields = Object.keys(values).filter(
        (k) => values[k as keyof typeof values] !== undefined,
      );
      await updateVersioned(m, SESSION, current, dto.version, values);
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
      await this.records.audit.recordMany(
        this.events(caller, 'update', id, current.teamId, [...touched], { fields: changed }),
        m,
      );
      return toSessionResponse((await findStored(m, SESSION, id))!);
    });
  }

  /** A billed session (SPEC §13) keeps its date, minutes and attendance (409 naming the field). */
  private async requireUnbilledChange(
    m: EntityManager,
    current: SessionRow,
    dto: UpdateSessionDto,
  ): Promise<void> {
    if (dto.startsAt !== undefined && Date.parse(dto.startsAt) !== current.startsAt.getTime()) {
      await requireNotBilled(m, current.id, 'startsAt');
    }
    if (dto.durationMinutes !== undefined && dto.durationMinutes !== current.durationMinutes) {
      await requireNotBilled(m, current.id, 'durationMinutes');
    }
    if (dto.attendance) {
      const key = (a: { participantId: string | null; status: string }) =>
        `${a.participantId}:${a.status}`;
      const before = current.attendance
        .filter((a) => a.participantId !== null)
        .map(key)
        .sort()
        .join(',');
      const after = dto.attendance.map(key).sort().join(',');
      if (before !== after) await requireNotBilled(m, current.id, 'attendance');
    }
  }

  /**
   * Voids a session (`DELETE /api/sessions/:id?reason=`): it is kept with who
   * voided it, when and why, for the audit, and counts nowhere (the roll-up
   * triggers take it out as they would a deleted one). A worker voids only a
   * session they facilitate (403); voiding it again is a 409.
   */
  async void(caller: AuthUser, id: string, reason: string): Promise<void> {
    await this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, SESSION, caller, id, {
        lock: 'update',
        where: hideVoided(caller),
      });
      requireMayChange(caller, current.facilitatorId, 'the sessions they facilitate');
      if (current.voidedAt) throw voided();
      await requireNotBilled(m, id, 'void');
      await updateVersioned(m, SESSION, current, current.version, {
        voidedAt: NOW,
        voidedById: caller.id,
        voidReason: reason,
      });
      await this.records.audit.recordMany(
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

/** A session's group: a recurring group of the session's team, for a group session (400 naming `groupId`). */
async function checkGroup(
  m: EntityManager,
  type: SessionType,
  groupId: string | null | undefined,
  teamId: string,
): Promise<void> {
  if (!groupId) return;
  if (formatOf(type) === 'one_to_one') {
    throw fieldError('groupId', 'A one-to-one session is not a meeting of a group');
  }
  const rows = await m.query(`SELECT 1 FROM recurring_group WHERE id = $1 AND team_id = $2`, [
    groupId,
    teamId,
  ]);
  if (rows.length === 0) {
    throw fieldError('groupId', 'groupId must name a recurring group of the session’s team');
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
