import type { ChangePasswordRequest, LoginRequest } from '@peerpath/shared';
import { EmailField, PasswordField } from '../common/validation';

export class LoginDto implements LoginRequest {
  @EmailField({ example: 'alex.worker@northside.example' })
  email: string;

  @PasswordField()
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @PasswordField()
  currentPassword: string;

  @PasswordField({ chosen: true })
  newPassword: string;
}
