import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * A background job on the database that every replica runs on an interval:
 * the subclass names its `job` and puts `@Interval(job, ms)` on the method
 * that starts a turn. Its turns end with the module: the interval is removed
 * and the turn under way finishes before the database goes. A failed turn (a
 * lost database) is logged and the job tries again next time.
 *
 * Its dependencies are injected as properties, so a job needs no constructor.
 */
export abstract class IntervalJob implements OnModuleDestroy {
  @InjectDataSource() protected readonly db!: DataSource;
  @Inject(SchedulerRegistry) private readonly schedule!: SchedulerRegistry;
  protected abstract readonly job: string;
  private readonly logger = new Logger(this.constructor.name);
  private running?: Promise<unknown>;

  /** Stops the job before the database goes: no new turn, and the one under way finishes. */
  async onModuleDestroy() {
    if (this.schedule.doesExist('interval', this.job)) this.schedule.deleteInterval(this.job);
    await this.running;
  }

  /** One turn of the job: what `work` answers, or `failed` when it fails (logged as `what` failing). */
  protected turn<T>(what: string, failed: T, work: () => Promise<T>): Promise<T> {
    const run = work().catch((err: unknown) => {
      this.logger.warn(`${what} failed: ${String(err)}`);
      return failed;
    });
    this.running = run;
    return run;
  }
}
