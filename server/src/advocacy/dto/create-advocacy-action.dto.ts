import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type AdvocacyStatus,
  type CreateAdvocacyActionRequest,
} from '@peerpath/shared';
import { ClientIdField, DateField, EnumField, TextField, UuidField } from '../../common/validation';

export class CreateAdvocacyActionDto implements CreateAdvocacyActionRequest {
  @ClientIdField()
  id?: string;

  @UuidField({
    presence: 'nullable',
    description:
      'Required (a participant of your team) when `level` is `individual`; left out or null when `level` is `systemic` (400 otherwise)',
  })
  participantId?: string | null;

  @EnumField(ADVOCACY_LEVELS)
  level: AdvocacyLevel;

  @EnumField(ADVOCACY_CATEGORIES)
  category: AdvocacyCategory;

  @TextField({ max: 200, example: 'Appeal the housing benefit decision' })
  title: string;

  @TextField({ max: 4000, presence: 'nullable' })
  description?: string | null;

  @EnumField(ADVOCACY_STATUSES, { presence: 'optional', description: '`open` by default' })
  status?: AdvocacyStatus;

  @TextField({ max: 4000, presence: 'nullable', description: 'What came of it' })
  outcome?: string | null;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  openedOn?: string;

  @DateField({ presence: 'nullable', description: 'Not before `openedOn`' })
  dueOn?: string | null;

  @DateField({
    presence: 'nullable',
    description:
      'Only while `done`; today by default when the action becomes `done`; not before `openedOn`',
  })
  completedOn?: string | null;

  @UuidField({
    presence: 'optional',
    description: 'The caller by default; a worker may name only themself',
  })
  workerId?: string;

  @UuidField({
    presence: 'optional',
    description:
      'Admins only, for systemic advocacy (otherwise the participant’s or caller’s team)',
  })
  teamId?: string;
}
