import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  BASELINE_DUE_DAYS,
  DEFAULT_MEASURE_INTERVAL_DAYS,
  INSTRUMENTS,
  answersProblem,
  scoreAnswers,
  type InstrumentKey,
  type Measurement,
  type MeasureSchedule,
  type Page,
  type ParticipantStatus,
  type SafetyAlert,
  type Timepoint,
} from '@peerpath/shared';
import {
  fieldError,
  requireMayChange,
  requireParticipant,
  requireTeamMember,
  teamFilter,
} from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import {
  createOnce,
  Filter,
  findInTeam,
  insertReturning,
  type CreateResult,
  RecordContext,
} from '../records';
import type {
  CreateMeasurementDto,
  ListAlertsQuery,
  ListMeasurementsQuery,
  ResolveAlertDto,
  VoidMeasurementDto,
} from './dto/measures.dto';
import {
  MEASUREMENT,
  SAFETY_ALERT,
  TIMEPOINT_SQL,
  toMeasurementResponse,
  toSafetyAlertResponse,
  type MeasurementRow,
  type SafetyAlertRow,
} from './measures.mapper';

const DISCHARGED: ParticipantStatus = 'discharged';
/** A measure more than this many days past its due date reads as overdue. */
export const OVERDUE_AFTER_DAYS = 30;

type AlertRow = SafetyAlertRow & { primaryWorkerId: string | null; participantName: string };

/** SELECT of an alert with the participant's primary worker and name (alias a, participant p). */
const ALERT_SELECT = `${SAFETY_ALERT.selectAs('a')}, p.primary_worker_id AS "primaryWorkerId",
  coalesce(p.preferred_name, p.first_name) || ' ' || p.last_name AS "participantName"
  FROM safety_alert a JOIN participant p ON p.id = a.participant_id`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Outcome measures and safety alerts (SPEC §9). Scores and bands are worked
 * out here from the answers, never taken from the client; a measurement is
 * never edited, only voided with a reason; a PHQ-9 with item 9 above 0
 * raises an alert in the same transaction as the measurement.
 */
@Injectable()
export class MeasuresService {
  constructor(private readonly records: RecordContext) {}

  private async withTimepoint(m: EntityManager, row: MeasurementRow): Promise<Measurement> {
    const [{ timepoint }]: { timepoint: Timepoint }[] = await m.query(
      `SELECT ${TIMEPOINT_SQL('m')} AS timepoint FROM measurement m WHERE m.id = $1`,
      [row.id],
    );
    return toMeasurementResponse({ ...row, timepoint });
  }

  async create(caller: AuthUser, dto: CreateMeasurementDto): Promise<CreateResult<Measurement>> {
    return this.records.db.transaction(async (m) => {
      // A retry compares the fields sent: `timepoint` is sent only as `discharge`.
      const result = await createOnce(m, MEASUREMENT, caller, dto, {
        toResponse: (row) =>
          toMeasurementResponse({ ...row, timepoint: row.atDischarge ? 'discharge' : 'follow_up' }),
        audit: (entry) => this.records.audit.record(entry, m),
        insert: async () => {
          const p = await requireParticipant(m, caller, dto.participantId, { lock: 'share' });
          if (caller.role === 'admin') {
            throw new ForbiddenException(
              'Measures are taken by a worker or supervisor of the team',
            );
          }
          const instrument = INSTRUMENTS[dto.instrument];
          const problem = answersProblem(instrument, dto.answers);
          if (problem) throw fieldError('answers', problem);
          const takenOn = dto.takenOn ?? this.records.today();
          if (takenOn > this.records.today())
            throw fieldError('takenOn', 'takenOn must not be in the future');
          const scored = scoreAnswers(instrument, dto.answers);
          const saved = await insertReturning(m, MEASUREMENT, {
            id: dto.id ?? undefined,
            teamId: p.teamId,
            participantId: p.id,
            instrument: dto.instrument,
            takenOn,
            answers: dto.answers,
            score: scored.score,
            band: scored.band,
            atDischarge: dto.timepoint === 'discharge',
            selfEntered: dto.selfEntered ?? false,
            administeredById: caller.id,
          });
          if (!saved) return saved;
          for (const kind of scored.alerts) {
            const [alert]: SafetyAlertRow[] = await m.query(
              `INSERT INTO safety_alert (team_id, participant_id, measurement_id, kind)
               VALUES ($1, $2, $3, $4) RETURNING ${SAFETY_ALERT.select}`,
              [saved.teamId, saved.participantId, saved.id, kind],
            );
            await this.records.auditEvent(m, caller, 'create', SAFETY_ALERT, alert, {
              kind,
              measurementId: saved.id,
            });
          }
          return saved;
        },
      });
      // The timepoint is worked out from the rows now stored.
      const [{ timepoint }]: { timepoint: Timepoint }[] = await m.query(
        `SELECT ${TIMEPOINT_SQL('m')} AS timepoint FROM measurement m WHERE m.id = $1`,
        [result.record.id],
      );
      return { ...result, record: { ...result.record, timepoint } };
    });
  }

