import { OmitType } from '@nestjs/swagger';
import {
  SUPERVISION_FORMATS,
  SUPERVISION_MAX_MINUTES,
  type CreateSupervisionRequest,
  type SupervisionFormat,
  type SupervisionListQuery,
  type UpdateSupervisionRequest,
} from '@peerpath/shared';
import {
  ClientIdField,
  DateField,
  EnumField,
  IntField,
  PageQuery,
  PatchType,
  TextField,
  UuidField,
  VersionField,
} from '../../common/validation';

export class CreateSupervisionDto implements CreateSupervisionRequest {
  @ClientIdField()
  id?: string;

  @UuidField({ description: 'The worker supervised: an active member of the supervisor’s team' })
  workerId: string;

  @UuidField({
    presence: 'optional',
    description: 'The caller by default; else an active supervisor of the team',
  })
  supervisorId?: string;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  on?: string;

  @IntField({ min: 1, max: SUPERVISION_MAX_MINUTES, description: 'How long, in minutes' })
  minutes: number;

  @EnumField(SUPERVISION_FORMATS)
  format: SupervisionFormat;

  @TextField({
    max: 4000,
    presence: 'nullable',
    example: 'Celebrating Sam’s first month back at work; pacing outreach in the cold',
  })
  topics?: string | null;

  @TextField({ max: 4000, presence: 'nullable', example: 'Book the boundaries refresher' })
  actionItems?: string | null;
}

export class UpdateSupervisionDto
  extends PatchType(OmitType(CreateSupervisionDto, ['id', 'workerId', 'supervisorId'] as const))
  implements UpdateSupervisionRequest
{
  @VersionField()
  version: number;
}

export class ListSupervisionsQuery extends PageQuery implements SupervisionListQuery {
  @UuidField({
    presence: 'nullable',
    description: 'Workers: themself only (403 for a colleague); supervisors: a member of the team',
  })
  workerId?: string;

  @UuidField({ presence: 'nullable', description: 'Supervisions held by this supervisor' })
  supervisorId?: string;

  @DateField({ presence: 'nullable', description: 'Supervisions on or after this day' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Supervisions on or before this day' })
  to?: string;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}

export class LastSupervisionQuery {
  @UuidField({
    presence: 'nullable',
    description: 'The team (supervisors: their own, the default; admins: required)',
  })
  teamId?: string;
}
