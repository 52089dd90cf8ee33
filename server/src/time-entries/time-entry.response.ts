import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_MAX_MINUTES,
  type TimeEntry,
  type TimeEntryKind,
} from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class TimeEntryResponse implements TimeEntry {
  @Out.uuid()
  id: string;

  @Out.uuid({ description: 'The worker’s team' })
  teamId: string;

  @Out.uuid()
  workerId: string;

  @Out.date({ description: 'The day the work was done' })
  on: string;

  @Out.int({ minimum: 1, maximum: TIME_ENTRY_MAX_MINUTES })
  minutes: number;

  @Out.enum(TIME_ENTRY_KINDS)
  kind: TimeEntryKind;

  @Out.text({ nullable: true })
  note: string | null;

  @Out.int({ minimum: 1 })
  version: number;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
  updatedAt: string;
}
