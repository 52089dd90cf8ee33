import { Check, Column, Entity } from 'typeorm';
import { BILLING_MAX_MODIFIERS, BILLING_ROUNDINGS, type BillingRounding } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';

/**
 * A payer's billing rules (SPEC §13), kept by an admin for the whole
 * organisation. Billing is off while there is none.
 */
@Entity('billing_profile')
@Check('billing_profile_rounding_check', inList('rounding', BILLING_ROUNDINGS))
@Check(
  'billing_profile_modifiers_check',
  `cardinality("modifiers") + (CASE WHEN "group_modifier" IS NULL THEN 0 ELSE 1 END) <= ${BILLING_MAX_MODIFIERS}`,
)
@Check(
  'billing_profile_limits_check',
  `("max_units_per_day" IS NULL OR "max_units_per_day" >= 1) AND ("max_group_size" IS NULL OR "max_group_size" >= 1) AND ("unit_rate" IS NULL OR "unit_rate" >= 0)`,
)
export class BillingProfileEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  modifiers: string[];

  @Column({ name: 'group_modifier', type: 'varchar', length: 2, nullable: true })
  groupModifier: string | null;

  @Column({ type: 'varchar', length: 16 })
  rounding: BillingRounding;

  @Column({ name: 'max_units_per_day', type: 'integer', nullable: true })
  maxUnitsPerDay: number | null;

  @Column({ name: 'max_group_size', type: 'integer', nullable: true })
  maxGroupSize: number | null;

  @Column({ name: 'requires_active_plan', type: 'boolean', default: false })
  requiresActivePlan: boolean;

  @Column({ name: 'requires_cosign', type: 'boolean', default: false })
  requiresCosign: boolean;

  @Column({ name: 'requires_credential', type: 'boolean', default: false })
  requiresCredential: boolean;

  /** numeric(10,2): read as text by the driver, mapped to a number. */
  @Column({ name: 'unit_rate', type: 'numeric', precision: 10, scale: 2, nullable: true })
  unitRate: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
