import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsObject,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  NOTE_FORMATS,
  type CreateSessionNoteRequest,
  type NoteFormat,
  type NoteSections,
} from '@peerpath/shared';
import { ClientIdField, EnumField, TextField, UuidField } from '../../common/validation';

/** The longest a section may be. */
export const SECTION_MAX = 20_000;
/** The most goals one note may link. */
export const GOALS_MAX = 50;

/** The sections sent: exactly those of the note's format, each non-empty (checked by the service). */
export class NoteSectionsDto implements NoteSections {
  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`free`' })
  text?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`girp`' })
  goal?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`girp`, `birp`' })
  intervention?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`girp`, `birp`' })
  response?: string;

  @TextField({
    max: SECTION_MAX,
    min: 1,
    presence: 'optional',
    description: '`girp`, `dap`, `birp`',
  })
  plan?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`dap`' })
  data?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`dap`' })
  assessment?: string;

  @TextField({ max: SECTION_MAX, min: 1, presence: 'optional', description: '`birp`' })
  behavior?: string;
}

/** `sections`: an object of the format's sections. */
export function SectionsField(opts: { optional?: boolean } = {}) {
  return (target: object, key: string) => {
    ApiProperty({
      type: NoteSectionsDto,
      required: !opts.optional,
      description:
        '`free`: {text}; `girp`: {goal, intervention, response, plan}; `dap`: {data, assessment, plan}; `birp`: {behavior, intervention, response, plan}; every section non-empty',
    })(target, key);
    if (opts.optional) ValidateIf((_o, v) => v !== undefined)(target, key);
    IsObject({ message: '$property must be an object' })(target, key);
    ValidateNested()(target, key);
    Type(() => NoteSectionsDto)(target, key);
  };
}

/** `goalIds`: goals of the person's plan in force on the session date. */
export function GoalIdsField(opts: { optional?: boolean } = {}) {
  return (target: object, key: string) => {
    ApiProperty({
      type: [String],
      format: 'uuid',
      uniqueItems: true,
      maxItems: GOALS_MAX,
      required: !opts.optional,
      description: 'Goals of the person’s plan in force on the session date (400 otherwise)',
    } as never)(target, key);
    ValidateIf((_o, v) => v !== undefined)(target, key);
    IsArray({ message: '$property must be a list' })(target, key);
    IsUUID('all', { each: true, message: 'each of $property must be a UUID' })(target, key);
    ArrayUnique({ message: '$property must not repeat a value' })(target, key);
    ArrayMaxSize(GOALS_MAX)(target, key);
  };
}

export class CreateNoteDto implements CreateSessionNoteRequest {
  @ClientIdField()
  id?: string;

  @UuidField({ description: 'An attendee (`attended`) of the session' })
  participantId: string;

  @EnumField(NOTE_FORMATS, {
    presence: 'optional',
    description: 'The team’s default note format when left out',
  })
  format?: NoteFormat;

  @SectionsField()
  sections: NoteSectionsDto;

  @GoalIdsField({ optional: true })
  goalIds?: string[];
}
