import { defineRecord } from '../records';
import type { ResourceEntity } from './resource.entity';
import type { ResourceResponse } from './resource.response';

/** The directory's resources as the record layer reads and writes them (shared by all teams). */
export const RESOURCE = defineRecord<ResourceEntity, 'resource'>({
  table: 'resource',
  entity: 'resource',
  notFound: 'Resource not found',
  columns: {
    id: 'id',
    name: 'name',
    category: 'category',
    description: 'description',
    phone: 'phone',
    url: 'url',
    address: 'address',
    tags: 'tags',
    active: 'active',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

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
