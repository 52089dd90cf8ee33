import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Page, Role, User } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { passwordProblem, hashPassword } from '../auth/passwords';
import { NotInTeamException } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import { TeamEntity } from '../teams/team.entity';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';
import { toUserResponse } from './users.mapper';

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, errors: { [field]: [message] } });
}

/**
 * The credential and its expiry after a create or an update (SPEC §11): an
 * expiry needs a credential, and removing the credential removes its expiry.
 */
function credentialOf(
  dto: { credential?: string | null; credentialExpiresOn?: string | null },
  held: { credential: string | null; credentialExpiresOn: string | null } | null,
): { credential: string | null; credentialExpiresOn: string | null } {
  const credential =
    dto.credential !== undefined ? dto.credential?.trim() || null : (held?.credential ?? null);
  let credentialExpiresOn =
    dto.credentialExpiresOn !== undefined
      ? dto.credentialExpiresOn
      : (held?.credentialExpiresOn ?? null);
  if (credential === null) {
    if (dto.credentialExpiresOn) {
      throw fieldError('credentialExpiresOn', 'credentialExpiresOn needs a credential');
    }
    credentialExpiresOn = null;
  }
  return { credential, credentialExpiresOn };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<User> {
    const u = await this.db.getRepository(UserEntity).findOne({ where: { id } });
    if (!u) throw new NotFoundException('User not found');
    return toUserResponse(u);
  }

  /** Admins list everyone; supervisors and workers only their own team. */
  async list(caller: AuthUser, q: ListUsersQuery): Promise<Page<User>> {
    const { page, pageSize, offset } = paging(q);
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (caller.role !== 'admin') {
      if (q.teamId && q.teamId !== caller.teamId) {
        throw new NotInTeamException('team', q.teamId, 'Team not found');
      }
      qb.andWhere('u.team_id = :own', { own: caller.teamId });
    } else if (q.teamId) {
      qb.andWhere('u.team_id = :teamId', { teamId: q.teamId });
    }
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    const [rows, total] = await qb
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(offset)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toUserResponse), total, page, pageSize };
  }

  async create(caller: AuthUser, dto: CreateUserDto): Promise<User> {
    const teamId = await this.checkTeam(dto.role, dto.teamId ?? null);
    const problem = passwordProblem(dto.password, [dto.email.split('@')[0], dto.displayName]);
    if (problem) throw fieldError('password', problem);
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (m) => {
      const exists = await m.getRepository(UserEntity).exists({ where: { email: dto.email } });
      if (exists)
        throw new ConflictException({
          message: 'A user with this email already exists',
          errors: { email: ['is already in use'] },
        });
      const saved = await m.getRepository(UserEntity).save(
        m.getRepository(UserEntity).create({
          email: dto.email,
          displayName: dto.displayName,
          role: dto.role,
          teamId,
          passwordHash,
          active: true,
          mustChangePassword: dto.temporaryPassword === true,
          cosignRequired: dto.cosignRequired === true,
          ...credentialOf(dto, null),
        }),
      );
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'create',
          entityType: 'user',
          entityId: saved.id,
          teamId,
          ...(saved.mustChangePassword && { details: { temporaryPassword: true } }),
        },
        m,
      );
      return toUserResponse(saved);
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('User not found');
      if (user.id === caller.id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
        throw new ForbiddenException(
          'You cannot deactivate yourself or remove your own admin role',
        );
      }
      const role = dto.role ?? user.role;
      // A user who becomes an admin leaves their team unless the body names one (refused below).
      const teamId = await this.checkTeam(
        role,
        dto.teamId !== undefined ? dto.teamId : role === 'admin' ? null : user.teamId,
        m,
      );
      if (dto.temporaryPassword !== undefined && dto.password === undefined) {
        throw fieldError('temporaryPassword', 'temporaryPassword needs a password');
      }
      if (dto.password !== undefined) {
        const problem = passwordProblem(dto.password, [user.email.split('@')[0], user.displayName]);
        if (problem) throw fieldError('password', problem);
        user.passwordHash = await hashPassword(dto.password);
        user.mustChangePassword = dto.temporaryPassword === true;
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      user.role = role;
      user.teamId = teamId;
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.cosignRequired !== undefined) user.cosignRequired = dto.cosignRequired;
      Object.assign(user, credentialOf(dto, user));
      const saved = await repo.save(user);
      if (dto.active === false || dto.password !== undefined) {
        // Deactivation or a new password ends every sign-in session at once.
        await m.query(
          `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
          [id],
        );
      }
      const changed = Object.keys(dto).filter((k) => k !== 'password' && k !== 'temporaryPassword');
      if (dto.password !== undefined) changed.push('password');
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: 'user',
          entityId: id,
          teamId,
          details:
            dto.password !== undefined && dto.temporaryPassword
              ? { fields: changed, temporaryPassword: true }
              : { fields: changed },
        },
        m,
      );
      return toUserResponse(saved);
    });
  }

  /** Admins have no team; everyone else belongs to an existing team. */
  private async checkTeam(role: Role, teamId: string | null, m: EntityManager = this.db.manager) {
    if (role === 'admin') {
      if (teamId)
        throw fieldError('teamId', 'teamId must be null for admins (admins have no team)');
      return null;
    }
    if (!teamId) throw fieldError('teamId', 'teamId is required for workers and supervisors');
    const found = await m.getRepository(TeamEntity).exists({ where: { id: teamId } });
    if (!found) throw fieldError('teamId', 'teamId does not name a team');
    return teamId;
  }
}
