import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Interval, SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ABSOLUTE_LIMIT_HOURS } from './auth.service';

const CLEANUP_JOB = 'login-cleanup';
const CLEANUP_EVERY_MS = 60 * 60 * 1000;
/** One clean-up at a time across replicas (the lock ends with its transaction). */
const CLEANUP_LOCK = 'peerpath.login-cleanup';

/**
 * Forgets what sign-in no longer needs, every hour (@nestjs/schedule): failed
 * attempts older than a day (throttling looks back an hour at most) and the
 * hashes of rotated refresh tokens whose sessions have reached the absolute
 * limit. Every replica runs it; an advisory lock lets one clean at a time and
 * the others skip that turn.
 */
@Injectable()
export class LoginCleanup implements OnModuleDestroy {
  private readonly logger = new Logger('LoginCleanup');
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly schedule: SchedulerRegistry,
  ) {}

  @Interval(CLEANUP_JOB, CLEANUP_EVERY_MS)
  protected cleanOnSchedule(): Promise<boolean> {
    return this.cleanNow();
  }

  async onModuleDestroy() {
    if (this.schedule.doesExist('interval', CLEANUP_JOB)) {
      this.schedule.deleteInterval(CLEANUP_JOB);
    }
    await this.running;
  }

  /** False when another replica was cleaning (or the database failed: logged, tried next time). */
  cleanNow(): Promise<boolean> {
    const run = this.db
      .transaction(async (m) => {
        const [{ locked }] = await m.query(
          `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
          [CLEANUP_LOCK],
        );
        if (!locked) return false;
        await m.query(`DELETE FROM login_failure WHERE at < now() - interval '1 day'`);
        // Past the absolute limit the sessions have ended: their old tokens no longer matter.
        await m.query(
          `DELETE FROM auth_rotated_token WHERE rotated_at < now() - make_interval(hours => $1)`,
          [ABSOLUTE_LIMIT_HOURS + 1],
        );
        return true;
      })
      .catch((err: unknown) => {
        this.logger.warn(`Cleaning up sign-in records failed: ${String(err)}`);
        return false;
      });
    this.running = run;
    return run;
  }
}
