import {
  HANDOUT_OUTCOMES,
  type ChangeHandoutStatusRequest,
  type HandoutOutcome,
} from '@peerpath/shared';
import { DateField, EnumField, TextField } from '../../common/validation';

/** What happened with a referral: one step of its history (SPEC §12). */
export class ChangeHandoutStatusDto implements ChangeHandoutStatusRequest {
  @EnumField(HANDOUT_OUTCOMES, {
    description:
      'The new status; connected, not_connected, declined, no_capacity and not_eligible close the referral',
  })
  status: HandoutOutcome;

  @DateField({
    presence: 'optional',
    description:
      'When it happened: today (ORG_TIMEZONE) by default; not before `givenOn`, not after today',
  })
  on?: string;

  @TextField({ max: 2000, presence: 'nullable', description: 'What happened, in a few words' })
  note?: string | null;

  @DateField({
    presence: 'nullable',
    description: 'Moves the next follow-up in the same step (null clears it); not before `givenOn`',
  })
  followUpOn?: string | null;
}
