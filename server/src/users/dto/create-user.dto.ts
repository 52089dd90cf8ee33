import { ROLES, type CreateUserRequest, type Role } from '@peerpath/shared';
import {
  BoolField,
  EmailField,
  EnumField,
  PasswordField,
  TextField,
  UuidField,
} from '../../common/validation';
import { UserField } from './user-fields';

export class CreateUserDto implements CreateUserRequest {
  @EmailField()
  email: string;

  @TextField({ max: 120 })
  displayName: string;

  @EnumField(ROLES)
  role: Role;

  @UuidField({
    presence: 'nullable',
    description: 'Required for workers and supervisors; null for admins',
  })
  teamId?: string | null;

  @PasswordField({ chosen: true })
  password: string;

  @BoolField({
    presence: 'optional',
    description: 'true: the user must change this password at their next sign-in',
  })
  temporaryPassword?: boolean;

  @UserField.cosignRequired()
  cosignRequired?: boolean;

  @UserField.credential()
  credential?: string | null;

  @UserField.credentialExpiresOn()
  credentialExpiresOn?: string | null;
}
