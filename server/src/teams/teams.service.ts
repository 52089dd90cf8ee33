import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, Team } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { fieldError } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging, type PageQuery } from '../common/validation';
import type { CreateTeamDto } from './dto/create-team.dto';
import type { UpdateTeamDto } from './dto/update-team.dto';
import type { TeamResponse } from './team.response';
import { TeamEntity } from './team.entity';

export function toTeamResponse(t: TeamEntity): TeamResponse {
  return {
    id: t.id,
    name: t.name,
    noteFormat: t.noteFormat,
    instruments: t.instruments,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Admins see every team; everyone else sees only their own. */
  async list(caller: AuthUser, q: PageQuery): Promise<Page<Team>> {
    const { page, pageSize, offset } = paging(q);
    const qb = this.db.getRepository(TeamEntity).createQueryBuilder('t');
    if (caller.role !== 'admin') qb.where('t.id = :id', { id: caller.teamId });
    const [rows, total] = await qb.orderBy('t.name').skip(offset).take(pageSize).getManyAndCount();
    return { items: rows.map(toTeamResponse), total, page, pageSize };
  }

  async create(caller: AuthUser, dto: CreateTeamDto): Promise<Team> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(TeamEntity);
      const taken = await repo
        .createQueryBuilder('t')
        .where('lower(t.name) = lower(:name)', { name: dto.name })
        .getExists();
      if (taken) {
        throw new ConflictException({
          message: 'A team with this name already exists',
          errors: { name: ['is already in use'] },
        });
      }
      const saved = await repo.save(repo.create({ name: dto.name }));
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'create',
          entityType: 'team',
          entityId: saved.id,
          teamId: saved.id,
        },
        m,
      );
      return toTeamResponse(saved);
    });
  }

  /**
   * Team settings (admin): the outcome measures the team takes and the format
   * its session notes start in. What is left out stays as it is; the audit
   * keeps each changed setting before and after.
   */
  async update(caller: AuthUser, id: string, dto: UpdateTeamDto): Promise<Team> {
    if (dto.format !== undefined && dto.noteFormat !== undefined && dto.format !== dto.noteFormat) {
      throw fieldError('format', 'format and noteFormat name the same setting: send one of them');
    }
    const format = dto.format ?? dto.noteFormat;
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(TeamEntity);
      const team = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team) throw new NotFoundException('Team not found');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (format !== undefined && format !== team.noteFormat) {
        changes.format = { from: team.noteFormat, to: format };
        team.noteFormat = format;
      }
      if (dto.instruments !== undefined && dto.instruments.join() !== team.instruments.join()) {
        changes.instruments = { from: team.instruments, to: dto.instruments };
        team.instruments = [...dto.instruments];
      }
      // Nothing to change (a retry, or the settings as they are): answered as stored, nothing written.
      if (Object.keys(changes).length === 0) return toTeamResponse(team);
      const saved = await repo.save(team);
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: 'team',
          entityId: saved.id,
          teamId: saved.id,
          details: { changes },
        },
        m,
      );
      return toTeamResponse(saved);
    });
  }
}
