import { NOTE_FORMATS, type NoteFormat, type Team } from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class TeamResponse implements Team {
  @Out.uuid()
  id: string;

  @Out.text()
  name: string;

  @Out.enum(NOTE_FORMATS, { description: 'The format the team’s session notes start in' })
  noteFormat: NoteFormat;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
  updatedAt: string;
}
