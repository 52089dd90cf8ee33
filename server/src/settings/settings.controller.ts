import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ORG_LOCALES, type PublicSettings } from '@peerpath/shared';
import { Public } from '../common/auth.decorators';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';

/** What the web client needs before anyone signs in: the locale dates are typed and shown in. */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'What the web client needs before sign-in: the locale (no sign-in)' })
  @ApiOkResponse({
    description: "The organisation's locale (`ORG_LOCALE`) for entering and showing dates",
    schema: {
      type: 'object',
      required: ['locale'],
      additionalProperties: false,
      properties: { locale: { type: 'string', enum: [...ORG_LOCALES] } },
    },
  })
  get(): PublicSettings {
    return { locale: this.config.orgLocale };
  }
}
