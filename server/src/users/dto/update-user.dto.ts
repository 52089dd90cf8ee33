import { ROLES, type Role, type UpdateUserRequest } from '@peerpath/shared';
import { BoolField, EnumField, PasswordField, TextField, UuidField } from '../../common/validation';
import { UserField } from './user-fields';

export class UpdateUserDto implements UpdateUserRequest {
  @TextField({ max: 120, presence: 'optional' })
  displayName?: string;

  @EnumField(ROLES, { presence: 'optional' })
  role?: Role;

  @UuidField({ presence: 'nullable' })
  teamId?: string | null;

  @BoolField({
    presence: 'optional',
    description: 'false deactivates: the user is signed out at once',
  })
  active?: boolean;

  @PasswordField({ presence: 'optional' })
  password?: string;

  @BoolField({
    presence: 'optional',
    description: 'With `password`: true makes it temporary (changed at the next sign-in)',
  })
  temporaryPassword?: boolean;

  @UserField.cosignRequired()
  cosignRequired?: boolean;

  @UserField.credential()
  credential?: string | null;

  @UserField.credentialExpiresOn()
  credentialExpiresOn?: string | null;
}
