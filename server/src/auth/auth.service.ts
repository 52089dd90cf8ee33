import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import { writeRows } from '../records';
import { toUserResponse } from '../users/users.mapper';
import { UserEntity } from '../users/user.entity';
import { JWT_AUDIENCE, JWT_ISSUER, type AccessTokenPayload } from './jwt.strategy';
import { hashPassword, verifyPassword } from './passwords';

/** Access tokens are short; the refresh cookie keeps a working user signed in. */
export const ACCESS_TOKEN_SECONDS = 10 * 60;
export const IDLE_LIMIT_MINUTES = 30;
export const ABSOLUTE_LIMIT_HOURS = 12;

/** SPEC §4: 10 failures per account and address in 15 minutes; 100 per account in an hour. */
export const THROTTLE = {
  perAddress: 10,
  addressWindowMin: 15,
  perAccount: 100,
  accountWindowMin: 60,
};

/** How long an attempt waits for checks in progress to free a place before it is throttled. */
const RESERVE_WAIT_MS = 3000;

const BAD_CREDENTIALS = 'Email or password is incorrect';

export interface SignedIn extends LoginResponse {
  refreshToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so timing does not reveal accounts. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<SignedIn> {
    const emailKey = email.trim().toLowerCase();
    const user = await this.db.getRepository(UserEntity).findOne({ where: { email: emailKey } });

    // The attempt is counted before its password is checked (see reserveAttempt).
    const attemptId = await this.reserveAttempt(emailKey, ip);
    if (attemptId === null) {
      await this.loginFailed(user, 'throttled', ip);
      throw new HttpException(
        { message: 'Too many failed sign-in attempts. Please wait a while and try again.' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }

    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await this.dummyHash, password), false);

    if (!user || !ok || !user.active) {
      await this.db.query(`UPDATE login_failure SET pending = false WHERE id = $1`, [attemptId]);
      await this.loginFailed(user, user && ok ? 'deactivated' : 'bad_credentials', ip);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }

    // The right password: the attempt was not a failure.
    await this.db.query(`DELETE FROM login_failure WHERE id = $1`, [attemptId]);
    const refreshToken = randomBytes(32).toString('base64url');
    const [session] = await this.db.query(
      `INSERT INTO auth_session (user_id, token_hash) VALUES ($1, $2) RETURNING id`,
      [user.id, sha256(refreshToken)],
    );
    await this.audit.record({
      actorId: user.id,
      action: 'login',
      entityType: 'user',
      entityId: user.id,
      teamId: user.teamId,
      details: { ip },
    });
    return { ...this.issue(user, session.id as string), refreshToken };
  }
  /** Audits a refused sign-in: why (`reason`), from where, and the account when the email names one. */
  private async loginFailed(
    user: UserEntity | null,
    reason: 'throttled' | 'deactivated' | 'bad_credentials',
    ip: string,
  ): Promise<void> {
    await this.audit.record({
      actorId: user?.id ?? null,
      action: 'login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      teamId: user?.teamId ?? null,
      details: { reason, ip },
    });
  }

