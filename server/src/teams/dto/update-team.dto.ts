import { NOTE_FORMATS, type NoteFormat, type UpdateTeamRequest } from '@peerpath/shared';
import { EnumField } from '../../common/validation';

/** Team settings an admin changes (SPEC Common rules for §7–§13). */
export class UpdateTeamDto implements UpdateTeamRequest {
  @EnumField(NOTE_FORMATS, {
    presence: 'optional',
    description: 'The format the team’s session notes start in',
  })
  noteFormat?: NoteFormat;
}
