import { ROLES, type LoginResponse, type Role, type User } from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

@RecordStamps()
export class UserResponse implements User {
  @Out.uuid()
  id: string;

  @Out.email()
  email: string;

  @Out.text()
  displayName: string;

  @Out.enum(ROLES)
  role: Role;

  @Out.uuid({ nullable: true, description: 'null for admins' })
  teamId: string | null;

  @Out.bool({ description: 'false: deactivated, cannot sign in' })
  active: boolean;

  @Out.bool({ description: 'true: the notes this user signs wait for a supervisor’s co-signature' })
  cosignRequired: boolean;

  @Out.text({
    nullable: true,
    description: 'A peer credential such as “Certified Peer Recovery Specialist”; null when none',
  })
  credential: string | null;

  @Out.date({
    nullable: true,
    description:
      'The last day the credential is valid; null when it does not expire or there is none',
  })
  credentialExpiresOn: string | null;

  createdAt: string;
  updatedAt: string;
}

export class LoginResponseBody implements LoginResponse {
  @Out.text({ description: 'An HS256 JWT: send it as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @Out.int({ minimum: 1, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @Out.object(() => UserResponse)
  user: UserResponse;

  @Out.bool({
    optional: true,
    description:
      'Present (true) when the password is a temporary one an admin set: every endpoint but `POST /api/auth/password` and sign-out answers 403 until it is changed',
  })
  mustChangePassword?: true;
}
