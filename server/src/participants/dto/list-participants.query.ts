import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, NotContains } from 'class-validator';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '@peerpath/shared';
import { EnumField, PageQuery, UuidField } from '../../common/validation';

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
}
