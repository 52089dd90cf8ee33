import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_MAX_MINUTES,
  type TimeEntry,
  type TimeEntryKind,
} from '@peerpath/shared';
import { Out, RecordStamps, WorkerRecordOut } from '../common/api-docs';

@RecordStamps({ version: true })
export class TimeEntryResponse extends WorkerRecordOut implements TimeEntry {
  @Out.date({ description: 'The day the work was done' })
  on: string;

  @Out.int({ minimum: 1, maximum: TIME_ENTRY_MAX_MINUTES })
  minutes: number;

  @Out.enum(TIME_ENTRY_KINDS)
  kind: TimeEntryKind;

  @Out.text({ nullable: true })
  note: string | null;

  version: number;
  createdAt: string;
  updatedAt: string;
}
