import { DECIDED_BY, type DecidedBy } from '@peerpath/shared';
import { EnumField, PageQuery, UuidField } from '../../common/validation';

export class ListDecisionNotesQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @UuidField({ presence: 'nullable' })
  workerId?: string;

  @EnumField(DECIDED_BY, { presence: 'nullable' })
  decidedBy?: DecidedBy;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}
