import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from './auth.decorators';
import { CASELOAD_ROLES } from './constants';

/**
 * Record access for team-owned records (SPEC §1). Every query that takes an id
 * from the caller goes through one of these, so another team's record is a
 * 404 everywhere and existence is never revealed.
 */

/** The kinds of record a team owns, as the audit trail names them, and the table each lives in. */
export const TEAM_RECORD_TABLES = {
  participant: 'participant',
  session: 'support_session',
  advocacy_action: 'advocacy_action',
  handout: 'handout',
  decision_note: 'decision_note',
  session_note: 'session_note',
  recovery_plan: 'recovery_plan',
  measurement: 'measurement',
  safety_alert: 'safety_alert',
  consent: 'consent',
  disclosure: 'disclosure',
  consent_scan: 'consent_scan',
  time_entry: 'time_entry',
  group: 'recurring_group',
  supervision: 'supervision',
  billing_batch: 'billing_batch',
  user: 'app_user',
  team: 'team',
} as const;
export type TeamRecordType = keyof typeof TEAM_RECORD_TABLES;

/**
 * The 404 of SPEC §1: the record is not in the caller's reach, whether it is
 * another team's or does not exist (the answer is the same). It carries what
 * was asked for, so the request can be audited as `access_denied` when the
 * record is in fact another team's (AccessDeniedInterceptor).
 */
export class NotInTeamException extends NotFoundException {
  constructor(
    readonly entityType: TeamRecordType,
    readonly entityId: string,
    message: string,
  ) {
    super(message);
  }
}

export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, errors: { [field]: [message] } });
}

/** The team a list or report is limited to: the caller's own, or null (all teams) for an admin. */
export function teamFilter(caller: AuthUser, requestedTeamId?: string | null): string | null {
  if (caller.role === 'admin') return requestedTeamId ?? null;
  if (requestedTeamId && requestedTeamId !== caller.teamId) {
    throw new NotInTeamException('team', requestedTeamId, 'Team not found');
  }
  return caller.teamId;
}

/**
 * The team a new record is created in: the caller's own. An admin names
 * `teamId`; anyone else naming another team is refused (403) and nothing is written.
 */
export async function teamForCreate(
  m: EntityManager,
  caller: AuthUser,
  requestedTeamId: string | null | undefined,
): Promise<string> {
  if (caller.role !== 'admin') {
    if (requestedTeamId && requestedTeamId !== caller.teamId) {
      throw new ForbiddenException('You can only create records in your own team');
    }
    return caller.teamId!;
  }
  if (!requestedTeamId)
    throw fieldError('teamId', 'teamId is required when an admin creates a record');
  const rows = await m.query(`SELECT 1 FROM team WHERE id = $1`, [requestedTeamId]);
  if (rows.length === 0) throw fieldError('teamId', 'teamId does not name a team');
  return requestedTeamId;
}

/**
 * A participant the caller may see, with its team; 404 otherwise. A record
 * attached to the participant is written under `lock: 'share'`, so a move to
 * another team (SPEC §1) either waits for it and takes it along, or commits
 * first and this finds the participant gone from the caller's team.
 */
export async function requireParticipant(
  m: EntityManager,
  caller: AuthUser,
  participantId: string,
  opts: { lock?: boolean | 'share' } = {},
): Promise<{ id: string; teamId: string }> {
  const lock = opts.lock === 'share' ? 'FOR SHARE' : opts.lock ? 'FOR UPDATE' : '';
  const rows: { id: string; team_id: string }[] = await m.query(
    `SELECT id, team_id FROM participant WHERE id = $1 ${caller.role === 'admin' ? '' : 'AND team_id = $2'} ${lock}`,
    caller.role === 'admin' ? [participantId] : [participantId, caller.teamId],
  );
  if (rows.length === 0) {
    throw new NotInTeamException('participant', participantId, 'Participant not found');
  }
  return { id: rows[0].id, teamId: rows[0].team_id };
}

/**
 * Who a record is assigned to (`facilitatorId`, `workerId`): the caller by
 * default; a worker may name only themself (else 403); a supervisor or an admin
 * anyone active in the record's team (else 400 naming the field).
 */
export async function resolveActor(
  m: EntityManager,
  caller: AuthUser,
  requestedId: string | null | undefined,
  teamId: string,
  field: string,
): Promise<string> {
  if (!requestedId || requestedId === caller.id) {
    if (caller.role === 'admin' && !requestedId) {
      throw fieldError(field, `${field} is required when an admin records this`);
    }
    if (requestedId === caller.id && caller.role === 'admin') {
      throw fieldError(field, `${field} must be a member of the team`);
    }
    return caller.id;
  }
  if (caller.role === 'worker') {
    throw new ForbiddenException(`A worker can only name themself as ${field}`);
  }
  if (!(await isActiveCaseworker(m, requestedId, teamId))) {
    throw fieldError(field, `${field} must be an active member of the team`);
  }
  return requestedId;
}

/** Whether the user is an active worker or supervisor of the team (CASELOAD_ROLES). */
export async function isActiveCaseworker(
  m: EntityManager,
  userId: string,
  teamId: string,
): Promise<boolean> {
  const rows = await m.query(
    `SELECT 1 FROM app_user WHERE id = $1 AND team_id = $2 AND active AND role = ANY($3::text[])`,
    [userId, teamId, CASELOAD_ROLES],
  );
  return rows.length > 0;
}

/**
 * Who may change a record assigned to someone (SPEC §1): a worker only their
 * own (a session they facilitate, an advocacy action they own), a supervisor
 * or an admin any of the team's; 403 otherwise. Called after the record was
 * found in the caller's scope, so another team's record is still a 404.
 */
export function requireMayChange(caller: AuthUser, assigneeId: string, what: string): void {
  if (caller.role === 'worker' && assigneeId !== caller.id) {
    throw new ForbiddenException(`A worker can change only ${what}`);
  }
}

/** Supervisors and admins may see voided sessions (SPEC §3); workers never do. */
export function seesVoided(caller: AuthUser): boolean {
  return caller.role !== 'worker';
}

/**
 * A user a list is filtered by: a member of `team` (any team when null, as
 * for an admin); 404 otherwise, as for another team's record.
 */
export async function requireTeamMember(
  m: EntityManager,
  team: string | null,
  userId: string,
  notFound = 'Worker not found',
): Promise<void> {
  const rows = await m.query(
    `SELECT 1 FROM app_user WHERE id = $1 ${team ? 'AND team_id = $2' : ''}`,
    team ? [userId, team] : [userId],
  );
  if (rows.length === 0) throw new NotInTeamException('user', userId, notFound);
}

/** The filters a list was asked for, as recorded in the audit trail (paging left out). */
export function listFilters(q: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(q).filter(
      ([k, v]) => v !== undefined && v !== null && v !== '' && k !== 'page' && k !== 'pageSize',
    ),
  );
}
