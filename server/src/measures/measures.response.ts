import { ApiProperty } from '@nestjs/swagger';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  BAND_KEYS,
  INSTRUMENT_KEYS,
  TIMEPOINTS,
  type AlertKind,
  type AlertStatus,
  type InstrumentKey,
  type Measurement,
  type MeasureDue,
  type MeasureSchedule,
  type OutcomeFigures,
  type OutcomesReport,
  type SafetyAlert,
  type Timepoint,
} from '@peerpath/shared';
import { Out, ParticipantRecordOut, RecordStamps } from '../common/api-docs';

@RecordStamps()
export class MeasurementResponse extends ParticipantRecordOut implements Measurement {
  @Out.enum(INSTRUMENT_KEYS)
  instrument: InstrumentKey;

  @Out.date()
  takenOn: string;

  @ApiProperty({
    type: 'integer',
    isArray: true,
    description: 'One answer for each item of the instrument, in order',
  } as never)
  answers: number[];

  @Out.int({ minimum: 0, description: 'Computed by the server: the sum of the answers' })
  score: number;

  @Out.enum(BAND_KEYS, { description: 'Computed by the server from the score' })
  band: string;

  @Out.uuid()
  administeredById: string;

  @Out.enum(TIMEPOINTS, {
    description:
      'baseline: the earliest live measurement of the instrument for the person; discharge when marked so; else follow_up',
  })
  timepoint: Timepoint;

  @Out.bool({ description: 'Filled in by the person themself on the worker’s device' })
  selfEntered: boolean;

  @Out.dateTime({ nullable: true })
  voidedAt: string | null;

  @Out.uuid({ nullable: true })
  voidedById: string | null;

  @Out.text({ nullable: true })
  voidReason: string | null;

  createdAt: string;
  updatedAt: string;
}

export class MeasureDueResponse implements MeasureDue {
  @Out.enum(INSTRUMENT_KEYS)
  instrument: InstrumentKey;

  @Out.date()
  dueOn: string;

  @Out.enum(['upcoming', 'due', 'overdue'])
  state: 'upcoming' | 'due' | 'overdue';

  @Out.date({ nullable: true })
  lastTakenOn: string | null;
}

export class MeasureScheduleResponse implements MeasureSchedule {
  @Out.uuid()
  participantId: string;

  @Out.array(() => MeasureDueResponse)
  items: MeasureDueResponse[];
}

export class SafetyAlertResponse implements SafetyAlert {
  @Out.uuid()
  id: string;

  @Out.enum(ALERT_KINDS)
  kind: AlertKind;

  @Out.uuid()
  participantId: string;

  @Out.uuid()
  teamId: string;

  @Out.uuid()
  measurementId: string;

  @Out.uuid({ nullable: true })
  primaryWorkerId: string | null;

  @Out.text()
  participantName: string;

  @Out.dateTime()
  raisedAt: string;

  @Out.dateTime({ nullable: true })
  resolvedAt: string | null;

  @Out.uuid({ nullable: true })
  resolvedById: string | null;

  @Out.text({ nullable: true })
  resolution: string | null;

  @Out.enum(ALERT_STATUSES)
  status: AlertStatus;
}

export class OutcomeFiguresResponse implements OutcomeFigures {
  @Out.enum(INSTRUMENT_KEYS)
  instrument: InstrumentKey;

  @Out.int({ minimum: 0 })
  n: number;

  @Out.number({ nullable: true })
  meanBaseline: number | null;

  @Out.number({ nullable: true })
  meanLatest: number | null;

  @Out.number({ nullable: true, description: 'latest − baseline, 1 decimal' })
  meanChange: number | null;

  @Out.int({ minimum: 0 })
  improved: number;

  @Out.int({ minimum: 0 })
  worsened: number;
}

class PeriodResponse {
  @Out.date()
  from: string;

  @Out.date()
  to: string;
}

export class OutcomesReportResponse implements OutcomesReport {
  @Out.object(() => PeriodResponse)
  period: PeriodResponse;

  @Out.uuid({ nullable: true })
  teamId: string | null;

  @Out.array(() => OutcomeFiguresResponse)
  instruments: OutcomeFiguresResponse[];
}
