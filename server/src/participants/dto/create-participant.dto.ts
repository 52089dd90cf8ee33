import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  FOCUS_AREAS,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  type CreateParticipantRequest,
  type FocusArea,
  type ParticipantStatus,
  type ParticipantType,
} from '@peerpath/shared';
import {
  DateField,
  EmailField,
  EnumArrayField,
  EnumField,
  TextField,
  UuidField,
} from '../../common/validation';
import { CoverageDto } from '../../billing/dto/coverage.dto';

/** The fields a worker edits; shared by create and update. */
export class ParticipantFields implements Omit<CreateParticipantRequest, 'id' | 'teamId'> {
  @TextField({ max: 100, example: 'Jamie' })
  firstName: string;

  @TextField({ max: 100, example: 'Okonkwo' })
  lastName: string;

  @TextField({ max: 100, presence: 'nullable', description: 'The name the participant goes by' })
  preferredName?: string | null;

  @TextField({ max: 40, presence: 'nullable', example: 'they/them' })
  pronouns?: string | null;

  @DateField({ presence: 'nullable' })
  dateOfBirth?: string | null;

  @TextField({ max: 40, presence: 'nullable' })
  phone?: string | null;

  @EmailField({ presence: 'nullable' })
  email?: string | null;

  @EnumField(PARTICIPANT_TYPES, { presence: 'optional', description: 'individual by default' })
  participantType?: ParticipantType;

  @EnumArrayField(FOCUS_AREAS, { presence: 'optional' })
  focusAreas?: FocusArea[];

  @EnumField(PARTICIPANT_STATUSES, { presence: 'optional', description: 'active by default' })
  status?: ParticipantStatus;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  enrolledOn?: string;

  @DateField({
    presence: 'nullable',
    description:
      'Set to today when status becomes discharged, unless given; not before `enrolledOn`',
  })
  dischargedOn?: string | null;

  @UuidField({
    presence: 'nullable',
    description: 'An active worker or supervisor of the participant’s team',
  })
  primaryWorkerId?: string | null;

  @DateField({ presence: 'nullable' })
  consentToServicesOn?: string | null;

  @DateField({ presence: 'nullable' })
  consentToShareOn?: string | null;

  @ApiPropertyOptional({
    type: CoverageDto,
    nullable: true,
    description: 'An active billing profile and the member id with it (SPEC §13); null clears it',
  })
  @IsOptional()
  @IsObject({ message: 'coverage must be an object' })
  @ValidateNested()
  @Type(() => CoverageDto)
  coverage?: CoverageDto | null;
}

export class CreateParticipantDto extends ParticipantFields implements CreateParticipantRequest {
  @UuidField({
    presence: 'optional',
    description: 'Client-chosen id: retrying the same create returns the stored record (200)',
  })
  id?: string;

  @UuidField({
    presence: 'nullable',
    description: 'Required for admins; others create in their own team',
  })
  teamId?: string | null;
}
