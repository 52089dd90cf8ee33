import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@peerpath/shared';

export const IS_PUBLIC = 'peerpath:public';
export const ROLES_KEY = 'peerpath:roles';

/** The caller of a request, loaded fresh from the database by the JWT guard. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  sessionId: string;
  /** A temporary password is in use: only the password change and sign-out are open. */
  mustChangePassword?: boolean;
}

export const PASSWORD_CHANGE_ROUTE = 'peerpath:password-change';

/** Open to a user whose temporary password must be changed first (the change itself). */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_ROUTE, true);

/** Opts a route out of the global authentication guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Requires a signed-in caller, and one of `roles` when given. */
export function Authenticated(options: { roles?: Role[] } = {}) {
  const decorators = [
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
  ];
  if (options.roles) {
    decorators.push(
      SetMetadata(ROLES_KEY, options.roles),
      ApiForbiddenResponse({ description: `Only for: ${options.roles.join(', ')}` }),
    );
  }
  return applyDecorators(...decorators);
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
