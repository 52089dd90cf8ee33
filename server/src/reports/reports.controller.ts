import { Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActivitySummary, CaseloadReport } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ActivitySummaryResponse, CaseloadReportResponse } from './report.response';
import { ActivityExportQueryDto, ActivityReportQueryDto } from './dto/activity.query';
import { CaseloadQueryDto } from './dto/caseload.query';
import { ReportsService } from './reports.service';
import { attachment } from '../common/attachment';
import { ReportExport, ReportRoute } from './routes';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ReportRoute(
    'caseload',
    CaseloadReportResponse,
    'Caseload of each active worker and supervisor over the 30 days ending on `asOf` (workers: their own row; admins name `teamId`)',
    { everyone: true },
  )
  caseload(@CurrentUser() user: AuthUser, @Query() q: CaseloadQueryDto): Promise<CaseloadReport> {
    return this.reports.caseload(user, q);
  }

  @ReportRoute(
    'activity',
    ActivitySummaryResponse,
    'Activity summary of a period (default: the current month; supervisors: their team; admins: a team or the whole organisation)',
  )
  activity(
    @CurrentUser() user: AuthUser,
    @Query() q: ActivityReportQueryDto,
  ): Promise<ActivitySummary> {
    return this.reports.activity(user, q);
  }

  @ReportExport(
    'activity/export',
    'Funder export of the activity summary: de-identified, small counts suppressed, as CSV, XLSX or PDF (audited); the PDF adds the outcome rows. ' +
      'Under EXPORT_PROTECTION=perturb (the default) every count shown is perturbed by the cell key method (SPEC §14), so breakdowns need not add up; the file states the protection it used. ' +
      'With `internal=true`: the internal export for the team’s supervisors and admins, every count as it is, still de-identified, marked "not for funders" (audited as `export` with `internal: true`)',
  )
  async exportActivity(
    @CurrentUser() user: AuthUser,
    @Query() q: ActivityExportQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.reports.exportActivity(user, q);
    return attachment(file.body, file.contentType, file.filename);
  }
}
