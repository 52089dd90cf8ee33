import { Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EXPORT_FORMATS,
  INSTRUMENT_KEYS,
  type ExportFormat,
  type InstrumentKey,
  type OutcomesReport,
} from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import { EnumField } from '../common/validation';
import { OutcomesReportResponse } from '../measures/measures.response';
import { ActivityReportQueryDto } from './dto/activity.query';
import { OutcomesService } from './outcomes';
import { attachment } from '../common/attachment';
import { ReportExport, ReportRoute } from './routes';

export class OutcomesQueryDto extends ActivityReportQueryDto {
  @EnumField(INSTRUMENT_KEYS, {
    presence: 'nullable',
    description: 'One instrument (default: all)',
  })
  instrument?: InstrumentKey;
}

export class OutcomesExportQueryDto extends OutcomesQueryDto {
  @EnumField(EXPORT_FORMATS, { presence: 'nullable', description: 'csv by default' })
  format?: ExportFormat;
}

@ApiTags('reports')
@Controller('reports/outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @ReportRoute(
    '',
    OutcomesReportResponse,
    'Outcomes of a period per instrument: people whose latest measure falls in it and is not their baseline, mean baseline, latest and change, improved and worsened (5 points or more)',
  )
  report(@CurrentUser() user: AuthUser, @Query() q: OutcomesQueryDto): Promise<OutcomesReport> {
    return this.outcomes.report(user, q);
  }

  @ReportExport(
    'export',
    'Funder export of the outcomes: small counts suppressed (n below the threshold hides every figure of its instrument), as CSV, XLSX or PDF (audited); ' +
      'under EXPORT_PROTECTION=perturb (the default) n, improved and worsened are perturbed by the cell key method (SPEC §14)',
  )
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: OutcomesExportQueryDto,
  ): Promise<StreamableFile> {
    const file = await this.outcomes.export(user, q);
    return attachment(file.body, file.contentType, file.filename);
  }
}
