import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Team } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { PageQuery } from '../common/validation';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Teams (admins: all; others: their own)' })
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<Team>> {
    return this.teams.list(user, q);
  }

  @Post()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Create a team' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.teams.create(user, dto);
  }
}
