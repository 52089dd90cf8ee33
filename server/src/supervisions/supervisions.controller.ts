import { Body, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LastSupervision, Page, Supervision } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, CreateRecord, ListRecords, ReadRecord, RecordId } from '../records';
import {
  CreateSupervisionDto,
  LastSupervisionQuery,
  ListSupervisionsQuery,
  UpdateSupervisionDto,
} from './dto/supervision.dto';
import { LastSupervisionResponse, SupervisionResponse } from './supervision.response';
import { SupervisionsService } from './supervisions.service';

@ApiTags('supervision')
@Controller('supervisions')
export class SupervisionsController {
  constructor(private readonly supervisions: SupervisionsService) {}

  @ListRecords(
    SupervisionResponse,
    'Supervision records, newest first: a worker’s own; a supervisor’s team; an admin’s every team',
    { errors: [404] },
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListSupervisionsQuery,
  ): Promise<Page<Supervision>> {
    return this.supervisions.list(user, q);
  }

  // Before `:id`, so `last` is not read as an id.
  @Get('last')
  @Authenticated()
  @ApiOperation({
    summary:
      'When each active worker of the team was last supervised: never first, then the longest ago (supervisors and admins)',
  })
  @ApiOkResponse({ type: LastSupervisionResponse, isArray: true })
  @ApiErrors(404)
  last(
    @CurrentUser() user: AuthUser,
    @Query() q: LastSupervisionQuery,
  ): Promise<LastSupervision[]> {
    return this.supervisions.last(user, q);
  }

  @CreateRecord(SupervisionResponse, 'a supervision', {
    errors: [409],
    summary:
      'Record supervision of a worker of the team (supervisors; 201, a safe retry with the same id returns it, 200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSupervisionDto) {
    return this.supervisions.create(user, dto);
  }

  @ReadRecord(SupervisionResponse, 'One supervision record (a worker: their own)')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Supervision> {
    return this.supervisions.get(user, id);
  }

  @ChangeRecord(
    SupervisionResponse,
    'Change a supervision record (supervisors of the team); `version` must be the one last read (409 if stale)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateSupervisionDto,
  ): Promise<Supervision> {
    return this.supervisions.update(user, id, dto);
  }
}
