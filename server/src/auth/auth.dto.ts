import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { EmailField } from '../common/validation';

export class LoginDto {
  @EmailField({ example: 'alex.worker@northside.example' })
  email: string;

  @ApiProperty({ type: String, format: 'password' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ type: String, format: 'password' })
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ type: String, format: 'password', minLength: 12, maxLength: 128 })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}
