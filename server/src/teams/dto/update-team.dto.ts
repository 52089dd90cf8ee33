import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, ValidateIf } from 'class-validator';
import {
  INSTRUMENT_KEYS,
  NOTE_FORMATS,
  type InstrumentKey,
  type NoteFormat,
  type UpdateTeamRequest,
} from '@peerpath/shared';
import { EnumArrayField, EnumField } from '../../common/validation';

/** Team settings an admin changes (SPEC Common rules for §7–§13); what is left out stays. */
export class UpdateTeamDto implements UpdateTeamRequest {
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray({ message: 'instruments must be a list of instrument keys' })
  @ArrayMinSize(1, { message: 'instruments must name at least one instrument' })
  @EnumArrayField(INSTRUMENT_KEYS, {
    presence: 'optional',
    description: 'The outcome measures the team takes, in the order they are offered (SPEC §9)',
  })
  @ApiPropertyOptional({
    enum: INSTRUMENT_KEYS,
    isArray: true,
    uniqueItems: true,
    minItems: 1,
    maxItems: INSTRUMENT_KEYS.length,
    description: 'The outcome measures the team takes, in the order they are offered (SPEC §9)',
  } as never)
  instruments?: InstrumentKey[];

  @EnumField(NOTE_FORMATS, {
    presence: 'optional',
    description: 'The format the team’s session notes start in',
  })
  format?: NoteFormat;

  @EnumField(NOTE_FORMATS, {
    presence: 'optional',
    description: 'Earlier name of `format`, still accepted; when both are sent they must agree',
  })
  noteFormat?: NoteFormat;
}
