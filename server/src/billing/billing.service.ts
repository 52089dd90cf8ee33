import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  monthOf,
  REPORT_MAX_YEARS,
  todayIn,
  type BillingBatch,
  type BlockedLinesResult,
  type ClaimLine,
  type ClaimLinesResult,
} from '@peerpath/shared';
import { fieldError, NotInTeamException } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { toIsoDate } from '../common/dates';
import { RecordContext, scopeOf, type Queryable } from '../records';
import { blockedByReason, CLAIM_LINES_SQL, claimLinesCsv, queryClaimLines } from './claim-lines';
import type { ClaimsQueryDto, CreateBatchDto, VoidBatchDto } from './dto/billing.query';

interface Period {
  from: string;
  to: string;
  teamId: string | null;
  timezone: string;
}

interface BatchRow {
  id: string;
  teamId: string;
  from: string | Date;
  to: string | Date;
  createdById: string;
  createdAt: Date;
  voidedAt: Date | null;
  voidedById: string | null;
  voidReason: string | null;
}

const BATCH_COLUMNS = `b.id, b.team_id AS "teamId", b.period_from AS "from", b.period_to AS "to",
  b.created_by_id AS "createdById", b.created_at AS "createdAt", b.voided_at AS "voidedAt",
  b.voided_by_id AS "voidedById", b.void_reason AS "voidReason"`;

/**
 * Billing peer services (SPEC §13): the claim lines of a period, previewed
 * (billable and blocked, with every reason), exported, and stored in batches.
 * Supervisors see their team's, admins every team's; workers are refused by
 * the routes (403).
 */
@Injectable()
export class BillingService {
  constructor(private readonly records: RecordContext) {}

  async claims(caller: AuthUser, q: ClaimsQueryDto): Promise<ClaimLinesResult> {
    const p = await this.period(caller, q);
    const { items, totals } = await queryClaimLines(this.records.db.manager, p, true);
    await this.exported(caller, p, 'claims', q.format ?? 'json', totals.lines);
    return { period: { from: p.from, to: p.to }, teamId: p.teamId, totals, items };
  }

  async blocked(caller: AuthUser, q: ClaimsQueryDto): Promise<BlockedLinesResult> {
    const p = await this.period(caller, q);
    const [{ items, totals }, byReason] = await this.records.db.transaction(
      'REPEATABLE READ',
      async (m) => {
        await m.query('SET TRANSACTION READ ONLY');
        return Promise.all([queryClaimLines(m, p, false), blockedByReason(m, p)]);
      },
    );
    await this.exported(caller, p, 'blocked', q.format ?? 'json', totals.lines);
    return { period: { from: p.from, to: p.to }, teamId: p.teamId, totals, byReason, items };
  }

  csv(items: ClaimLine[]): Buffer {
    return claimLinesCsv(items);
  }

