import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, Resource } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import type { CreateResourceDto } from './dto/create-resource.dto';
import type { ListResourcesQuery } from './dto/list-resources.query';
import type { UpdateResourceDto } from './dto/update-resource.dto';
import type { ResourceEntity } from './resource.entity';
import { RESOURCE_COLUMNS, toResourceResponse } from './resources.mapper';

const ENTITY = 'resource';

/** The writable fields and their columns. */
const COLUMNS = {
  name: 'name',
  category: 'category',
  description: 'description',
  phone: 'phone',
  url: 'url',
  address: 'address',
  tags: 'tags',
  active: 'active',
} as const satisfies Record<keyof CreateResourceDto, string>;

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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListResourcesQuery): Promise<Page<Resource>> {
    const { page, pageSize, offset } = paging(q);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (q.active !== undefined) add('active = ?', q.active);
    else if (!q.includeInactive) where.push('active');
    if (q.category) add('category = ?', q.category);
    if (q.search) {
      add(
        `(name ILIKE ? OR description ILIKE ? OR EXISTS (SELECT 1 FROM unnest(tags) AS tag WHERE tag ILIKE ?))`,
        containsPattern(q.search),
      );
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM resource ${whereSql}`,
      params,
    );
    const rows: ResourceEntity[] = await this.db.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resource ${whereSql}
        ORDER BY lower(name), id LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(toResourceResponse), total, page, pageSize };
  }

  async get(id: string): Promise<Resource> {
    const rows: ResourceEntity[] = await this.db.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resource WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException('Resource not found');
    return toResourceResponse(rows[0]);
  }

  async create(caller: AuthUser, dto: CreateResourceDto): Promise<Resource> {
    return this.db.transaction(async (m) => {
      const rows: ResourceEntity[] = await m.query(
        `INSERT INTO resource (name, category, description, phone, url, address, tags, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING ${RESOURCE_COLUMNS}`,
        [
          dto.name,
          dto.category,
          dto.description ?? null,
          dto.phone ?? null,
          dto.url ?? null,
          dto.address ?? null,
          dto.tags ?? [],
          dto.active ?? true,
        ],
      );
      const saved = rows[0];
      await this.audit.record(
        { actorId: caller.id, action: 'create', entityType: ENTITY, entityId: saved.id },
        m,
      );
      return toResourceResponse(saved);
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateResourceDto): Promise<Resource> {
    return this.db.transaction(async (m) => {
      const params: unknown[] = [id];
      const sets: string[] = [];
      for (const [field, column] of Object.entries(COLUMNS)) {
        const value = dto[field as keyof UpdateResourceDto];
        if (value === undefined) continue;
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      }
      sets.push('updated_at = now()');
      // TypeORM answers an UPDATE with [rows, affected count].
      const [rows]: [ResourceEntity[], number] = await m.query(
        `UPDATE resource SET ${sets.join(', ')} WHERE id = $1 RETURNING ${RESOURCE_COLUMNS}`,
        params,
      );
      if (rows.length === 0) throw new NotFoundException('Resource not found');
      await this.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: ENTITY,
          entityId: id,
          details: { fields: Object.keys(dto).filter((k) => k in COLUMNS) },
        },
        m,
      );
      return toResourceResponse(rows[0]);
    });
  }
}
