import {
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  type CreateHandoutRequest,
  type HandoutMethod,
  type HandoutOutcome,
} from '@peerpath/shared';
import { ClientIdField, DateField, EnumField, TextField, UuidField } from '../../common/validation';

export class CreateHandoutDto implements CreateHandoutRequest {
  @ClientIdField()
  id?: string;

  @UuidField()
  participantId: string;

  @UuidField({ description: 'An active resource of the directory' })
  resourceId: string;

  @EnumField(HANDOUT_METHODS)
  method: HandoutMethod;

  @TextField({ max: 2000, presence: 'nullable' })
  note?: string | null;

  @DateField({ presence: 'optional', description: 'Today (ORG_TIMEZONE) by default' })
  givenOn?: string;

  @DateField({
    presence: 'nullable',
    description: 'When to check whether it worked out; not before `givenOn`',
  })
  followUpOn?: string | null;

  @EnumField(HANDOUT_OUTCOMES, { presence: 'optional', description: '`pending` by default' })
  outcome?: HandoutOutcome;

  @DateField({
    presence: 'nullable',
    description: 'Only with an outcome other than pending; today by default; not before `givenOn`',
  })
  outcomeOn?: string | null;

  @UuidField({
    presence: 'optional',
    description: 'The caller by default; a worker may name only themself',
  })
  workerId?: string;
}
