import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Interval, SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sealAuditTrail } from './audit-chain';

const SEAL_JOB = 'audit-seal';
const SEAL_EVERY_MS = 30_000;

/**
 * Extends the audit hash chain in the background, every 30 seconds
 * (@nestjs/schedule). Every replica runs it; an advisory lock in
 * `sealAuditTrail` lets one seal at a time and the others skip that turn.
 */
@Injectable()
export class AuditSealer implements OnModuleDestroy {
  private readonly logger = new Logger('AuditSealer');
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedule: SchedulerRegistry,
  ) {}

  @Interval(SEAL_JOB, SEAL_EVERY_MS)
  protected sealOnSchedule(): Promise<number> {
    return this.sealNow();
  }

  /** Stops sealing before the database goes: no new turn, and the one under way finishes. */
  async onModuleDestroy() {
    if (this.schedule.doesExist('interval', SEAL_JOB)) this.schedule.deleteInterval(SEAL_JOB);
    await this.running;
  }

  /** Seals what is old enough; errors (a lost database) are logged and retried next time. */
  sealNow(minAgeSeconds?: number): Promise<number> {
    const run = this.db
      .transaction((m) => sealAuditTrail((sql, params) => m.query(sql, params), minAgeSeconds))
      .catch((err: unknown) => {
        this.logger.warn(`Sealing the audit trail failed: ${String(err)}`);
        return 0;
      });
    this.running = run;
    return run;
  }
}
