import type { BillingProfile } from '@peerpath/shared';
import { defineRecord } from '../records';
import type { BillingProfileEntity } from './billing-profile.entity';

/** Billing profiles as the record layer reads and writes them (organisation-wide, admin only). */
export const BILLING_PROFILE = defineRecord<BillingProfileEntity, 'billing_profile'>({
  table: 'billing_profile',
  entity: 'billing_profile',
  notFound: 'Billing profile not found',
  stale: 'This billing profile was changed by someone else; reload it and try again',
  columns: {
    id: 'id',
    name: 'name',
    code: 'code',
    modifiers: 'modifiers',
    groupModifier: 'group_modifier',
    rounding: 'rounding',
    maxUnitsPerDay: 'max_units_per_day',
    maxGroupSize: 'max_group_size',
    requiresActivePlan: 'requires_active_plan',
    requiresCosign: 'requires_cosign',
    requiresCredential: 'requires_credential',
    unitRate: 'unit_rate',
    active: 'active',
    version: 'version',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

export function toBillingProfileResponse(p: BillingProfileEntity): BillingProfile {
  return {
    id: p.id,
    name: p.name,
    code: p.code,
    modifiers: p.modifiers,
    groupModifier: p.groupModifier,
    rounding: p.rounding,
    maxUnitsPerDay: p.maxUnitsPerDay,
    maxGroupSize: p.maxGroupSize,
    requiresActivePlan: p.requiresActivePlan,
    requiresCosign: p.requiresCosign,
    requiresCredential: p.requiresCredential,
    unitRate: p.unitRate === null ? null : Number(p.unitRate),
    active: p.active,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
