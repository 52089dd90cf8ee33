import {
  SUPERVISION_FORMATS,
  SUPERVISION_MAX_MINUTES,
  type LastSupervision,
  type Supervision,
  type SupervisionFormat,
} from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class SupervisionResponse implements Supervision {
  @Out.uuid()
  id: string;

  @Out.uuid({ description: 'The worker’s team' })
  teamId: string;

  @Out.uuid()
  workerId: string;

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

  @Out.int({ minimum: 1 })
  version: number;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
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
