import type { ResourceEntity } from './resource.entity';
import type { ResourceResponse } from './resource.response';

/** Columns aliased to the entity's property names, for raw SELECT and RETURNING. */
export const RESOURCE_COLUMNS = `id, name, category, description, phone, url, address, tags, active,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export function toResourceResponse(r: ResourceEntity): ResourceResponse {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    description: r.description,
    phone: r.phone,
    url: r.url,
    address: r.address,
    tags: r.tags ?? [],
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
