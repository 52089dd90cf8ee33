import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { NotInTeamException } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { AuditService } from './audit.service';

/**
 * The one place a refused request for another team's record is audited (SPEC
 * §3 `access_denied`). Every team check that answers the 404 of §1 throws a
 * NotInTeamException naming what was asked for; a request ends at its first,
 * so it is recorded once. The 404 goes out after the event is written, and is
 * the same whatever the event.
 */
@Injectable()
export class AccessDeniedInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (!(err instanceof NotInTeamException)) return throwError(() => err);
        const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
        if (!request.user) return throwError(() => err);
        const written = this.audit
          .recordDenied(request.user, err.entityType, err.entityId, {
            // The route, not the URL: a query string can carry names.
            route: `${request.method} ${request.routeOptions?.url ?? ''}`,
          })
          .catch((e: unknown) => {
            // The caller still gets their 404; the failure goes to the log.
            this.logger.error(`Could not record access_denied: ${String(e)}`);
          });
        return from(written).pipe(mergeMap(() => throwError(() => err)));
      }),
    );
  }
}
