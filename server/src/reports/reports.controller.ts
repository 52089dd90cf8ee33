import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActivitySummary, CaseloadReport } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import { ActivitySummaryResponse, CaseloadReportResponse } from './report.response';
import { ActivityExportQueryDto, ActivityReportQueryDto } from './dto/activity.query';
import { CaseloadQueryDto } from './dto/caseload.query';
import { ReportsService } from './reports.service';
import { attachment } from '../common/attachment';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('caseload')
  @Authenticated()
  @ApiOperation({
    summary:
      'Caseload of each active worker and supervisor over the 30 days ending on `asOf` (workers: their own row; admins name `teamId`)',
  })
  @ApiOkResponse({ type: CaseloadReportResponse })
  @ApiErrors(404)
  caseload(@CurrentUser() user: AuthUser, @Query() q: CaseloadQueryDto): Promise<CaseloadReport> {
    return this.reports.caseload(user, q);
  }

  @Get('activity')
  @Authenticated({ roles: ['supervisor', 'admin'] })
  @ApiOperation({
    summary:
      'Activity summary of a period (default: the current month; supervisors: their team; admins: a team or the whole organisation)',
  })
  @ApiOkResponse({ type: ActivitySummaryResponse })
  @ApiErrors(404)
  activity(
    @CurrentUser() user: AuthUser,
    @Query() q: ActivityReportQueryDto,
  ): Promise<ActivitySummary> {
    return this.reports.activity(user, q);
  }

  @Get('activity/export')
  @Authenticated({ roles: ['supervisor', 'admin'] })
  @ApiOperation({
    summary:
      'Funder export of the activity summary: de-identified, small counts suppressed, as CSV, XLSX or PDF (audited); the PDF adds the outcome rows. ' +
      'Under EXPORT_PROTECTION=perturb (the default) every count shown is perturbed by the cell key method (SPEC §14), so breakdowns need not add up; the file states the protection it used. ' +
      'With `internal=true`: the internal export for the team’s supervisors and admins, every count as it is, still de-identified, marked "not for funders" (audited as `export` with `internal: true`)',
  })
  @ApiOkResponse({
    description: 'The export file (attachment), in the asked format',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(404)
  async exportActivity(
    @CurrentUser() user: AuthUser,
    @Query() q: ActivityExportQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.reports.exportActivity(user, q);
    return attachment(file.body, file.contentType, file.filename);
  }
}
