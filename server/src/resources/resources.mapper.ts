import { addDays } from '@peerpath/shared';
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
    lastVerifiedOn: 'last_verified_on',
    hsdsServiceId: 'hsds_service_id',
    hsdsOrganizationId: 'hsds_organization_id',
    hsdsLocationId: 'hsds_location_id',
    hsdsPhoneId: 'hsds_phone_id',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** How many days a check holds: a resource not checked within them is stale (SPEC §12). */
export const STALE_AFTER_DAYS = 365;

/** The last day a check could have been made on for a resource to be stale today. */
export function staleOnOrBefore(today: string): string {
  return addDays(today, -STALE_AFTER_DAYS);
}

/** `today` is the organisation's day (`YYYY-MM-DD`), which decides `stale`. */
export function toResourceResponse(r: ResourceEntity, today: string): ResourceResponse {
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
    lastVerifiedOn: r.lastVerifiedOn,
    stale: r.lastVerifiedOn === null || r.lastVerifiedOn <= staleOnOrBefore(today),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