  async list(caller: AuthUser, q: ListMeasurementsQuery): Promise<Page<Measurement>> {
    return this.records.list<MeasurementRow, Measurement, { timepoint: Timepoint }>(
      caller,
      MEASUREMENT,
      q,
      toMeasurementResponse,
      {
        alias: 'm',
        extra: `${TIMEPOINT_SQL('m')} AS timepoint`,
        orderBy: 'm.taken_on, m.created_at, m.id',
        where: (filter) => filter.add('m.voided_at IS NULL').when(q.instrument, 'm.instrument = ?'),
      },
    );
  }

  async get(caller: AuthUser, id: string): Promise<Measurement> {
    const row = await this.records.read(MEASUREMENT, caller, id);
    return this.withTimepoint(this.records.db.manager, row);
  }

  /**
   * Voids a wrong measurement: kept for the audit, counted nowhere. Its alerts
   * stay as they are. Voiding again with the same reason by the same person
   * answers 200 and changes nothing; anything else on a voided one is a 409
   * with the measurement as it is.
   */
  async void(caller: AuthUser, id: string, dto: VoidMeasurementDto): Promise<Measurement> {
    return this.records.db.transaction(async (m) => {
      const current = await findInTeam(m, MEASUREMENT, caller, id, { lock: 'update' });
      requireMayChange(caller, current.administeredById, 'the measurements they took');
      if (current.voidedAt) {
        // Voiding again (a retry, a double tap) by the same person for the same reason: 200, as it is.
        const asItIs = await this.withTimepoint(m, current);
        if (current.voidedById === caller.id && current.voidReason === dto.reason) {
          await this.records.auditEvent(m, caller, 'read', MEASUREMENT, current, { retry: true });
          return asItIs;
        }
        throw new ConflictException({
          message: `This measurement was already voided on ${current.voidedAt.toISOString().slice(0, 10)}`,
          errors: { reason: ['the measurement is already voided'] },
          record: asItIs,
        });
      }
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [[saved]]: [MeasurementRow[], number] = await m.query(
        `UPDATE measurement SET voided_at = now(), voided_by_id = $2, void_reason = $3, updated_at = now()
          WHERE id = $1 RETURNING ${MEASUREMENT.select}`,
        [id, caller.id, dto.reason],
      );
      await this.records.auditEvent(m, caller, 'delete', MEASUREMENT, saved, {
        reason: dto.reason,
      });
      return this.withTimepoint(m, saved);
    });
  }

