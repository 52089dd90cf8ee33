import {
  ATTENDANCE_STATUSES,
  GROUP_SESSION_TYPES,
  SESSION_SETTINGS,
  WEEKDAYS,
  type AttendanceStatus,
  type GroupAttendance,
  type GroupMeeting,
  type GroupMembership,
  type GroupSessionDraft,
  type GroupSessionType,
  type RecurringGroup,
  type SessionSetting,
  type Weekday,
} from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

export class GroupMembershipResponse implements GroupMembership {
  @Out.uuid()
  participantId: string;

  @Out.date()
  joinedOn: string;

  @Out.date({ nullable: true, description: 'null while they are a member' })
  leftOn: string | null;
}

@RecordStamps({ version: true })
export class GroupResponse implements RecurringGroup {
  @Out.uuid()
  id: string;

  @Out.uuid()
  teamId: string;

  @Out.text()
  name: string;

  @Out.enum(GROUP_SESSION_TYPES)
  type: GroupSessionType;

  @Out.enum(SESSION_SETTINGS)
  setting: SessionSetting;

  @Out.enum(WEEKDAYS)
  weekday: Weekday;

  @Out.text({ description: '`HH:MM`, 24-hour clock, in the organisation’s time zone' })
  startTime: string;

  @Out.int({ minimum: 1, maximum: 720 })
  durationMinutes: number;

  @Out.textArray({ description: 'Users of the team who facilitate the group (uuids)' })
  facilitatorIds: string[];

  @Out.textArray({ description: 'Current members (participant uuids), by name' })
  members: string[];

  @Out.array(() => GroupMembershipResponse, {
    description: 'Every membership, past and current, oldest join first',
  })
  memberships: GroupMembership[];

  @Out.bool()
  active: boolean;

  version: number;
  createdAt: string;
  updatedAt: string;
}

export class DraftAttendeeResponse {
  @Out.uuid()
  participantId: string;

  @Out.enum(ATTENDANCE_STATUSES)
  status: AttendanceStatus;
}

export class GroupSessionDraftResponse implements GroupSessionDraft {
  @Out.enum(GROUP_SESSION_TYPES)
  type: GroupSessionType;

  @Out.enum(SESSION_SETTINGS)
  setting: SessionSetting;

  @Out.dateTime({
    description: 'The date at the group’s start time, in the organisation’s time zone',
  })
  startsAt: string;

  @Out.int({ minimum: 1, maximum: 720 })
  durationMinutes: number;

  @Out.text()
  title: string;

  @Out.uuid({
    nullable: true,
    description: 'The caller when they may log it; else the group’s first facilitator',
  })
  facilitatorId: string | null;

  @Out.uuid()
  teamId: string;

  @Out.array(() => DraftAttendeeResponse, { description: 'Every member on that day, as attended' })
  attendance: { participantId: string; status: AttendanceStatus }[];

  @Out.uuid()
  groupId: string;
}

export class GroupMeetingResponse implements GroupMeeting {
  @Out.uuid()
  sessionId: string;

  @Out.date({ description: 'The meeting’s day in the organisation’s time zone' })
  date: string;

  @Out.int({ minimum: 0, description: 'How many attended' })
  attended: number;
}

export class GroupAttendanceResponse implements GroupAttendance {
  @Out.uuid()
  groupId: string;

  @Out.array(() => GroupMeetingResponse, { description: 'The last meetings, oldest first' })
  meetings: GroupMeeting[];

  @Out.textArray({
    description:
      'Current members (participant uuids) who attended none of the last three meetings; empty before the third meeting',
  })
  notSeenForThree: string[];
}
