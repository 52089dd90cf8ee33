import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role, type UpdateUserRequest } from '@peerpath/shared';
import { BoolField, DateField, EnumField, TextField, UuidField } from '../../common/validation';

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

  @ApiPropertyOptional({ type: String, format: 'password' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(1024)
  password?: string;

  @BoolField({
    presence: 'optional',
    description: 'With `password`: true makes it temporary (changed at the next sign-in)',
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
