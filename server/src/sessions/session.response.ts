import {
  ATTENDANCE_STATUSES,
  SESSION_ACTIVITIES,
  SESSION_FORMATS,
  SESSION_SETTINGS,
  SESSION_TYPES,
  type AttendanceStatus,
  type Session,
  type SessionActivity,
  type SessionFormat,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class AttendanceResponse {
  @Out.uuid()
  participantId: string;

  @Out.enum(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @Out.text({ nullable: true })
  note: string | null;
}

export class SessionResponse implements Session {
  @Out.uuid()
  id: string;

  @Out.enum(SESSION_TYPES)
  type: SessionType;

  @Out.enum(SESSION_FORMATS, { description: 'Derived from `type`' })
  format: SessionFormat;

  @Out.enum(SESSION_SETTINGS)
  setting: SessionSetting;

  @Out.dateTime()
  startsAt: string;

  @Out.int({ minimum: 1, maximum: 720 })
  durationMinutes: number;

  @Out.text({ nullable: true })
  title: string | null;

  @Out.enumArray(SESSION_ACTIVITIES)
  activities: SessionActivity[];

  @Out.text({ nullable: true })
  notes: string | null;

  @Out.uuid()
  facilitatorId: string;

  @Out.uuid()
  teamId: string;

  @Out.array(() => AttendanceResponse)
  attendance: AttendanceResponse[];

  @Out.int({ minimum: 1, description: 'Send it back on PATCH; a stale version is refused (409)' })
  version: number;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
  updatedAt: string;
}
