import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  GROUP_MEETINGS_DEFAULT,
  type GroupAttendance,
  type GroupSessionDraft,
  type Page,
  type ParticipantStatus,
  type RecurringGroup,
} from '@peerpath/shared';
import { fieldError, teamForCreate } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { CASELOAD_ROLES } from '../common/constants';
import {
  findInTeam,
  findStored,
  insertReturning,
  RecordContext,
  requireVersion,
  updateVersioned,
  writeRows,
  type CreateResult,
  type Queryable,
} from '../records';
import type {
  CreateGroupDto,
  GroupAttendanceQuery,
  JoinGroupDto,
  LeaveGroupDto,
  ListGroupsQuery,
  SessionDraftQuery,
  UpdateGroupDto,
} from './dto/group.dto';
import { GROUP, toGroupResponse, type GroupRow } from './groups.mapper';

const DISCHARGED: ParticipantStatus = 'discharged';

/**
 * Recurring groups (SPEC §11) and their rosters. A worker creates groups they
 * facilitate and changes only those; a supervisor any of the team's; an admin
 * any, naming the team on create. Joining and leaving keep their dates
 * (`group_membership`): nothing of a roster is ever deleted.
 */
@Injectable()
export class GroupsService {
  constructor(private readonly records: RecordContext) {}

  async list(caller: AuthUser, q: ListGroupsQuery): Promise<Page<RecurringGroup>> {
    return this.records.list(caller, GROUP, q, toGroupResponse, {
      where: (filter) => filter.when(q.active, 'active = ?'),
    });
  }

  async get(caller: AuthUser, id: string): Promise<RecurringGroup> {
    const row = await this.readGroup(caller, id);
    return toGroupResponse(row);
  }

  async create(caller: AuthUser, dto: CreateGroupDto): Promise<CreateResult<RecurringGroup>> {
    return this.records.create(caller, GROUP, dto, async (m) => {
      const teamId = await teamForCreate(m, caller, dto.teamId);
      return {
        toResponse: toGroupResponse,
        unordered: ['facilitatorIds', 'members'],
        reusable: (stored) => stored.teamId === teamId,
        insert: async () => {
          const facilitatorIds = dto.facilitatorIds ?? (caller.role === 'admin' ? [] : [caller.id]);
          if (caller.role === 'worker' && !facilitatorIds.includes(caller.id)) {
            throw new ForbiddenException('A worker can create only a group they facilitate');
          }
          await requireFacilitators(m, teamId, facilitatorIds);
          const members = dto.members ?? [];
          await requireMembers(m, teamId, members, 'members');
          const saved = await insertReturning(m, GROUP, {
            id: dto.id ?? undefined,
            teamId,
            name: dto.name,
            type: dto.type,
            setting: dto.setting,
            weekday: dto.weekday,
            startTime: dto.startTime,
            durationMinutes: dto.durationMinutes,
            facilitatorIds,
            active: dto.active,
          });
          if (!saved) return undefined;
          await join(m, saved.id, members, this.records.today());
          return findStored(m, GROUP, saved.id);
        },
      };
    });
  }

