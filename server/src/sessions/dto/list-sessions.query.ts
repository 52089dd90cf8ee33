import { SESSION_TYPES, type SessionType } from '@peerpath/shared';
import { DateField, EnumField, PageQuery, QueryBool, UuidField } from '../../common/validation';

export class ListSessionsQuery extends PageQuery {
  @DateField({ presence: 'nullable', description: 'Inclusive, in ORG_TIMEZONE' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Inclusive, in ORG_TIMEZONE; not before `from`' })
  to?: string;

  @UuidField({ presence: 'nullable', description: 'Sessions with an attendance row for them' })
  participantId?: string;

  @UuidField({ presence: 'nullable' })
  facilitatorId?: string;

  @EnumField(SESSION_TYPES, { presence: 'nullable' })
  type?: SessionType;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others see only their own)' })
  teamId?: string;

  @QueryBool('Supervisors and admins: include voided sessions (a worker asking is refused, 403)')
  includeVoided?: boolean;

  @QueryBool(
    'true: sessions with someone who attended and has no signed or co-signed note yet (the notes still to write or sign); false: every attendee’s note is signed',
  )
  notesToSign?: boolean;
}
