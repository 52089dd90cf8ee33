import { ForbiddenException, Injectable } from '@nestjs/common';
import type { LastSupervision, Page, Supervision } from '@peerpath/shared';
import {
  fieldError,
  isActiveCaseworker,
  NotInTeamException,
  requireTeamMember,
  teamFilter,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { findInTeam, insertReturning, RecordContext, scopeOf, type CreateResult } from '../records';
import type {
  CreateSupervisionDto,
  LastSupervisionQuery,
  ListSupervisionsQuery,
  UpdateSupervisionDto,
} from './dto/supervision.dto';
import { SUPERVISION, toSupervisionResponse } from './supervisions.mapper';

/**
 * When each active worker of a team ($1) was last supervised, as of today
 * ($2): never supervised first, then the longest ago. Only the team's own
 * records count (a worker who moved keeps the old team's supervision there).
 */
const LAST_SQL = `
  SELECT u.id AS "workerId", max(s.held_on)::text AS "lastOn",
         ($2::date - max(s.held_on))::int AS "daysSince"
    FROM app_user u
    LEFT JOIN supervision s ON s.worker_id = u.id AND s.team_id = u.team_id
   WHERE u.team_id = $1 AND u.active AND u.role = 'worker'
   GROUP BY u.id, u.display_name
   ORDER BY max(s.held_on) ASC NULLS FIRST, u.display_name, u.id`;

/**
 * Supervision records (SPEC §11). A worker reads their own; a supervisor reads
 * and writes the team's (the supervisor is the caller by default); an admin
 * reads every team's. A record carries the worker's team.
 */
@Injectable()
export class SupervisionsService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListSupervisionsQuery): Promise<Page<Supervision>> {
    return this.records.list(caller, SUPERVISION, q, toSupervisionResponse, {
      ownWork: { what: 'supervision', on: 'held_on' },
      where: async (filter) => {
        if (q.supervisorId) {
          await requireTeamMember(this.records.db.manager, scopeOf(caller), q.supervisorId);
        }
        filter.when(q.supervisorId, 'supervisor_id = ?');
      },
    });
  }

  async get(caller: AuthUser, id: string): Promise<Supervision> {
    const row = await findInTeam(this.records.db.manager, SUPERVISION, caller, id);
    if (caller.role === 'worker' && row.workerId !== caller.id) {
      throw new ForbiddenException('A worker sees only their own supervision');
    }
    await this.records.auditRead(SUPERVISION, caller, row);
    return toSupervisionResponse(row);
  }

  async create(caller: AuthUser, dto: CreateSupervisionDto): Promise<CreateResult<Supervision>> {
    requireSupervisor(caller);
    return this.records.create(caller, SUPERVISION, dto, (m) => ({
      toResponse: toSupervisionResponse,
      insert: async () => {
        const teamId = caller.teamId!;
        const supervisorId = dto.supervisorId ?? caller.id;
        if (supervisorId !== caller.id) {
          const rows = await m.query(
            `SELECT 1 FROM app_user WHERE id = $1 AND team_id = $2 AND active AND role = 'supervisor'`,
            [supervisorId, teamId],
          );
          if (rows.length === 0) {
            throw fieldError(
              'supervisorId',
              'supervisorId must be an active supervisor of the team',
            );
          }
        }
        if (!(await isActiveCaseworker(m, dto.workerId, teamId))) {
          throw fieldError('workerId', 'workerId must be an active member of the team');
        }
        if (dto.workerId === supervisorId) {
          throw fieldError('workerId', 'A supervisor does not record supervision of themself');
        }
        return insertReturning(m, SUPERVISION, {
          id: dto.id ?? undefined,
          teamId,
          workerId: dto.workerId,
          supervisorId,
          on: dto.on ?? this.records.today(),
          minutes: dto.minutes,
          format: dto.format,
          topics: dto.topics ?? null,
          actionItems: dto.actionItems ?? null,
        });
      },
    }));
  }

  async update(caller: AuthUser, id: string, dto: UpdateSupervisionDto): Promise<Supervision> {
    const saved = await this.records.update(caller, SUPERVISION, id, dto, {
      allowed: () => requireSupervisor(caller),
      values: (current) => ({
        on: dto.on ?? current.on,
        minutes: dto.minutes ?? current.minutes,
        format: dto.format ?? current.format,
        topics: dto.topics !== undefined ? dto.topics : current.topics,
        actionItems: dto.actionItems !== undefined ? dto.actionItems : current.actionItems,
      }),
    });
    return toSupervisionResponse(saved);
  }

  /** When each active worker of the team was last supervised (SPEC §11), for supervisors and admins. */
  async last(caller: AuthUser, q: LastSupervisionQuery): Promise<LastSupervision[]> {
    if (caller.role === 'worker') {
      throw new ForbiddenException('Only supervisors and admins see when workers were supervised');
    }
    const teamId = teamFilter(caller, q.teamId);
    if (!teamId) throw fieldError('teamId', 'teamId is required when an admin asks');
    const m = this.records.db.manager;
    if (caller.role === 'admin') {
      const team = await m.query(`SELECT 1 FROM team WHERE id = $1`, [teamId]);
      if (team.length === 0) throw new NotInTeamException('team', teamId, 'Team not found');
    }
    const rows: LastSupervision[] = await m.query(LAST_SQL, [teamId, this.records.today()]);
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: SUPERVISION.entity,
      teamId,
      details: { filters: { teamId, view: 'last' } },
    });
    return rows;
  }
}

/** Supervision is written by the team's supervisors (SPEC §11); workers and admins read it. */
function requireSupervisor(caller: AuthUser): void {
  if (caller.role !== 'supervisor') {
    throw new ForbiddenException('Supervision is recorded by a supervisor of the team');
  }
}
