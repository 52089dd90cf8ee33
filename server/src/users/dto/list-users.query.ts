import { ROLES, type Role } from '@peerpath/shared';
import { EnumField, PageQuery, QueryBool, UuidField } from '../../common/validation';

export class ListUsersQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  teamId?: string;

  @EnumField(ROLES, { presence: 'nullable' })
  role?: Role;

  @QueryBool('Only active (true) or only deactivated (false) users')
  active?: boolean;
}
