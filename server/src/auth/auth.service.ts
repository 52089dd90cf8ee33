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

    if (await this.isThrottled(emailKey, ip)) {
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        teamId: user?.teamId ?? null,
        details: { reason: 'throttled', ip },
      });
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
      await this.db.query(`INSERT INTO login_failure (email_key, ip) VALUES ($1, $2)`, [
        emailKey,
        ip,
      ]);
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        teamId: user?.teamId ?? null,
        details: { reason: user && ok ? 'deactivated' : 'bad_credentials', ip },
      });
      if (Math.random() < 0.01) {
        await this.db.query(`DELETE FROM login_failure WHERE at < now() - interval '1 day'`);
      }
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }

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

  /** Trades a refresh token for a new access token and a new refresh token (rotation). */
  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    if (!refreshToken) throw new UnauthorizedException('Please sign in');
    const next = randomBytes(32).toString('base64url');
    const rows: { id: string; user_id: string }[] = await this.db.query(
      `UPDATE auth_session s
          SET token_hash = $2, last_used_at = now()
         FROM app_user u
        WHERE s.token_hash = $1
          AND u.id = s.user_id AND u.active
          AND s.revoked_at IS NULL
          AND s.last_used_at > now() - make_interval(mins => $3)
          AND s.created_at > now() - make_interval(hours => $4)
        RETURNING s.id, s.user_id`,
      [sha256(refreshToken), sha256(next), IDLE_LIMIT_MINUTES, ABSOLUTE_LIMIT_HOURS],
    );
    // pg returns [rows, count] for UPDATE … RETURNING through TypeORM.
    const row = (Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows)[0];
    if (!row) throw new UnauthorizedException('Your session has ended; please sign in again');
    const user = await this.db
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id: row.user_id } });
    return { ...this.issue(user, row.id), refreshToken: next };
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

  private async isThrottled(emailKey: string, ip: string): Promise<boolean> {
    const [counts] = await this.db.query(
      `SELECT count(*) FILTER (WHERE ip = $2 AND at > now() - make_interval(mins => $3))::int AS by_address,
              count(*)::int AS by_account
         FROM login_failure
        WHERE email_key = $1 AND at > now() - make_interval(mins => $4)`,
      [emailKey, ip, THROTTLE.addressWindowMin, THROTTLE.accountWindowMin],
    );
    return counts.by_address >= THROTTLE.perAddress || counts.by_account >= THROTTLE.perAccount;
  }
}
