import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { IntervalJob } from '../common/interval-job';
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
export class LoginCleanup extends IntervalJob {
  protected readonly job = CLEANUP_JOB;

  @Interval(CLEANUP_JOB, CLEANUP_EVERY_MS)
  protected cleanOnSchedule(): Promise<boolean> {
    return this.cleanNow();
  }

  /** False when another replica was cleaning (or the database failed: logged, tried next time). */
  cleanNow(): Promise<boolean> {
    return this.turn('Cleaning up sign-in records', false, () =>
      this.db.transaction(async (m) => {
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
      }),
    );
  }
}
