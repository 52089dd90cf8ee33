import {
  INSTRUMENT_KEYS,
  NOTE_FORMATS,
  type InstrumentKey,
  type NoteFormat,
  type Team,
} from '@peerpath/shared';
import { ApiProperty } from '@nestjs/swagger';
import { Out, RecordStamps } from '../common/api-docs';

@RecordStamps()
export class TeamResponse implements Team {
  @Out.uuid()
  id: string;

  @Out.text()
  name: string;

  @Out.enum(NOTE_FORMATS, { description: 'The format the team’s session notes start in' })
  noteFormat: NoteFormat;

  @ApiProperty({
    enum: INSTRUMENT_KEYS,
    isArray: true,
    description: 'The outcome measures the team takes, in the order they are offered',
  } as never)
  instruments: InstrumentKey[];

  createdAt: string;
  updatedAt: string;
}
