import {
  EXPORT_FORMATS,
  type ActivityExportQuery,
  type ActivityReportQuery,
  type ExportFormat,
} from '@peerpath/shared';
import { DateField, EnumField, QueryBool, UuidField } from '../../common/validation';

export class ActivityReportQueryDto implements ActivityReportQuery {
  @DateField({
    presence: 'nullable',
    description: 'First day, inclusive, in ORG_TIMEZONE (default: first day of the current month)',
  })
  from?: string;

  @DateField({
    presence: 'nullable',
    description: 'Last day, inclusive, in ORG_TIMEZONE (default: last day of the current month)',
  })
  to?: string;

  @UuidField({
    presence: 'nullable',
    description:
      'Supervisors: their own team (the default). Admins: one team, or the whole organisation when left out',
  })
  teamId?: string;
}

export class ActivityExportQueryDto extends ActivityReportQueryDto implements ActivityExportQuery {
  @EnumField(EXPORT_FORMATS, { presence: 'nullable', description: 'csv by default' })
  format?: ExportFormat;

  @QueryBool(
    'true: the internal export — every count as it is (no small-cell suppression), still de-identified, ' +
      'marked "not for funders"; supervisors (their team) and admins only',
  )
  internal?: boolean;
}
