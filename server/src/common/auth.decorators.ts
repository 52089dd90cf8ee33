import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import type { Role } from '@peerpath/shared';
import { ApiErrorBody, ApiErrors, ERROR_DESCRIPTIONS } from './api-docs';

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
  // 403 on every route: a role not listed, a field the caller may not set, or a password to change first.
  const decorators = [
    ApiBearerAuth('bearer'),
    ApiErrors(401),
    ApiResponse({
      status: 403,
      type: ApiErrorBody,
      description: options.roles
        ? `Only for: ${options.roles.join(', ')}. ${ERROR_DESCRIPTIONS[403]}`
        : ERROR_DESCRIPTIONS[403],
    }),
  ];
  if (options.roles) decorators.push(SetMetadata(ROLES_KEY, options.roles));
  return applyDecorators(...decorators);
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
