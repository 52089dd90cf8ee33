import { applyDecorators, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Role } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated } from '../common/auth.decorators';

/** Who may read the reports that are not for workers. */
const SUPERVISORS: Role[] = ['supervisor', 'admin'];

/**
 * `GET path`: a report as JSON, with its OpenAPI (404 for a team that does not
 * exist). Supervisors and admins only, unless `everyone` may read it.
 */
export function ReportRoute(
  path: string,
  type: new () => object,
  summary: string,
  opts: { everyone?: boolean } = {},
) {
  return applyDecorators(
    Get(path),
    Authenticated({ roles: opts.everyone ? undefined : SUPERVISORS }),
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    ApiErrors(404),
  );
}

/** `GET path`: a funder export file as CSV, XLSX or PDF (supervisors and admins), with its OpenAPI. */
export function ReportExport(path: string, summary: string) {
  return applyDecorators(
    Get(path),
    Authenticated({ roles: SUPERVISORS }),
    ApiOperation({ summary }),
    ApiOkResponse({
      description: 'The export file (attachment), in the asked format',
      content: {
        'text/csv': { schema: { type: 'string' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string', format: 'binary' },
        },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
    }),
    ApiErrors(404),
  );
}
