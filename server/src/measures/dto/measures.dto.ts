import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt } from 'class-validator';
import {
  ALERT_STATUSES,
  INSTRUMENT_KEYS,
  type AlertStatus,
  type CreateMeasurementRequest,
  type InstrumentKey,
} from '@peerpath/shared';
import {
  BoolField,
  ClientIdField,
  DateField,
  EnumField,
  PageQuery,
  TextField,
  UuidField,
} from '../../common/validation';

export class CreateMeasurementDto implements CreateMeasurementRequest {
  @ClientIdField()
  id?: string;

  @UuidField()
  participantId: string;

  @EnumField(INSTRUMENT_KEYS)
  instrument: InstrumentKey;

  @DateField({
    presence: 'optional',
    description: 'Today (ORG_TIMEZONE) by default; not in the future',
  })
  takenOn?: string;

  @IsArray({ message: 'answers must be a list of numbers' })
  @ArrayMaxSize(50)
  @IsInt({ each: true, message: 'each of answers must be a whole number' })
  @ApiProperty({
    type: 'integer',
    isArray: true,
    maxItems: 50,
    description:
      'One answer for each item of the instrument, in order (barc10: 10 answers 1–6; phq9: 9 answers 0–3; gad7: 7 answers 0–3); 400 naming `answers` otherwise',
  } as never)
  answers: number[];

  @EnumField(['discharge'], {
    presence: 'optional',
    description: 'Mark the measure taken at discharge; baseline and follow-up are worked out',
  })
  timepoint?: 'discharge';

  @BoolField({ presence: 'optional', description: 'Filled in by the person themself' })
  selfEntered?: boolean;
}

export class VoidMeasurementDto {
  @TextField({ max: 500, description: 'Why the measurement is wrong' })
  reason: string;
}

export class ListMeasurementsQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @EnumField(INSTRUMENT_KEYS, { presence: 'nullable' })
  instrument?: InstrumentKey;
}

export class ScheduleQuery {
  @UuidField()
  participantId: string;
}

export class ListAlertsQuery extends PageQuery {
  @EnumField(ALERT_STATUSES, { presence: 'nullable' })
  status?: AlertStatus;

  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @UuidField({
    presence: 'nullable',
    description: 'Alerts of the people this worker is primary worker for',
  })
  primaryWorkerId?: string;
}

export class ResolveAlertDto {
  @TextField({ max: 4000, description: 'What was done: the written follow-up (not blank)' })
  resolution: string;
}
