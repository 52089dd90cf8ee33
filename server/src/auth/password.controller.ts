import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs';
import {
  AllowedBeforePasswordChange,
  Authenticated,
  CurrentUser,
  type AuthUser,
} from '../common/auth.decorators';
import { ChangePasswordDto } from './auth.dto';
import { PasswordService } from './password.service';

@ApiTags('auth')
@Controller('auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @AllowedBeforePasswordChange()
  @ApiOperation({
    summary:
      'Change your own password; every other sign-in session of yours ends (open with a temporary password too)',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400)
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user, dto.currentPassword, dto.newPassword);
  }
}