  /**
   * Trades a refresh token for a new access token and a new refresh token
   * (rotation). The old token's hash is kept: presented again, it was copied,
   * and the whole sign-in session ends (SPEC §4).
   */
  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    if (!refreshToken) throw new UnauthorizedException('Please sign in');
    const next = randomBytes(32).toString('base64url');
    const presented = sha256(refreshToken);
    const [row]: { id: string; user_id: string }[] = await this.db.query(
      `WITH rotated AS (
         UPDATE auth_session s
            SET token_hash = $2, last_used_at = now()
           FROM app_user u
          WHERE s.token_hash = $1
            AND u.id = s.user_id AND u.active
            AND s.revoked_at IS NULL
            AND s.last_used_at > now() - make_interval(mins => $3)
            AND s.created_at > now() - make_interval(hours => $4)
          RETURNING s.id, s.user_id
       ), kept AS (
         INSERT INTO auth_rotated_token (token_hash, session_id) SELECT $1, id FROM rotated
       )
       SELECT id, user_id FROM rotated`,
      [presented, sha256(next), IDLE_LIMIT_MINUTES, ABSOLUTE_LIMIT_HOURS],
    );
    if (!row) {
      await this.endReusedSession(presented);
      throw new UnauthorizedException('Your session has ended; please sign in again');
    }
    const user = await this.db
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: row.user_id } });
    return { ...this.issue(user, row.id), refreshToken: next };
  }

  /** A rotated refresh token came back: every token of its sign-in session stops working. */
  private async endReusedSession(tokenHash: string): Promise<void> {
    const { rows } = await writeRows<{ id: string; user_id: string; team_id: string | null }>(
      this.db,
      `UPDATE auth_session s
          SET revoked_at = now()
         FROM auth_rotated_token r, app_user u
        WHERE r.token_hash = $1 AND s.id = r.session_id
          AND u.id = s.user_id AND s.revoked_at IS NULL
        RETURNING s.id, s.user_id, u.team_id`,
      [tokenHash],
    );
    for (const ended of rows) {
      await this.audit.record({
        actorId: ended.user_id,
        action: 'login_failed',
        entityType: 'user',
        entityId: ended.user_id,
        teamId: ended.team_id,
        details: { reason: 'refresh_token_reused', sessionId: ended.id },
      });
    }
  }

  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<void> {
    const sessionId = accessToken ? this.sessionOf(accessToken) : null;
    if (sessionId) {
      await this.db.query(
        `UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
        [sessionId],
      );
    }
    if (refreshToken) {
      await this.db.query(
        `UPDATE auth_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`,
        [sha256(refreshToken)],
      );
    }
  }

  private sessionOf(accessToken: string): string | null {
    try {
      const p = this.jwt.verify<AccessTokenPayload>(accessToken, {
        algorithms: ['HS256'],
        secret: this.config.jwtSecret,
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        ignoreExpiration: true,
      });
      return /^[0-9a-f-]{36}$/i.test(String(p.sid)) ? p.sid : null;
    } catch {
      return null;
    }
  }

  private issue(user: UserEntity, sessionId: string): LoginResponse {
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId, role: user.role };
    const accessToken = this.jwt.sign(payload, {
      algorithm: 'HS256',
      secret: this.config.jwtSecret,
      expiresIn: ACCESS_TOKEN_SECONDS,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return {
      accessToken,
      expiresIn: ACCESS_TOKEN_SECONDS,
      user: toUserResponse(user),
      ...(user.mustChangePassword && { mustChangePassword: true as const }),
    };
  }

  /**
   * Counts a sign-in attempt before its password is checked, so that however
   * many arrive at once (on any replica) no more passwords are checked than the
   * limits allow: under a lock per account, a `pending` failure row is written
   * unless the account (from this address, or from all) already has as many
   * failures and checks in progress as its limit. Attempts that find the limit
   * taken only by checks in progress wait for their outcome (a right password
   * frees its place), so people signing in at once are never refused.
   * Returns the row's id, or null when the attempt is throttled.
   */
  private async reserveAttempt(emailKey: string, ip: string): Promise<string | null> {
    const giveUpAt = Date.now() + RESERVE_WAIT_MS;
    for (;;) {
      const outcome = await this.db.transaction(async (m): Promise<string> => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `peerpath.login:${emailKey}`,
        ]);
        // A check still pending after a minute was cut short (a crash): it counts as a failure.
        const [c] = await m.query(
          `SELECT count(*) FILTER (WHERE by_address)::int AS by_address,
                  count(*) FILTER (WHERE by_address AND checking)::int AS by_address_checking,
                  count(*)::int AS by_account,
                  count(*) FILTER (WHERE checking)::int AS by_account_checking
             FROM (SELECT ip = $2 AND at > now() - make_interval(mins => $3) AS by_address,
                          pending AND at > now() - interval '1 minute' AS checking
                     FROM login_failure
                    WHERE email_key = $1 AND at > now() - make_interval(mins => $4)) f`,
          [emailKey, ip, THROTTLE.addressWindowMin, THROTTLE.accountWindowMin],
        );
        if (
          c.by_address - c.by_address_checking >= THROTTLE.perAddress ||
          c.by_account - c.by_account_checking >= THROTTLE.perAccount
        ) {
          return 'throttled';
        }
        if (c.by_address >= THROTTLE.perAddress || c.by_account >= THROTTLE.perAccount) {
          return 'wait';
        }
        const [row] = await m.query(
          `INSERT INTO login_failure (email_key, ip, pending) VALUES ($1, $2, true) RETURNING id`,
          [emailKey, ip],
        );
        return String(row.id);
      });
      if (outcome === 'throttled') return null;
      if (outcome !== 'wait') return outcome;
      if (Date.now() >= giveUpAt) return null;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 40));
    }
  }
}
