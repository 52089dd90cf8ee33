import { Injectable, NotFoundException } from '@nestjs/common';
import type { Page, Resource } from '@peerpath/shared';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  Filter,
  findStored,
  insertReturning,
  listPage,
  RecordContext,
  updateReturning,
} from '../records';
import type { CreateResourceDto } from './dto/create-resource.dto';
import type { ListResourcesQuery } from './dto/list-resources.query';
import type { UpdateResourceDto } from './dto/update-resource.dto';
import { RESOURCE, staleOnOrBefore, toResourceResponse } from './resources.mapper';

/** `%text%` for ILIKE, with the text's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The resource directory, shared by every team. Anyone signed in reads it (no
 * participant data, so reads are not audited); only admins write, and every
 * write is audited.
 */
@Injectable()
export class ResourcesService {
  constructor(private readonly records: RecordContext) {}

  /** Today in the organisation's time zone: what `stale` is reckoned from. */
  today(): string {
    return this.records.today();
  }

  async list(q: ListResourcesQuery): Promise<Page<Resource>> {
    const { page, pageSize, offset } = paging(q);
    const f = new Filter();
    if (q.active !== undefined) f.add('active = ?', q.active);
    else if (!q.includeInactive) f.add('active');
    f.when(q.category, 'category = ?');
    const today = this.today();
    if (q.stale === true) {
      f.add('(last_verified_on IS NULL OR last_verified_on <= ?::date)', staleOnOrBefore(today));
    } else if (q.stale === false) {
      f.add('last_verified_on > ?::date', staleOnOrBefore(today));
    }
    if (q.search) {
      const pattern = containsPattern(q.search);
      f.add(
        `(name ILIKE ? OR description ILIKE ? OR EXISTS (SELECT 1 FROM unnest(tags) AS tag WHERE tag ILIKE ?))`,
        pattern,
        pattern,
        pattern,
      );
    }
    const { rows, total } = await listPage(this.records.db.manager, RESOURCE, f, {
      orderBy: 'lower(name), id',
      limit: pageSize,
      offset,
    });
    return { items: rows.map((r) => toResourceResponse(r, today)), total, page, pageSize };
  }

  async get(id: string): Promise<Resource> {
    const row = await findStored(this.records.db.manager, RESOURCE, id);
    if (!row) throw new NotFoundException(RESOURCE.notFound);
    return toResourceResponse(row, this.today());
  }

  async create(caller: AuthUser, dto: CreateResourceDto): Promise<Resource> {
    return this.records.db.transaction(async (m) => {
      const saved = (await insertReturning(m, RESOURCE, {
        name: dto.name,
        category: dto.category,
        description: dto.description ?? null,
        phone: dto.phone ?? null,
        url: dto.url ?? null,
        address: dto.address ?? null,
        tags: dto.tags ?? [],
        active: dto.active ?? true,
      }))!;
      await this.records.audit.record(
        { actorId: caller.id, action: 'create', entityType: RESOURCE.entity, entityId: saved.id },
        m,
      );
      return toResourceResponse(saved, this.today());
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateResourceDto): Promise<Resource> {
    return this.records.db.transaction(async (m) => {
      const saved = await updateReturning(m, RESOURCE, { id }, dto);
      if (!saved) throw new NotFoundException(RESOURCE.notFound);
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: RESOURCE.entity,
          entityId: id,
          details: {
            fields: Object.keys(dto).filter((k) => dto[k as keyof UpdateResourceDto] !== undefined),
          },
        },
        m,
      );
      return toResourceResponse(saved, this.today());
    });
  }

  /**
   * Someone checked the resource and it is still right: `lastVerifiedOn`
   * becomes today (audited). Checked again the same day, it answers the
   * resource as it is and writes nothing.
   */
  async verify(caller: AuthUser, id: string): Promise<Resource> {
    const today = this.today();
    return this.records.db.transaction(async (m) => {
      const rows: unknown[] = await m.query(`SELECT 1 FROM resource WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      if (!rows.length) throw new NotFoundException(RESOURCE.notFound);
      const stored = (await findStored(m, RESOURCE, id))!;
      if (stored.lastVerifiedOn === today) return toResourceResponse(stored, today);
      const saved = (await updateReturning(m, RESOURCE, { id }, { lastVerifiedOn: today }))!;
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: RESOURCE.entity,
          entityId: id,
          details: { fields: ['lastVerifiedOn'], verifiedOn: today },
        },
        m,
      );
      return toResourceResponse(saved, today);
    });
  }
}
