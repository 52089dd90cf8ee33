import { Body, Controller, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Team } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { CreateRecord, ListRecords, RecordId } from '../records';
import { ApiErrors } from '../common/api-docs';
import { TeamResponse } from './team.response';
import { PageQuery } from '../common/validation';
import { CreateTeamDto } from './dto/create-team.dto';
import { UpdateTeamDto } from './dto/update-team.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @ListRecords(TeamResponse, 'Teams (admins: all; others: their own)')
  list(@CurrentUser() user: AuthUser, @Query() q: PageQuery): Promise<Page<Team>> {
    return this.teams.list(user, q);
  }

  @CreateRecord(TeamResponse, 'a team', {
    roles: ['admin'],
    errors: [409],
    summary: 'Create a team',
    retry: false,
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.teams.create(user, dto);
  }

  @Patch(':id')
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Change a team’s settings (admin): the outcome measures it takes and its default note format',
  })
  @ApiOkResponse({ type: TeamResponse, description: 'The team with its settings' })
  @ApiErrors(400, 404)
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<Team> {
    return this.teams.update(user, id, dto);
  }
}
