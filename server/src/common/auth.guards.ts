import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@peerpath/shared';
import { JwtStrategy } from '../auth/jwt.strategy';
import { IS_PUBLIC, PASSWORD_CHANGE_ROUTE, ROLES_KEY, type AuthUser } from './auth.decorators';

/**
 * Deny by default: every route needs a valid access token unless marked `@Public()`.
 * A token that verified before and has not expired skips passport's verification
 * of it; its user and sign-in session are checked as for any other.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: JwtStrategy,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, unknown>; user?: AuthUser }>();
    const payload = this.tokens.verifiedPayload(req.headers.authorization);
    let ok = true;
    if (payload) req.user = await this.tokens.userOf(payload);
    else ok = (await super.canActivate(context)) as boolean;
    if (ok && req.user?.mustChangePassword) this.requirePasswordChangeRoute(context);
    return ok;
  }

  /** With a temporary password, only the change itself (and sign-out, which is public) is open. */
  private requirePasswordChangeRoute(context: ExecutionContext): void {
    const allowed = this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) {
      throw new ForbiddenException(
        'Please choose a new password first: yours was set by an admin as a temporary one',
      );
    }
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenException('Your role does not allow this');
  }
}