  /**
   * What is due for the person, for each instrument their team uses: the
   * baseline 30 days after enrolment, then a follow-up MEASURE_INTERVAL_DAYS
   * after the latest. Nothing comes due once they are discharged.
   */
  async schedule(caller: AuthUser, participantId: string): Promise<MeasureSchedule> {
    const m = this.records.db.manager;
    const p = await requireParticipant(m, caller, participantId);
    const rows: { instrument: InstrumentKey; last: string | null; due_on: string }[] =
      await m.query(
        `SELECT i.instrument, max(x.taken_on)::text AS last,
                coalesce(max(x.taken_on) + $2::int, p.enrolled_on + $3::int)::text AS due_on
           FROM participant p
           JOIN team t ON t.id = p.team_id
          CROSS JOIN LATERAL unnest(t.instruments) WITH ORDINALITY AS i(instrument, n)
           LEFT JOIN measurement x ON x.participant_id = p.id AND x.instrument = i.instrument
                                  AND x.voided_at IS NULL
          WHERE p.id = $1 AND p.status <> $4
          GROUP BY i.instrument, i.n, p.enrolled_on
          ORDER BY i.n`,
        [
          p.id,
          this.records.config.measureIntervalDays ?? DEFAULT_MEASURE_INTERVAL_DAYS,
          BASELINE_DUE_DAYS,
          DISCHARGED,
        ],
      );
    await this.records.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: MEASUREMENT.entity,
      participantId: p.id,
      teamId: p.teamId,
      details: { schedule: true },
    });
    const today = this.records.today();
    return {
      participantId: p.id,
      items: rows.map((r) => ({
        instrument: r.instrument,
        dueOn: r.due_on,
        lastTakenOn: r.last,
        state:
          r.due_on > today
            ? 'upcoming'
            : addDays(r.due_on, OVERDUE_AFTER_DAYS) < today
              ? 'overdue'
              : 'due',
      })),
    };
  }

  async listAlerts(caller: AuthUser, q: ListAlertsQuery): Promise<Page<SafetyAlert>> {
    const { page, pageSize, offset } = paging(q);
    const m = this.records.db.manager;
    const teamId = teamFilter(caller);
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.primaryWorkerId) await requireTeamMember(m, teamId, q.primaryWorkerId);
    const f = new Filter()
      .when(teamId, 'a.team_id = ?')
      .when(q.participantId, 'a.participant_id = ?')
      .when(q.primaryWorkerId, 'p.primary_worker_id = ?');
    if (q.status)
      f.add(q.status === 'open' ? 'a.resolved_at IS NULL' : 'a.resolved_at IS NOT NULL');
    const [{ total }] = await m.query(
      `SELECT count(*)::int AS total FROM safety_alert a JOIN participant p ON p.id = a.participant_id ${f.where}`,
      f.params,
    );
    const rows: AlertRow[] = await m.query(
      `SELECT ${ALERT_SELECT} ${f.where}
        ORDER BY a.raised_at DESC, a.id DESC
        LIMIT ${Number(pageSize)} OFFSET ${Number(offset)}`,
      f.params,
    );
    await this.records.auditList(caller, SAFETY_ALERT, q, teamId);
    return { items: rows.map(toSafetyAlertResponse), total, page, pageSize };
  }

  /**
   * Resolves an open alert with a written resolution: the participant's
   * primary worker, the worker who took the measure, or a supervisor or admin
   * (403 for anyone else). Resolving again with the same words by the same
   * person answers 200 and changes nothing; anything else on a resolved
   * alert is a 409.
   */
  async resolveAlert(caller: AuthUser, id: string, dto: ResolveAlertDto): Promise<SafetyAlert> {
    return this.records.db.transaction(async (m) => {
      const found = await findInTeam(m, SAFETY_ALERT, caller, id, { lock: 'update' });
      const [current]: (AlertRow & { administeredById: string })[] = await m.query(
        `SELECT ${ALERT_SELECT.replace(' FROM safety_alert a', ', x.administered_by_id AS "administeredById" FROM safety_alert a')}
           JOIN measurement x ON x.id = a.measurement_id
          WHERE a.id = $1`,
        [found.id],
      );
      if (
        caller.role === 'worker' &&
        caller.id !== current.primaryWorkerId &&
        caller.id !== current.administeredById
      ) {
        throw new ForbiddenException(
          'The person’s primary worker or a supervisor resolves this alert',
        );
      }
      if (current.resolvedAt) {
        if (current.resolvedById === caller.id && current.resolution === dto.resolution) {
          await this.records.auditEvent(m, caller, 'read', SAFETY_ALERT, current, { retry: true });
          return toSafetyAlertResponse(current);
        }
        throw new ConflictException({
          message: `This alert was already resolved on ${current.resolvedAt.toISOString().slice(0, 10)}`,
          errors: { resolution: ['the alert is already resolved'] },
        });
      }
      await m.query(
        `UPDATE safety_alert SET resolved_at = now(), resolved_by_id = $2, resolution = $3, updated_at = now()
          WHERE id = $1`,
        [id, caller.id, dto.resolution],
      );
      await this.records.auditEvent(m, caller, 'update', SAFETY_ALERT, current, { resolved: true });
      const [saved]: AlertRow[] = await m.query(`SELECT ${ALERT_SELECT} WHERE a.id = $1`, [id]);
      return toSafetyAlertResponse(saved);
    });
  }
}
