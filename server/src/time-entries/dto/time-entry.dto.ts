import { OmitType } from '@nestjs/swagger';
import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_MAX_MINUTES,
  type CreateTimeEntryRequest,
  type TimeEntryKind,
  type TimeEntryListQuery,
  type UpdateTimeEntryRequest,
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

export class CreateTimeEntryDto implements CreateTimeEntryRequest {
  @ClientIdField()
  id?: string;

  @UuidField({
    presence: 'optional',
    description:
      'The caller by default; a worker may name only themself, a supervisor a worker of the team',
  })
  workerId?: string;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  on?: string;

  @IntField({ min: 1, max: TIME_ENTRY_MAX_MINUTES, description: 'How long, in minutes' })
  minutes: number;

  @EnumField(TIME_ENTRY_KINDS)
  kind: TimeEntryKind;

  @TextField({ max: 2000, presence: 'nullable', example: 'Outreach at the Friday food bank' })
  note?: string | null;
}

export class UpdateTimeEntryDto
  extends PatchType(OmitType(CreateTimeEntryDto, ['id', 'workerId'] as const))
  implements UpdateTimeEntryRequest
{
  @VersionField()
  version: number;
}

export class ListTimeEntriesQuery extends PageQuery implements TimeEntryListQuery {
  @UuidField({
    presence: 'nullable',
    description: 'Workers: themself only (403 for a colleague); supervisors: a worker of the team',
  })
  workerId?: string;

  @EnumField(TIME_ENTRY_KINDS, { presence: 'nullable' })
  kind?: TimeEntryKind;

  @DateField({ presence: 'nullable', description: 'Entries on or after this day' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Entries on or before this day' })
  to?: string;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}
