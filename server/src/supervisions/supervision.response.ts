import {
  SUPERVISION_FORMATS,
  SUPERVISION_MAX_MINUTES,
  type LastSupervision,
  type Supervision,
  type SupervisionFormat,
} from '@peerpath/shared';
import { Out, RecordStamps, WorkerRecordOut } from '../common/api-docs';

@RecordStamps({ version: true })
export class SupervisionResponse extends WorkerRecordOut implements Supervision {
  @Out.uuid()
  supervisorId: string;

  @Out.date({ description: 'The day of the supervision' })
  on: string;

  @Out.int({ minimum: 1, maximum: SUPERVISION_MAX_MINUTES })
  minutes: number;

  @Out.enum(SUPERVISION_FORMATS)
  format: SupervisionFormat;

  @Out.text({ nullable: true })
  topics: string | null;

  @Out.text({ nullable: true })
  actionItems: string | null;

  version: number;
  createdAt: string;
  updatedAt: string;
}

export class LastSupervisionResponse implements LastSupervision {
  @Out.uuid()
  workerId: string;

  @Out.date({ nullable: true, description: 'The day of their latest supervision; null when never' })
  lastOn: string | null;

  @Out.int({
    minimum: 0,
    nullable: true,
    description: 'Whole days from lastOn to today (ORG_TIMEZONE); null when never',
  })
  daysSince: number | null;
}
