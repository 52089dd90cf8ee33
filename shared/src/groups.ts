import type { IsoDate, IsoDateTime } from './api';
import type { AttendanceStatus, SessionSetting, SessionType } from './enums';

/** SPEC §11: a recurring group meets on one weekday, at one time (org time zone). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** The session types a recurring group may have: every group type of §2 (not one-to-one mentoring). */
export const GROUP_SESSION_TYPES = [
  'support_group',
  'condition_specific_group',
  'family_support_group',
  'online_forum',
  'educational_group',
] as const satisfies readonly SessionType[];
export type GroupSessionType = (typeof GROUP_SESSION_TYPES)[number];

/** `HH:MM`, 24-hour clock. */
export const START_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How many past meetings the attendance view looks at, by default and at most. */
export const GROUP_MEETINGS_DEFAULT = 12;
export const GROUP_MEETINGS_MAX = 52;

export interface GroupMembership {
  participantId: string;
  joinedOn: IsoDate;
  /** null while they are a member. */
  leftOn: IsoDate | null;
}

export interface RecurringGroup {
  id: string;
  teamId: string;
  name: string;
  type: GroupSessionType;
  setting: SessionSetting;
  weekday: Weekday;
  /** `HH:MM` in the organisation's time zone. */
  startTime: string;
  durationMinutes: number;
  facilitatorIds: string[];
  /** Current members (participant ids). */
  members: string[];
  /** Every membership, past and current, with its dates; oldest join first. */
  memberships: GroupMembership[];
  active: boolean;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface CreateGroupRequest {
  /** Client-chosen id for a safe retry. */
  id?: string;
  name: string;
  type: GroupSessionType;
  setting: SessionSetting;
  weekday: Weekday;
  startTime: string;
  durationMinutes: number;
  facilitatorIds?: string[];
  /** Current members: each joins today. */
  members?: string[];
  active?: boolean;
  /** Required for admins; others create in their own team. */
  teamId?: string | null;
}

/** `members`, when sent, is the new roster: those left out leave today, those added join today. */
export type UpdateGroupRequest = Partial<Omit<CreateGroupRequest, 'id' | 'teamId'>> & {
  version: number;
  teamId?: string;
};

export interface GroupListQuery {
  active?: boolean;
  teamId?: string;
  page?: number;
  pageSize?: number;
}

export interface JoinGroupRequest {
  participantId: string;
  /** Today by default. */
  joinedOn?: IsoDate;
}

export interface LeaveGroupRequest {
  /** Today by default. */
  leftOn?: IsoDate;
}

/** `GET /api/groups/:id/session-draft?date=`: a body for `POST /api/sessions`. */
export interface GroupSessionDraft {
  type: GroupSessionType;
  setting: SessionSetting;
  startsAt: IsoDateTime;
  durationMinutes: number;
  title: string;
  facilitatorId: string | null;
  teamId: string;
  attendance: { participantId: string; status: AttendanceStatus }[];
  groupId: string;
}

export interface GroupMeeting {
  sessionId: string;
  /** The meeting's day in the organisation's time zone. */
  date: IsoDate;
  attended: number;
}

export interface GroupAttendance {
  groupId: string;
  /** The last meetings (sessions logged for the group), oldest first. */
  meetings: GroupMeeting[];
  /** Current members who attended none of the last three meetings (there must have been three). */
  notSeenForThree: string[];
}
