import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, Out } from '../common/api-docs';
import { Authenticated, CurrentUser, Public, type AuthUser } from '../common/auth.decorators';
import { CalendarService } from './calendar.service';

export class CalendarTokenResponse {
  @Out.text({
    description:
      'The secret address of the calendar feed, shown this once: anyone with it sees the day’s counts',
  })
  url: string;
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('users/me/calendar-token')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary:
      'Issue a new secret calendar address for the caller (the old one stops working); the address is returned once',
  })
  @ApiOkResponse({ type: CalendarTokenResponse })
  async issue(
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CalendarTokenResponse> {
    const token = await this.calendar.issue(user);
    return { url: `${req.protocol}://${req.host}/api/calendar/${token}.ics` };
  }

  @Get('calendar/:file')
  @Public()
  @ApiOperation({
    summary:
      'The calendar feed (iCalendar, no sign-in: the address is the secret): the next 14 days of the agenda as counts, no names',
  })
  @ApiOkResponse({
    description: 'An iCalendar file of all-day events',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  async feed(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const ics = await this.calendar.feed(file.replace(/\.ics$/, ''), req.hostname);
    void reply.type('text/calendar; charset=utf-8');
    return ics;
  }
}
