import { NOTE_FORMATS, type NoteFormat, type UpdateSessionNoteRequest } from '@peerpath/shared';
import { EnumField, VersionField } from '../../common/validation';
import { GoalIdsField, NoteSectionsDto, SectionsField } from './create-note.dto';

export class UpdateNoteDto implements UpdateSessionNoteRequest {
  @VersionField()
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
