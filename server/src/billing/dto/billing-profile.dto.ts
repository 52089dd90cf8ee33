import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  BILLING_MAX_MODIFIERS,
  BILLING_ROUNDINGS,
  type BillingRounding,
  type CreateBillingProfileRequest,
  type UpdateBillingProfileRequest,
} from '@peerpath/shared';
import {
  BoolField,
  ClientIdField,
  EnumField,
  IntField,
  PatchType,
  TextField,
  VersionField,
} from '../../common/validation';

const MODIFIER = /^[A-Z0-9]{2}$/;
const upper = Transform(({ value }) =>
  typeof value === 'string'
    ? value.trim().toUpperCase()
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v))
      : value,
);

export class BillingProfileFields implements Omit<CreateBillingProfileRequest, 'id'> {
  @TextField({ max: 120, example: 'State Medicaid peer support' })
  name: string;

  @upper
  @TextField({ max: 16, example: 'H0038', description: 'The procedure code billed' })
  @Matches(/^[A-Z0-9]{1,16}$/, { message: 'code must be letters and digits only' })
  code: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: BILLING_MAX_MODIFIERS,
    uniqueItems: true,
    description: `Two-character modifiers; at most ${BILLING_MAX_MODIFIERS} with the group modifier included`,
  })
  @upper
  @IsOptional()
  @IsArray({ message: 'modifiers must be a list' })
  @ArrayMaxSize(BILLING_MAX_MODIFIERS)
  @ArrayUnique({ message: 'modifiers must not repeat a value' })
  @Matches(MODIFIER, { each: true, message: 'each modifier must be two letters or digits' })
  modifiers?: string[];

  @upper
  @ApiPropertyOptional({ type: String, nullable: true, example: 'HQ', pattern: '^[A-Z0-9]{2}$' })
  @IsOptional()
  @Matches(MODIFIER, { message: 'groupModifier must be two letters or digits' })
  groupModifier?: string | null;

  @EnumField(BILLING_ROUNDINGS)
  rounding: BillingRounding;

  @IntField({
    min: 1,
    max: 96,
    presence: 'nullable',
    description: 'Units a person may be billed a day',
  })
  maxUnitsPerDay?: number | null;

  @IntField({
    min: 1,
    max: 1000,
    presence: 'nullable',
    description: 'Most attendees a billable group may have',
  })
  maxGroupSize?: number | null;

  @BoolField({ presence: 'optional', description: 'false by default' })
  requiresActivePlan?: boolean;

  @BoolField({ presence: 'optional', description: 'false by default' })
  requiresCosign?: boolean;

  @BoolField({ presence: 'optional', description: 'false by default' })
  requiresCredential?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100000,
    description: 'Amount per unit, at most 2 decimals',
  })
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'unitRate must be a number with at most 2 decimals' },
  )
  @Min(0)
  @Max(100000)
  unitRate?: number | null;

  @BoolField({ presence: 'optional', description: 'true by default' })
  active?: boolean;
}

export class CreateBillingProfileDto
  extends BillingProfileFields
  implements CreateBillingProfileRequest
{
  @ClientIdField('Client-chosen id: retrying the same create returns the stored profile (200)')
  id?: string;
}

export class UpdateBillingProfileDto
  extends PatchType(BillingProfileFields)
  implements UpdateBillingProfileRequest
{
  @VersionField()
  version: number;
}
