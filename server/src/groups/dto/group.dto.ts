import { OmitType } from '@nestjs/swagger';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsUUID,
  Matches,
  ValidateIf,
  IsString,
} from 'class-validator';
import { Transform } from 'class-transformer';
import {
  GROUP_MEETINGS_DEFAULT,
  GROUP_MEETINGS_MAX,
  GROUP_SESSION_TYPES,
  SESSION_SETTINGS,
  START_TIME_PATTERN,
  WEEKDAYS,
  type CreateGroupRequest,
  type GroupListQuery,
  type GroupSessionType,
  type JoinGroupRequest,
  type LeaveGroupRequest,
  type SessionSetting,
  type UpdateGroupRequest,
  type Weekday,
} from '@peerpath/shared';
import {
  BoolField,
  ClientIdField,
  DateField,
  EnumField,
  IntField,
  PageQuery,
  PatchType,
  QueryBool,
  QueryInt,
  TextField,
  UuidField,
  VersionField,
} from '../../common/validation';

export const GROUP_MEMBERS_MAX = 200;
export const GROUP_FACILITATORS_MAX = 10;

/** A list of distinct uuids (lower-cased, so a repeat is caught however it is written). */
function UuidListField(opts: { max: number; description: string }) {
  return (target: object, key: string) => {
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      uniqueItems: true,
      maxItems: opts.max,
      description: opts.description,
    } as never)(target, key);
    ValidateIf((_o, v) => v !== undefined)(target, key);
    Transform(({ value }) =>
      Array.isArray(value)
        ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v))
        : value,
    )(target, key);
    IsArray({ message: '$property must be a list' })(target, key);
    IsUUID('all', { each: true, message: 'each of $property must be a UUID' })(target, key);
    ArrayUnique({ message: '$property must not repeat a value' })(target, key);
    ArrayMaxSize(opts.max)(target, key);
  };
}

/** `HH:MM`, 24-hour clock. */
function StartTimeField(opts: { optional?: boolean } = {}) {
  return (target: object, key: string) => {
    (opts.optional ? ApiPropertyOptional : ApiProperty)({
      type: String,
      pattern: START_TIME_PATTERN.source,
      example: '18:30',
      description: '`HH:MM`, 24-hour clock, in the organisation’s time zone',
    } as never)(target, key);
    if (opts.optional) ValidateIf((_o, v) => v !== undefined)(target, key);
    IsString({ message: '$property must be a time written HH:MM' })(target, key);
    Matches(START_TIME_PATTERN, {
      message: '$property must be a time written HH:MM (00:00–23:59)',
    })(target, key);
  };
}

export class CreateGroupDto implements CreateGroupRequest {
  @ClientIdField()
  id?: string;

  @TextField({ max: 200, example: 'Tuesday Recovery Circle' })
  name: string;

  @EnumField(GROUP_SESSION_TYPES, { description: 'A group session type (not one-to-one)' })
  type: GroupSessionType;

  @EnumField(SESSION_SETTINGS)
  setting: SessionSetting;

  @EnumField(WEEKDAYS)
  weekday: Weekday;

  @StartTimeField()
  startTime: string;

  @IntField({ min: 1, max: 720 })
  durationMinutes: number;

  @UuidListField({
    max: GROUP_FACILITATORS_MAX,
    description:
      'Active workers or supervisors of the team; the caller by default (a worker must be one of them)',
  })
  facilitatorIds?: string[];

  @UuidListField({
    max: GROUP_MEMBERS_MAX,
    description: 'Participants of the team (not discharged); each joins today',
  })
  members?: string[];

  @BoolField({ presence: 'optional', description: 'true by default' })
  active?: boolean;

  @UuidField({
    presence: 'nullable',
    description: 'Required for admins; others create in their own team',
  })
  teamId?: string | null;
}

export class UpdateGroupDto
  extends PatchType(OmitType(CreateGroupDto, ['id', 'teamId'] as const))
  implements UpdateGroupRequest
{
  @VersionField()
  version: number;

  @UuidField({
    presence: 'optional',
    description:
      'Admins: move the group to another team (its members leave today; facilitators must be of the new team)',
  })
  teamId?: string;
}

export class ListGroupsQuery extends PageQuery implements GroupListQuery {
  @QueryBool('true: groups that meet; false: groups that stopped')
  active?: boolean;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}

export class JoinGroupDto implements JoinGroupRequest {
  @UuidField({ description: 'A participant of the group’s team, not discharged' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  participantId: string;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  joinedOn?: string;
}

export class LeaveGroupDto implements LeaveGroupRequest {
  @DateField({
    presence: 'optional',
    description: 'Today (ORG_TIMEZONE) by default; not before the day they joined',
  })
  leftOn?: string;
}

export class SessionDraftQuery {
  @DateField({ presence: 'nullable', description: 'The meeting’s day; today by default' })
  date?: string;
}

export class GroupAttendanceQuery {
  @QueryInt({
    min: 1,
    max: GROUP_MEETINGS_MAX,
    description: `How many of the last meetings, ${GROUP_MEETINGS_DEFAULT} by default`,
  })
  meetings?: number;
}
