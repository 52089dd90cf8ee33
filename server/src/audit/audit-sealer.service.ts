import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { IntervalJob } from '../common/interval-job';
import { sealAuditTrail } from './audit-chain';

const SEAL_JOB = 'audit-seal';
const SEAL_EVERY_MS = 30_000;

/**
 * Extends the audit hash chain in the background, every 30 seconds
 * (@nestjs/schedule). Every replica runs it; an advisory lock in
 * `sealAuditTrail` lets one seal at a time and the others skip that turn.
 */
@Injectable()
export class AuditSealer extends IntervalJob {
  protected readonly job = SEAL_JOB;

  @Interval(SEAL_JOB, SEAL_EVERY_MS)
  protected sealOnSchedule(): Promise<number> {
    return this.sealNow();
  }

  /** Seals what is old enough; errors (a lost database) are logged and retried next time. */
  sealNow(minAgeSeconds?: number): Promise<number> {
    return this.turn('Sealing the audit trail', 0, () =>
      this.db.transaction((m) =>
        sealAuditTrail((sql, params) => m.query(sql, params), minAgeSeconds),
      ),
    );
  }
}