  /**
   * Stores the period's billable lines that are in no live batch yet, as a
   * new batch of the team (409 when there is none). A line is never in two
   * live batches: the unique index refuses it, and batches of one team are
   * made one at a time.
   */
  async createBatch(caller: AuthUser, dto: CreateBatchDto): Promise<BillingBatch> {
    if (caller.role === 'admin' && !dto.teamId) {
      throw fieldError('teamId', 'teamId is required: a batch holds one team’s lines');
    }
    const p = await this.period(caller, dto);
    const teamId = p.teamId!;
    return this.records.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('billing_batch:' || $1))`, [teamId]);
      const [batch]: { id: string }[] = await m.query(
        `INSERT INTO billing_batch (team_id, period_from, period_to, created_by_id)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [teamId, p.from, p.to, caller.id],
      );
      const inserted: { id: string }[] = await m.query(
        `${CLAIM_LINES_SQL}
         INSERT INTO billing_claim_line (batch_id, team_id, session_id, participant_id, profile_id,
           service_date, member_id, member_name, code, modifiers, units, amount, place_of_service,
           rendering_worker_id, rendering_worker_name, credential, note_id)
         SELECT $5, l.team_id, l.session_id, l.participant_id, l.profile_id, l.service_date,
                l.member_id, l.member_name, l.code, l.modifiers, l.units,
                round(l.units * l.unit_rate, 2),
                CASE l.setting WHEN 'clinic' THEN '11' WHEN 'home_visit' THEN '12'
                  WHEN 'online' THEN '02' WHEN 'phone' THEN '02' WHEN 'hospital' THEN '22'
                  ELSE '99' END,
                l.worker_id, l.worker_name, l.credential, l.note_id
           FROM lines l
          WHERE cardinality(l.block_reasons) = 0 AND l.batch_id IS NULL
         ON CONFLICT (session_id, participant_id) WHERE live DO NOTHING
         RETURNING id`,
        [p.from, p.to, teamId, p.timezone, batch.id],
      );
      const count = inserted.length;
      if (count === 0) {
        throw new ConflictException({
          message: 'There are no billable lines in this period that are not already in a batch',
          errors: { from: ['has no billable lines left to batch'] },
        });
      }
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'create',
          entityType: 'billing_batch',
          entityId: batch.id,
          teamId,
          details: { from: p.from, to: p.to, lines: count },
        },
        m,
      );
      return this.batchOf(m, batch.id);
    });
  }

  async getBatch(caller: AuthUser, id: string, format: 'json' | 'csv'): Promise<BillingBatch> {
    const m = this.records.db.manager;
    const row = await this.findBatch(m, caller, id);
    const batch = await this.batchOf(m, row.id);
    await this.records.audit.record({
      actorId: caller.id,
      action: format === 'csv' ? 'export' : 'read',
      entityType: 'billing_batch',
      entityId: id,
      teamId: row.teamId,
      details: { format },
    });
    return batch;
  }

  /**
   * Voids a batch (admins): its lines are freed for another batch. Voiding
   * it again with the same reason by the same admin answers it as it is;
   * otherwise 409.
   */
  async voidBatch(caller: AuthUser, id: string, dto: VoidBatchDto): Promise<BillingBatch> {
    return this.records.db.transaction(async (m) => {
      const [row]: BatchRow[] = await m.query(
        `SELECT ${BATCH_COLUMNS} FROM billing_batch b WHERE b.id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new NotInTeamException('billing_batch', id, 'Billing batch not found');
      if (row.voidedAt) {
        const batch = await this.batchOf(m, id);
        if (row.voidedById === caller.id && row.voidReason === dto.reason) return batch;
        throw new ConflictException({ message: 'This batch is already voided', record: batch });
      }
      await m.query(
        `UPDATE billing_batch SET voided_at = now(), voided_by_id = $2, void_reason = $3,
                updated_at = now() WHERE id = $1`,
        [id, caller.id, dto.reason],
      );
      await m.query(
        `UPDATE billing_claim_line SET live = false, updated_at = now() WHERE batch_id = $1`,
        [id],
      );
      await this.records.audit.record(
        {
          actorId: caller.id,
          action: 'update',
          entityType: 'billing_batch',
          entityId: id,
          teamId: row.teamId,
          details: { voided: true, reason: dto.reason },
        },
        m,
      );
      return this.batchOf(m, id);
    });
  }

  private async findBatch(m: Queryable, caller: AuthUser, id: string): Promise<BatchRow> {
    const team = scopeOf(caller);
    const [row]: BatchRow[] = await m.query(
      `SELECT ${BATCH_COLUMNS} FROM billing_batch b
        WHERE b.id = $1 AND ($2::uuid IS NULL OR b.team_id = $2::uuid)`,
      [id, team],
    );
    if (!row) throw new NotInTeamException('billing_batch', id, 'Billing batch not found');
    return row;
  }

  /** A batch with its lines and totals (summed in the database). */
  private async batchOf(m: Queryable | EntityManager, id: string): Promise<BillingBatch> {
    const [row]: (BatchRow & { lines: number; units: number; amount: number | null })[] =
      await m.query(
        `SELECT ${BATCH_COLUMNS},
                (SELECT count(*)::int FROM billing_claim_line c WHERE c.batch_id = b.id) AS lines,
                (SELECT coalesce(sum(c.units), 0)::int FROM billing_claim_line c WHERE c.batch_id = b.id) AS units,
                (SELECT sum(c.amount)::float8 FROM billing_claim_line c WHERE c.batch_id = b.id) AS amount
           FROM billing_batch b WHERE b.id = $1`,
        [id],
      );
    if (!row) throw new NotFoundException('Billing batch not found');
    const items: ClaimLine[] = await m.query(
      `SELECT c.session_id AS "sessionId", c.participant_id AS "participantId",
              c.member_name AS "memberName", c.member_id AS "memberId",
              to_char(c.service_date, 'YYYY-MM-DD') AS "serviceDate", c.profile_id AS "profileId",
              c.code, c.modifiers, c.units AS "rawUnits", c.units, c.amount::float8 AS amount,
              c.place_of_service AS "placeOfService", c.rendering_worker_id AS "renderingWorkerId",
              c.rendering_worker_name AS "renderingWorkerName", c.credential, c.note_id AS "noteId",
              c.batch_id AS "batchId", '{}'::text[] AS reasons
         FROM billing_claim_line c JOIN support_session s ON s.id = c.session_id
        WHERE c.batch_id = $1
        ORDER BY c.service_date, s.starts_at, c.session_id, c.member_name, c.participant_id`,
      [id],
    );
    return {
      id: row.id,
      teamId: row.teamId,
      from: toIsoDate(row.from)!,
      to: toIsoDate(row.to)!,
      createdById: row.createdById,
      createdAt: row.createdAt.toISOString(),
      voidedAt: row.voidedAt ? row.voidedAt.toISOString() : null,
      voidReason: row.voidReason,
      lines: row.lines,
      units: row.units,
      amount: row.amount,
      items,
    };
  }

  /** The period and team asked (defaults: this month; the caller's team). */
  private async period(
    caller: AuthUser,
    q: { from?: string; to?: string; teamId?: string },
  ): Promise<Period> {
    const timezone = this.records.config.orgTimezone;
    const month = monthOf(todayIn(timezone));
    const from = q.from ?? month.from;
    const to = q.to ?? month.to;
    if (from > to) throw fieldError('to', `to (${to}) must not be before from (${from})`);
    const [y, mo, d] = from.split('-');
    if (to >= `${Number(y) + REPORT_MAX_YEARS}-${mo}-${d}`) {
      throw fieldError('to', `A period covers at most ${REPORT_MAX_YEARS} years`);
    }
    let teamId: string | null;
    if (caller.role !== 'admin') {
      if (q.teamId && q.teamId !== caller.teamId) {
        throw new ForbiddenException('You can only see billing for your own team');
      }
      teamId = caller.teamId;
    } else {
      teamId = q.teamId ?? null;
      if (teamId) {
        const found: unknown[] = await this.records.db.query(`SELECT 1 FROM team WHERE id = $1`, [
          teamId,
        ]);
        if (found.length === 0) throw fieldError('teamId', 'teamId does not name a team');
      }
    }
    return { from, to, teamId, timezone };
  }

  private async exported(
    caller: AuthUser,
    p: Period,
    report: 'claims' | 'blocked',
    format: string,
    lines: number,
  ): Promise<void> {
    await this.records.audit.record({
      actorId: caller.id,
      action: 'export',
      entityType: 'billing',
      teamId: p.teamId,
      details: { report, from: p.from, to: p.to, format, lines },
    });
  }
}
