import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, NotContains } from 'class-validator';
import {
  PARTICIPANT_LIST_SORTS,
  PARTICIPANT_STATUSES,
  type ParticipantListSort,
  type ParticipantStatus,
} from '@peerpath/shared';
import { DateField, EnumField, PageQuery, UuidField } from '../../common/validation';

export class ListParticipantsQuery extends PageQuery {
  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    description: 'Any part of the first, last or preferred name, ignoring case',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  @NotContains('\u0000', { message: 'search must not contain NUL characters' })
  search?: string;

  @EnumField(PARTICIPANT_STATUSES, { presence: 'nullable' })
  status?: ParticipantStatus;

  @UuidField({ presence: 'nullable' })
  primaryWorkerId?: string;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others see only their own)' })
  teamId?: string;

  @DateField({
    presence: 'nullable',
    description: 'Only people with no `attended` row in a session on or after this date',
  })
  noContactSince?: string;

  @DateField({
    presence: 'nullable',
    description:
      'Only people whose active recovery plan is due for review on or before this date (the caseload’s plansDueForReview)',
  })
  planReviewDueBy?: string;

  @DateField({
    presence: 'nullable',
    description:
      'Only people enrolled on or before this date with no active recovery plan (the caseload’s participantsWithoutPlan: the report date − 30)',
  })
  withoutPlanEnrolledBy?: string;

  @DateField({
    presence: 'nullable',
    description:
      'Only people with some outcome measure of their team due on or before this date (the caseload’s measuresDue)',
  })
  measuresDueBy?: string;

  @EnumField(PARTICIPANT_LIST_SORTS, {
    presence: 'nullable',
    description:
      '`name` (default), or `lastContact`: never contacted first, then the oldest last contact',
  })
  sort?: ParticipantListSort;
}
