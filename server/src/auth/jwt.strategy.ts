import { createSecretKey } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Role } from '@peerpath/shared';
import type { AuthUser } from '../common/auth.decorators';
import { BatchedLookup } from '../common/batched';
import { preparedQuery } from '../common/prepared';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';

export const JWT_ISSUER = 'peerpath';
export const JWT_AUDIENCE = 'peerpath-api';
/** Verified tokens remembered at most (the least recently used goes first). */
const MAX_VERIFIED = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: Role;
}

/**
 * HS256 only, issuer and audience checked, `exp`/`nbf` enforced by passport-jwt.
 * The user and the sign-in session are read on every request, so a deactivated
 * user or a revoked session is refused at once (the lookups of requests that
 * arrive together are one query, which starts after all of them did).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken would first try (and fail) to
      // parse it as a PEM public key on every request, an eighth of the CPU of a cheap request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /**
   * Access tokens that verified, by their Authorization header, until they
   * expire: verifying the same text with the same key gives the same answer,
   * so a repeat is not verified again (JwtAuthGuard); its user and sign-in
   * session are still read as for any request.
   */
  private readonly verified = new LRUCache<string, AccessTokenPayload & { exp: number }>({
    max: MAX_VERIFIED,
  });

  private readonly users = new BatchedLookup<string, Omit<AuthUser, 'sessionId'>>(async (keys) => {
    const rows = await preparedQuery<{
      key: string;
      id: string;
      email: string;
      display_name: string;
      role: Role;
      team_id: string | null;
      must_change_password: boolean;
    }>(
      this.db,
      `SELECT k.user_id || ' ' || k.session_id AS key,
                u.id, u.email, u.display_name, u.role, u.team_id, u.must_change_password
           FROM unnest($1::uuid[], $2::uuid[]) AS k (user_id, session_id)
           JOIN auth_session s ON s.id = k.session_id AND s.user_id = k.user_id
           JOIN app_user u ON u.id = k.user_id
          WHERE u.active AND s.revoked_at IS NULL`,
      [keys.map((k) => k.split(' ')[0]), keys.map((k) => k.split(' ')[1])],
    );
    return new Map(
      rows.map((u) => [
        u.key,
        {
          id: u.id,
          email: u.email,
          displayName: u.display_name,
          role: u.role,
          teamId: u.team_id,
          ...(u.must_change_password && { mustChangePassword: true }),
        },
      ]),
    );
  });

  async validate(
    req: { headers: Record<string, unknown> },
    payload: AccessTokenPayload & { exp?: number },
  ): Promise<AuthUser> {
    const user = await this.userOf(payload);
    const header = req.headers.authorization;
    if (typeof header === 'string' && typeof payload.exp === 'number') {
      this.verified.set(header, { ...payload, exp: payload.exp });
    }
    return user;
  }

  /** The payload of `header` when it verified before and has not expired since. */
  verifiedPayload(header: unknown): AccessTokenPayload | undefined {
    if (typeof header !== 'string') return undefined;
    const payload = this.verified.get(header);
    if (!payload) return undefined;
    // As jsonwebtoken: expired once the current second reaches `exp`.
    if (Math.floor(Date.now() / 1000) >= payload.exp) {
      this.verified.delete(header);
      return undefined;
    }
    return payload;
  }

  /** The active user of a verified token whose sign-in session is still open; 401 otherwise. */
  async userOf(payload: AccessTokenPayload): Promise<AuthUser> {
    if (!UUID.test(String(payload?.sub)) || !UUID.test(String(payload?.sid))) {
      throw new UnauthorizedException();
    }
    // Lower case, as PostgreSQL writes a uuid as text.
    const u = await this.users.load(`${payload.sub} ${payload.sid}`.toLowerCase());
    if (!u) throw new UnauthorizedException('Your session has ended; please sign in again');
    return { ...u, sessionId: payload.sid };
  }
}
