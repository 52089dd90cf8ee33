import {
  ATTENDANCE_STATUSES,
  SESSION_ACTIVITIES,
  SESSION_FORMATS,
  SESSION_SETTINGS,
  SESSION_TYPES,
  type AttendanceStatus,
  OTHER_TEAM_ATTENDEE,
  type Session,
  type SessionAttendee,
  type SessionActivity,
  type SessionFormat,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

/**
 * One attendance row. An attendee of another team than the session's (someone
 * who moved since) comes as `{participantId: null, displayName, status}`, with
 * no note (SPEC §1).
 */
export class AttendanceResponse {
  @Out.uuid({ nullable: true, description: 'null for a participant of another team' })
  participantId: string | null;

  @Out.enum(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @Out.text({
    nullable: true,
    optional: true,
    description: 'Absent for a participant of another team',
  })
  note?: string | null;

  @Out.enum([OTHER_TEAM_ATTENDEE], {
    optional: true,
    description: 'Present only for a participant of another team',
  })
  displayName?: typeof OTHER_TEAM_ATTENDEE;
}

@RecordStamps()
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
  attendance: SessionAttendee[];

  @Out.int({ minimum: 1, description: 'Send it back on PATCH; a stale version is refused (409)' })
  version: number;

  @Out.dateTime({ nullable: true, description: 'Set when the session was voided (SPEC §3)' })
  voidedAt: string | null;

  @Out.uuid({ nullable: true })
  voidedById: string | null;

  @Out.text({ nullable: true })
  voidReason: string | null;

  @Out.uuid({ nullable: true, description: 'The recurring group this meeting was of' })
  groupId: string | null;

  createdAt: string;
  updatedAt: string;
}
