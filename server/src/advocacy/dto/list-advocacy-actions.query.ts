import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type AdvocacyStatus,
} from '@peerpath/shared';
import { EnumField, PageQuery, QueryBool, UuidField } from '../../common/validation';

export class ListAdvocacyActionsQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @EnumField(ADVOCACY_STATUSES, { presence: 'nullable' })
  status?: AdvocacyStatus;

  @UuidField({ presence: 'nullable' })
  workerId?: string;

  @EnumField(ADVOCACY_LEVELS, { presence: 'nullable' })
  level?: AdvocacyLevel;

  @EnumField(ADVOCACY_CATEGORIES, { presence: 'nullable' })
  category?: AdvocacyCategory;

  @QueryBool('true: open or in progress with `dueOn` before today; false: everything else')
  overdue?: boolean;

  @UuidField({ presence: 'nullable', description: 'Admins: one team (others: their own only)' })
  teamId?: string;
}
