import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ChangePasswordRequest,
  type LoginRequest,
} from '@peerpath/shared';
import { EmailField } from '../common/validation';

export class LoginDto implements LoginRequest {
  @EmailField({ example: 'alex.worker@northside.example' })
  email: string;

  @ApiProperty({ type: String, format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ type: String, format: 'password' })
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({
    type: String,
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}
