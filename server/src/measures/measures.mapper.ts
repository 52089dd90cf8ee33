import type { Measurement, SafetyAlert, Timepoint } from '@peerpath/shared';
import { toIsoDate } from '../common/dates';
import { defineRecord } from '../records';
import type { MeasurementEntity } from './measurement.entity';
import type { MeasurementResponse, SafetyAlertResponse } from './measures.response';
import type { SafetyAlertEntity } from './safety-alert.entity';

export type MeasurementRow = Omit<
  MeasurementEntity,
  | 'recordKey'
  | 'baselineScore'
  | 'nextTakenOn'
  | 'team'
  | 'participant'
  | 'administeredBy'
  | 'voidedBy'
>;
export type SafetyAlertRow = Omit<
  SafetyAlertEntity,
  'team' | 'participant' | 'measurement' | 'resolvedBy'
>;

/** The measurement as the record layer reads and writes it. */
export const MEASUREMENT = defineRecord<MeasurementRow>({
  table: 'measurement',
  entity: 'measurement',
  notFound: 'Measurement not found',
  stale: 'This measurement was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    instrument: 'instrument',
    takenOn: 'taken_on',
    answers: 'answers',
    score: 'score',
    band: 'band',
    atDischarge: 'at_discharge',
    selfEntered: 'self_entered',
    administeredById: 'administered_by_id',
    voidedAt: 'voided_at',
    voidedById: 'voided_by_id',
    voidReason: 'void_reason',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/** The safety alert as the record layer reads and writes it. */
export const SAFETY_ALERT = defineRecord<SafetyAlertRow>({
  table: 'safety_alert',
  entity: 'safety_alert',
  notFound: 'Alert not found',
  stale: 'This alert was changed by someone else. Reload it and try again.',
  columns: {
    id: 'id',
    teamId: 'team_id',
    participantId: 'participant_id',
    measurementId: 'measurement_id',
    kind: 'kind',
    raisedAt: 'raised_at',
    resolvedAt: 'resolved_at',
    resolvedById: 'resolved_by_id',
    resolution: 'resolution',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
});

/**
 * The measurement's timepoint, as SQL over the alias `m`: the earliest live
 * measurement of an instrument for a person is their baseline (voided ones
 * left out, ties by creation); one marked at discharge is `discharge`; any
 * other is a follow-up.
 */
export const TIMEPOINT_SQL = (m: string) => `
  CASE WHEN ${m}.voided_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM measurement b
          WHERE b.participant_id = ${m}.participant_id AND b.instrument = ${m}.instrument
            AND b.voided_at IS NULL
            AND (b.taken_on, b.created_at, b.id) < (${m}.taken_on, ${m}.created_at, ${m}.id))
       THEN 'baseline'
       WHEN ${m}.at_discharge THEN 'discharge'
       ELSE 'follow_up' END`;

export function toMeasurementResponse(
  r: MeasurementRow & { timepoint: Timepoint },
): MeasurementResponse & Measurement {
  return {
    id: r.id,
    participantId: r.participantId,
    teamId: r.teamId,
    instrument: r.instrument,
    takenOn: toIsoDate(r.takenOn)!,
    answers: r.answers.map(Number),
    score: r.score,
    band: r.band,
    administeredById: r.administeredById,
    timepoint: r.timepoint,
    selfEntered: r.selfEntered,
    voidedAt: r.voidedAt ? r.voidedAt.toISOString() : null,
    voidedById: r.voidedById,
    voidReason: r.voidReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toSafetyAlertResponse(
  r: SafetyAlertRow & { primaryWorkerId: string | null; participantName: string },
): SafetyAlertResponse & SafetyAlert {
  return {
    id: r.id,
    kind: r.kind,
    participantId: r.participantId,
    teamId: r.teamId,
    measurementId: r.measurementId,
    primaryWorkerId: r.primaryWorkerId,
    participantName: r.participantName,
    raisedAt: r.raisedAt.toISOString(),
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
    resolvedById: r.resolvedById,
    resolution: r.resolution,
    status: r.resolvedAt ? 'resolved' : 'open',
  };
}
