import { HANDOUT_OUTCOMES, type HandoutOutcome } from '@peerpath/shared';
import { EnumField, PageQuery, QueryBool, UuidField } from '../../common/validation';

export class ListHandoutsQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @EnumField(HANDOUT_OUTCOMES, { presence: 'nullable' })
  outcome?: HandoutOutcome;

  @UuidField({ presence: 'nullable' })
  workerId?: string;

  @UuidField({ presence: 'nullable' })
  resourceId?: string;

  @QueryBool(
    'true: follow-ups due (still open, followUpOn today or earlier), soonest first; false: everything else',
  )
  followUpDue?: boolean;

  @QueryBool('true: open referrals only (pending, contacted, scheduled); false: closed ones only')
  open?: boolean;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}
