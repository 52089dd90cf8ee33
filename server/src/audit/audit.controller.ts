import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, AuditWarnings, Page } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ListRecords } from '../records';
import { AuditEventResponse, AuditWarningsResponse } from './audit-event.response';
import { AuditService, DENIED_BURST_THRESHOLD, DENIED_BURST_WINDOW_MINUTES } from './audit.service';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ListRecords(AuditEventResponse, 'The audit trail, newest first (supervisors: their team)', {
    roles: ['supervisor', 'admin'],
    errors: [404],
  })
  list(@CurrentUser() user: AuthUser, @Query() q: ListAuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list(user, q);
  }

  @Get('warnings')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary: `Users with ${DENIED_BURST_THRESHOLD} or more requests for other teams' records (access_denied) in the last ${DENIED_BURST_WINDOW_MINUTES} minutes`,
  })
  @ApiOkResponse({ type: AuditWarningsResponse })
  warnings(@CurrentUser() user: AuthUser): Promise<AuditWarnings> {
    return this.audit.warnings(user);
  }
}
