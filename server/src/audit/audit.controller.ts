import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEvent, Page } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors, PageOf } from '../common/api-docs';
import { AuditEventResponse } from './audit-event.response';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ roles: ['supervisor', 'admin'] })
  @ApiOperation({ summary: 'The audit trail, newest first (supervisors: their team)' })
  @ApiOkResponse({ type: PageOf(AuditEventResponse) })
  @ApiErrors(404)
  list(@CurrentUser() user: AuthUser, @Query() q: ListAuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list(user, q);
  }
}
