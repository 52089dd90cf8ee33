import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateNested } from 'class-validator';
import {
  SESSION_ACTIVITIES,
  SESSION_SETTINGS,
  SESSION_TYPES,
  type CreateSessionRequest,
  type SessionActivity,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import {
  ClientIdField,
  DateTimeField,
  EnumArrayField,
  EnumField,
  IntField,
  TextField,
  UuidField,
} from '../../common/validation';
import { AttendanceRowDto } from './attendance-row.dto';

export const MAX_ATTENDEES = 200;

/** The fields of a session a worker edits; shared by create and update. */
export class SessionFields implements Omit<
  CreateSessionRequest,
  'id' | 'facilitatorId' | 'teamId'
> {
  @EnumField(SESSION_TYPES, { description: 'The peer support model; `format` follows from it' })
  type: SessionType;

  @EnumField(SESSION_SETTINGS)
  setting: SessionSetting;

  @DateTimeField({ example: '2026-05-01T14:00:00Z' })
  startsAt: string;

  @IntField({ min: 1, max: 720 })
  durationMinutes: number;

  @TextField({ max: 200, presence: 'nullable' })
  title?: string | null;

  @EnumArrayField(SESSION_ACTIVITIES, { presence: 'optional' })
  activities?: SessionActivity[];

  @TextField({ max: 10000, presence: 'nullable' })
  notes?: string | null;

  @ApiProperty({
    type: [AttendanceRowDto],
    minItems: 1,
    maxItems: MAX_ATTENDEES,
    description:
      'One-to-one mentoring: exactly one row; group sessions: at least one; each participant once, all of the session’s team',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'attendance must name at least one participant' })
  @ArrayMaxSize(MAX_ATTENDEES)
  @ArrayUnique((a: AttendanceRowDto | null) => a?.participantId, {
    message: 'attendance must not name a participant twice',
  })
  @ValidateNested({ each: true })
  @Type(() => AttendanceRowDto)
  attendance: AttendanceRowDto[];

  @UuidField({
    presence: 'nullable',
    description: 'A recurring group of the session’s team (a group session only)',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  groupId?: string | null;
}

export class CreateSessionDto extends SessionFields implements CreateSessionRequest {
  @ClientIdField('Client-chosen id: retrying the same create returns the stored record (200)')
  id?: string;

  @UuidField({
    presence: 'nullable',
    description: 'You by default; a worker may name only themself, a supervisor anyone of the team',
  })
  facilitatorId?: string | null;

  @UuidField({
    presence: 'nullable',
    description: 'Required for admins; others log in their own team',
  })
  teamId?: string | null;
}
