import type { CaseloadReportQuery } from '@peerpath/shared';
import { DateField, UuidField } from '../../common/validation';

export class CaseloadQueryDto implements CaseloadReportQuery {
  @DateField({
    presence: 'nullable',
    description: 'Last day of the 30-day window, in ORG_TIMEZONE (default: today)',
  })
  asOf?: string;

  @UuidField({
    presence: 'nullable',
    description:
      'Workers and supervisors: their own team (the default). Admins: required, the report covers one team',
  })
  teamId?: string;
}
