import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Agenda } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { AgendaResponse } from './agenda.response';
import { AgendaService } from './agenda.service';
import { AgendaQueryDto } from './dto/agenda.query';

@ApiTags('agenda')
@Controller('agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'The worker’s day: everything due on or before `date`, oldest first (the caller’s own; a supervisor may name a worker of the team with `workerId`)',
  })
  @ApiOkResponse({ type: AgendaResponse })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Query() q: AgendaQueryDto): Promise<Agenda> {
    return this.agenda.forDay(user, q);
  }
}
