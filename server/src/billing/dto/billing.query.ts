import { IsOptional, IsIn } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, TextField, UuidField } from '../../common/validation';

export const CLAIM_FORMATS = ['json', 'csv'] as const;
export type ClaimFormat = (typeof CLAIM_FORMATS)[number];

export class ClaimsQueryDto {
  @DateField({
    presence: 'nullable',
    description: 'First service day, inclusive, in ORG_TIMEZONE (default: first day of this month)',
  })
  from?: string;

  @DateField({
    presence: 'nullable',
    description: 'Last service day, inclusive, in ORG_TIMEZONE (default: last day of this month)',
  })
  to?: string;

  @UuidField({
    presence: 'nullable',
    description: 'Supervisors: their own team (the default). Admins: one team, or every team',
  })
  teamId?: string;

  @ApiPropertyOptional({ enum: CLAIM_FORMATS, description: 'json by default' })
  @IsOptional()
  @IsIn(CLAIM_FORMATS as unknown as string[], { message: 'format must be one of: json, csv' })
  format?: ClaimFormat;
}

export class BatchFormatQueryDto {
  @ApiPropertyOptional({ enum: CLAIM_FORMATS, description: 'json by default' })
  @IsOptional()
  @IsIn(CLAIM_FORMATS as unknown as string[], { message: 'format must be one of: json, csv' })
  format?: ClaimFormat;
}

export class CreateBatchDto {
  @DateField({ description: 'First service day, inclusive' })
  from: string;

  @DateField({ description: 'Last service day, inclusive' })
  to: string;

  @UuidField({
    presence: 'nullable',
    description: 'Supervisors: their own team (the default). Admins: required',
  })
  teamId?: string;
}

export class VoidBatchDto {
  @TextField({ max: 500, example: 'Sent with the wrong period' })
  reason: string;
}
