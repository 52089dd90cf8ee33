import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import {
  DECIDED_BY,
  type CreateDecisionNoteRequest,
  type DecidedBy,
  type DecisionOption,
} from '@peerpath/shared';
import { ClientIdField, DateField, EnumField, TextField, UuidField } from '../../common/validation';

export const OPTIONS_MAX = 10;

/** One option that was weighed, with what speaks for and against it. */
export class DecisionOptionDto implements DecisionOption {
  @TextField({ max: 200, example: 'Try the evening recovery group first' })
  label: string;

  @TextField({ max: 2000, presence: 'nullable' })
  pros?: string | null;

  @TextField({ max: 2000, presence: 'nullable' })
  cons?: string | null;
}

export class CreateDecisionNoteDto implements CreateDecisionNoteRequest {
  @ClientIdField()
  id?: string;

  @UuidField()
  participantId: string;

  @UuidField({
    presence: 'optional',
    description: 'The caller by default; a worker may name only themself',
  })
  workerId?: string;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  discussedOn?: string;

  @TextField({ max: 200, example: 'Whether to start medication-assisted treatment' })
  topic: string;

  @ApiProperty({ type: [DecisionOptionDto], minItems: 1, maxItems: OPTIONS_MAX })
  @IsArray({ message: 'options must be a list' })
  @ArrayMinSize(1, { message: 'options must have at least one option' })
  @ArrayMaxSize(OPTIONS_MAX, { message: `options must have at most ${OPTIONS_MAX} options` })
  @ValidateNested({ each: true })
  @Type(() => DecisionOptionDto)
  options: DecisionOptionDto[];

  @TextField({
    max: 4000,
    presence: 'nullable',
    description: 'What matters most to the participant',
  })
  participantPriorities?: string | null;

  @TextField({ max: 4000, presence: 'nullable' })
  decision?: string | null;

  @EnumField(DECIDED_BY)
  decidedBy: DecidedBy;

  @TextField({ max: 4000, presence: 'nullable' })
  nextSteps?: string | null;

  @DateField({ presence: 'nullable', description: 'Not before `discussedOn`' })
  followUpOn?: string | null;
}
