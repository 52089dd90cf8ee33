import { BILLING_ROUNDINGS, type BillingProfile, type BillingRounding } from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

@RecordStamps({ version: true })
export class BillingProfileResponse implements BillingProfile {
  @Out.uuid()
  id: string;

  @Out.text({ example: 'State Medicaid peer support' })
  name: string;

  @Out.text({ example: 'H0038', description: 'The procedure code billed' })
  code: string;

  @Out.textArray({
    description: 'Modifiers on every line (the group modifier is added for groups)',
  })
  modifiers: string[];

  @Out.text({ nullable: true, example: 'HQ', description: 'Added to the lines of group sessions' })
  groupModifier: string | null;

  @Out.enum(BILLING_ROUNDINGS, {
    description: 'floor15: ⌊minutes ÷ 15⌋; eight_minute: ⌊(minutes + 7) ÷ 15⌋',
  })
  rounding: BillingRounding;

  @Out.int({ minimum: 1, nullable: true, description: 'Units a person may be billed a day' })
  maxUnitsPerDay: number | null;

  @Out.int({ minimum: 1, nullable: true, description: 'Most attendees a billable group may have' })
  maxGroupSize: number | null;

  @Out.bool()
  requiresActivePlan: boolean;

  @Out.bool()
  requiresCosign: boolean;

  @Out.bool()
  requiresCredential: boolean;

  @Out.number({ nullable: true, description: 'Amount per unit, 2 decimals' })
  unitRate: number | null;

  @Out.bool()
  active: boolean;

  version: number;
  createdAt: string;
  updatedAt: string;
}
