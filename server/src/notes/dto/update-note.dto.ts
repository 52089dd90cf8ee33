import { NOTE_FORMATS, type NoteFormat, type UpdateSessionNoteRequest } from '@peerpath/shared';
import { EnumField, IntField } from '../../common/validation';
import { GoalIdsField, NoteSectionsDto, SectionsField } from './create-note.dto';

export class UpdateNoteDto implements UpdateSessionNoteRequest {
  @IntField({
    min: 1,
    max: 2_147_483_647,
    description: 'The version last read; a stale version is refused with 409',
  })
  version: number;

  @EnumField(NOTE_FORMATS, {
    presence: 'optional',
    description: 'A new format needs its `sections` too',
  })
  format?: NoteFormat;

  @SectionsField({ optional: true })
  sections?: NoteSectionsDto;

  @GoalIdsField({ optional: true })
  goalIds?: string[];
}