  /**
   * Changes a group. `members`, when sent, is the new roster: those left out
   * leave today, those added join today. An admin may move a group to another
   * team: its members leave today.
   */
  async update(caller: AuthUser, id: string, dto: UpdateGroupDto): Promise<RecurringGroup> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, GROUP, caller, id, { lock: 'update' });
      requireMayChangeGroup(caller, current);
      requireVersion(GROUP, current, dto.version);
      const moving = dto.teamId !== undefined && dto.teamId !== current.teamId;
      if (moving && caller.role !== 'admin') {
        throw new ForbiddenException('Only an admin can move a group to another team');
      }
      const teamId = dto.teamId ?? current.teamId;
      if (moving) {
        const found = await m.query(`SELECT 1 FROM team WHERE id = $1`, [teamId]);
        if (found.length === 0) throw fieldError('teamId', 'teamId does not name a team');
      }
      if (dto.facilitatorIds !== undefined) {
        if (caller.role === 'worker' && !dto.facilitatorIds.includes(caller.id)) {
          throw new ForbiddenException('A worker cannot take themself off a group’s facilitators');
        }
        await requireFacilitators(m, teamId, dto.facilitatorIds);
      } else if (moving && current.facilitatorIds.length > 0) {
        await requireFacilitators(m, teamId, current.facilitatorIds);
      }
      if (dto.members !== undefined) await requireMembers(m, teamId, dto.members, 'members');
      if (moving && dto.members?.length) {
        throw fieldError('members', 'A group moved to another team starts with an empty roster');
      }

      const { version: _v, members, ...values } = dto;
      const fields = Object.keys(dto).filter(
        (k) => k !== 'version' && dto[k as keyof UpdateGroupDto] !== undefined,
      );
      await updateVersioned(m, GROUP, current, dto.version, values);
      const today = this.records.today();
      if (moving) {
        await leave(m, id, current.members, today);
      } else if (members !== undefined) {
        const next = new Set(members);
        const now = new Set(current.members);
        await leave(
          m,
          id,
          current.members.filter((p) => !next.has(p)),
          today,
        );
        await join(
          m,
          id,
          members.filter((p) => !now.has(p)),
          today,
        );
      }
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: GROUP.entity,
          entityId: id,
          teamId,
          details: { fields, ...(moving ? { fromTeamId: current.teamId } : {}) },
        },
        m,
      );
      return toGroupResponse((await findStored(m, GROUP, id))!);
    });
  }

  /**
   * A participant joins (`joinedOn`, today by default). Someone already a
   * member: the group as it is (200), nothing written.
   */
  async join(caller: AuthUser, id: string, dto: JoinGroupDto): Promise<RecurringGroup> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, GROUP, caller, id, { lock: 'update' });
      requireMayChangeGroup(caller, current);
      if (current.members.includes(dto.participantId)) return toGroupResponse(current);
      await requireMembers(m, current.teamId, [dto.participantId], 'participantId');
      const joinedOn = dto.joinedOn ?? this.records.today();
      const [{ last }] = await m.query(
        `SELECT to_char(max(left_on), 'YYYY-MM-DD') AS last FROM group_membership
          WHERE group_id = $1 AND participant_id = $2`,
        [id, dto.participantId],
      );
      if (last && joinedOn < last) {
        throw fieldError(
          'joinedOn',
          `joinedOn must not be before the day they last left (${last})`,
        );
      }
      await join(m, id, [dto.participantId], joinedOn);
      await this.membershipChanged(m, caller, current, dto.participantId, { joinedOn });
      return toGroupResponse((await findStored(m, GROUP, id))!);
    });
  }

  /**
   * A member leaves (`leftOn`, today by default). Someone who already left: the
   * group as it is (200); someone who never was a member: 404.
   */
  async leave(
    caller: AuthUser,
    id: string,
    participantId: string,
    dto: LeaveGroupDto,
  ): Promise<RecurringGroup> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, GROUP, caller, id, { lock: 'update' });
      requireMayChangeGroup(caller, current);
      const open = current.memberships.find((x) => x.participantId === participantId && !x.leftOn);
      if (!open) {
        if (current.memberships.some((x) => x.participantId === participantId)) {
          return toGroupResponse(current);
        }
        throw new BadRequestException({
          message: 'This person is not a member of the group',
          errors: { participantId: ['is not a member of the group'] },
        });
      }
      const leftOn = dto.leftOn ?? this.records.today();
      if (leftOn < open.joinedOn) {
        throw fieldError(
          'leftOn',
          `leftOn must not be before the day they joined (${open.joinedOn})`,
        );
      }
      await leave(m, id, [participantId], leftOn);
      await this.membershipChanged(m, caller, current, participantId, { leftOn });
      return toGroupResponse((await findStored(m, GROUP, id))!);
    });
  }

  /**
   * A body for `POST /api/sessions`: the group's type, setting and length, the
   * date at its start time in the organisation's time zone, and every member
   * of that day as attended.
   */
  async sessionDraft(
    caller: AuthUser,
    id: string,
    q: SessionDraftQuery,
  ): Promise<GroupSessionDraft> {
    const g = await this.readGroup(caller, id);
    const date = q.date ?? this.records.today();
    const [{ startsAt, attendance }] = await this.records.db.query(
      `SELECT (($2::date + $3::time) AT TIME ZONE $4) AS "startsAt",
              coalesce((
                SELECT array_agg(gm.participant_id ORDER BY lower(p.last_name), lower(p.first_name), p.id)
                  FROM group_membership gm JOIN participant p ON p.id = gm.participant_id
                 WHERE gm.group_id = $1 AND p.team_id = $5 AND gm.joined_on <= $2::date
                   AND (gm.left_on IS NULL OR gm.left_on > $2::date)
              ), '{}'::uuid[]) AS attendance`,
      [id, date, g.startTime, this.records.config.orgTimezone, g.teamId],
    );
    const mayLog = caller.role !== 'admin' && caller.teamId === g.teamId;
    const facilitatorId =
      mayLog && (caller.role === 'worker' || g.facilitatorIds.includes(caller.id))
        ? caller.id
        : (g.facilitatorIds[0] ?? null);
    return {
      type: g.type,
      setting: g.setting,
      startsAt: (startsAt as Date).toISOString(),
      durationMinutes: g.durationMinutes,
      title: g.name,
      facilitatorId,
      teamId: g.teamId,
      attendance: (attendance as string[]).map((participantId) => ({
        participantId,
        status: 'attended' as const,
      })),
      groupId: g.id,
    };
  }

  /**
   * The last meetings (the group's sessions, not voided), oldest first, with
   * how many attended; and the current members who attended none of the last
   * three meetings, among those who were members by the first of the three.
   */
  async attendance(
    caller: AuthUser,
    id: string,
    q: GroupAttendanceQuery,
  ): Promise<GroupAttendance> {
    const g = await this.readGroup(caller, id);
    const tz = this.records.config.orgTimezone;
    const meetings: { sessionId: string; date: string; attended: number }[] =
      await this.records.db.query(
        `SELECT x."sessionId", x.date, x.attended FROM (
           SELECT s.id AS "sessionId", s.starts_at,
                  to_char(s.starts_at AT TIME ZONE $3, 'YYYY-MM-DD') AS date,
                  count(a.participant_id) FILTER (WHERE a.status = 'attended')::int AS attended
             FROM support_session s LEFT JOIN attendance a ON a.session_id = s.id
            WHERE s.group_id = $1 AND s.team_id = $2 AND s.voided_at IS NULL
            GROUP BY s.id
            ORDER BY s.starts_at DESC, s.id DESC
            LIMIT $4) x
          ORDER BY x.starts_at, x."sessionId"`,
        [id, g.teamId, tz, q.meetings ?? GROUP_MEETINGS_DEFAULT],
      );
    const absent: { participantId: string }[] = await this.records.db.query(
      `WITH last3 AS (
         SELECT s.id, (s.starts_at AT TIME ZONE $3)::date AS day
           FROM support_session s
          WHERE s.group_id = $1 AND s.team_id = $2 AND s.voided_at IS NULL
          ORDER BY s.starts_at DESC, s.id DESC
          LIMIT 3)
       SELECT gm.participant_id AS "participantId"
         FROM group_membership gm JOIN participant p ON p.id = gm.participant_id AND p.team_id = $2
        WHERE gm.group_id = $1 AND gm.left_on IS NULL
          AND (SELECT count(*) FROM last3) = 3
          AND gm.joined_on <= (SELECT min(day) FROM last3)
          AND NOT EXISTS (SELECT 1 FROM attendance a JOIN last3 l ON l.id = a.session_id
                           WHERE a.participant_id = gm.participant_id AND a.status = 'attended')
        ORDER BY lower(p.last_name), lower(p.first_name), p.id`,
      [id, g.teamId, tz],
    );
    return { groupId: g.id, meetings, notSeenForThree: absent.map((r) => r.participantId) };
  }

  /** One group in the caller's reach (404 otherwise), its read audited. */
  private async readGroup(caller: AuthUser, id: string): Promise<GroupRow> {
    const row = await findInTeam(this.records.db.manager, GROUP, caller, id);
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: GROUP.entity,
      entityId: row.id,
      teamId: row.teamId,
    });
    return row;
  }

  private async membershipChanged(
    m: EntityManager,
    caller: AuthUser,
    g: GroupRow,
    participantId: string,
    details: Record<string, string>,
  ) {
    await m.query(`UPDATE recurring_group SET updated_at = now() WHERE id = $1`, [g.id]);
    await this.records.audit.record(
      {
        actorId: caller.id,
        action: 'update',
        entityType: GROUP.entity,
        entityId: g.id,
        participantId,
        teamId: g.teamId,
        details: { fields: ['members'], ...details },
      },
      m,
    );
  }
}

