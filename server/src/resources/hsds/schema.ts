import { RESOURCE_CATEGORIES } from '@peerpath/shared';

/**
 * PeerPath's own JSON schemas for the Open Referral HSDS 3.0 rows it reads and
 * writes: the five tables organization, service, location, phone and
 * service_at_location, one object per row. Field names, types, enumerations
 * and required fields are HSDS 3.0's (schema.csv of the specification: `id`
 * everywhere, `organization.name`/`description`, `service.name`/`status`,
 * `location.location_type`, `phone.number`, and the fields the tabular form
 * requires: `service.organization_id`, `service_at_location.service_id` and
 * `location_id`). Lengths are PeerPath's own limits for what it keeps. Other
 * HSDS fields are allowed and left as they are (not kept).
 *
 * Two fields are PeerPath's extension of `service`, named with its prefix:
 * `peerpath_category` (one of PeerPath's resource categories; `other` when
 * absent) and `peerpath_tags` (a list of short words; in CSV, `;`-separated).
 */

const ID = { type: 'string', minLength: 1, maxLength: 250, pattern: '\\S' } as const;
const TEXT = (max: number) => ({ type: 'string', maxLength: max }) as const;
const WEB = { type: 'string', maxLength: 500, pattern: '^https?://[^\\s]+$' } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const HSDS_TABLES = [
  'organization',
  'service',
  'location',
  'phone',
  'service_at_location',
] as const;
export type HsdsTable = (typeof HSDS_TABLES)[number];

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

export const HSDS_ROW_SCHEMAS: Record<HsdsTable, object> = {
  organization: {
    type: 'object',
    required: ['id', 'name', 'description'],
    properties: {
      id: ID,
      name: { type: 'string', minLength: 1, maxLength: 200 },
      description: TEXT(4000),
      email: TEXT(320),
      website: WEB,
    },
  },
  service: {
    type: 'object',
    required: ['id', 'organization_id', 'name', 'status'],
    properties: {
      id: ID,
      organization_id: ID,
      name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
      description: TEXT(4000),
      url: WEB,
      email: TEXT(320),
      status: { type: 'string', enum: SERVICE_STATUSES },
      assured_date: DATE,
      peerpath_category: { type: 'string', enum: RESOURCE_CATEGORIES },
      peerpath_tags: {
        type: 'array',
        maxItems: 20,
        items: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
      },
    },
  },
  location: {
    type: 'object',
    required: ['id', 'location_type'],
    properties: {
      id: ID,
      location_type: { type: 'string', enum: LOCATION_TYPES },
      organization_id: ID,
      name: TEXT(200),
      description: TEXT(300),
    },
  },
  phone: {
    type: 'object',
    required: ['id', 'number'],
    properties: {
      id: ID,
      service_id: ID,
      organization_id: ID,
      location_id: ID,
      number: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
    },
  },
  service_at_location: {
    type: 'object',
    required: ['id', 'service_id', 'location_id'],
    properties: {
      id: ID,
      service_id: ID,
      location_id: ID,
      description: TEXT(4000),
    },
  },
};

/** The file each table is in, in the tabular (zip) form. */
export function csvName(table: HsdsTable): string {
  return `${table}.csv`;
}
