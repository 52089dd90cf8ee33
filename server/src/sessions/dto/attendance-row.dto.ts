import { Transform } from 'class-transformer';
import { ATTENDANCE_STATUSES, type AttendanceRow, type AttendanceStatus } from '@peerpath/shared';
import { EnumField, TextField, UuidField } from '../../common/validation';

export class AttendanceRowDto implements AttendanceRow {
  @UuidField({ description: 'A participant of the session’s team' })
  // One spelling per id, so a repeated attendee is caught however it is written.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  participantId: string;

  @EnumField(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @TextField({ max: 2000, presence: 'nullable' })
  note?: string | null;
}
