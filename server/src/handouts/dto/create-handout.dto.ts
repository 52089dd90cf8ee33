import {
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  type CreateHandoutRequest,
  type HandoutMethod,
  type HandoutOutcome,
} from '@peerpath/shared';
import { DateField, EnumField, TextField, UuidField } from '../../common/validation';

export class CreateHandoutDto implements CreateHandoutRequest {
  @UuidField({
    presence: 'optional',
    description: 'Client-chosen id: sending the same create again returns the stored record',
  })
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
