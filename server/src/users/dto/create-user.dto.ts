import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type CreateUserRequest,
  type Role,
} from '@peerpath/shared';
import {
  BoolField,
  DateField,
  EmailField,
  EnumField,
  TextField,
  UuidField,
} from '../../common/validation';

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

  @ApiProperty({
    type: String,
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(1024)
  password: string;

  @BoolField({
    presence: 'optional',
    description: 'true: the user must change this password at their next sign-in',
  })
  temporaryPassword?: boolean;

  @BoolField({
    presence: 'optional',
    description: 'true: the notes this user signs wait for a supervisor’s co-signature (SPEC §8)',
  })
  cosignRequired?: boolean;

  @TextField({
    max: 120,
    presence: 'nullable',
    description: 'A peer credential such as “Certified Peer Recovery Specialist” (SPEC §11)',
  })
  credential?: string | null;

  @DateField({
    presence: 'nullable',
    description: 'The last day the credential is valid (needs a credential)',
  })
  credentialExpiresOn?: string | null;
}