/** A worker changes only a group they facilitate (403); a supervisor or an admin any. */
function requireMayChangeGroup(caller: AuthUser, g: GroupRow): void {
  if (caller.role === 'worker' && !g.facilitatorIds.includes(caller.id)) {
    throw new ForbiddenException('A worker can change only the groups they facilitate');
  }
}

/** Every facilitator an active worker or supervisor of the team (400 naming the field). */
async function requireFacilitators(m: Queryable, teamId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM app_user
      WHERE id = ANY($1::uuid[]) AND team_id = $2 AND active AND role = ANY($3::text[])`,
    [ids, teamId, CASELOAD_ROLES],
  );
  if (n !== ids.length) {
    throw fieldError(
      'facilitatorIds',
      'Every facilitator must be an active worker or supervisor of the team',
    );
  }
}

/** Every member a participant of the team, not discharged (400 naming the field). */
async function requireMembers(
  m: Queryable,
  teamId: string,
  ids: string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const ok: { id: string }[] = await m.query(
    `SELECT id FROM participant WHERE id = ANY($1::uuid[]) AND team_id = $2 AND status <> $3`,
    [ids, teamId, DISCHARGED],
  );
  if (ok.length === ids.length) return;
  const found = new Set(ok.map((r) => r.id));
  const errors: Record<string, string[]> = {};
  ids.forEach((p, i) => {
    if (!found.has(p)) {
      errors[field === 'members' ? `members.${i}` : field] = [
        'does not name a participant of the group’s team who is not discharged',
      ];
    }
  });
  throw new BadRequestException({
    message: 'Every member must be a participant of the group’s team who is not discharged',
    errors,
  });
}

async function join(m: Queryable, groupId: string, ids: string[], on: string): Promise<void> {
  if (ids.length === 0) return;
  await m.query(
    `INSERT INTO group_membership (group_id, participant_id, joined_on)
     SELECT $1, x, $3::date FROM unnest($2::uuid[]) x`,
    [groupId, ids, on],
  );
}

/** Ends the open memberships of these people (never before the day each joined). */
async function leave(m: Queryable, groupId: string, ids: string[], on: string): Promise<void> {
  if (ids.length === 0) return;
  await m.query(
    `UPDATE group_membership SET left_on = greatest(joined_on, $3::date), updated_at = now()
      WHERE group_id = $1 AND participant_id = ANY($2::uuid[]) AND left_on IS NULL`,
    [groupId, ids, on],
  );
}

/**
 * Ends every open group membership of a participant (SPEC §1, common rules):
 * on discharge (the discharge date) and on a move to another team (the day of
 * the move; the old team's groups keep them as past members). In the caller's
 * transaction; returns how many memberships ended.
 */
export async function endGroupMemberships(
  m: Queryable,
  participantId: string,
  on: string,
): Promise<number> {
  const { count } = await writeRows(
    m,
    `UPDATE group_membership SET left_on = greatest(joined_on, $2::date), updated_at = now()
      WHERE participant_id = $1 AND left_on IS NULL`,
    [participantId, on],
  );
  return count;
}
