import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdvocacyAction, Page } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, CreateRecord, ListRecords, ReadRecord, RecordId } from '../records';
import { AdvocacyActionResponse } from './advocacy-action.response';
import { AdvocacyService } from './advocacy.service';
import { CreateAdvocacyActionDto } from './dto/create-advocacy-action.dto';
import { ListAdvocacyActionsQuery } from './dto/list-advocacy-actions.query';
import { UpdateAdvocacyActionDto } from './dto/update-advocacy-action.dto';

@ApiTags('advocacy')
@Controller('advocacy-actions')
export class AdvocacyController {
  constructor(private readonly advocacy: AdvocacyService) {}

  @ListRecords(AdvocacyActionResponse, 'Advocacy actions of the caller’s team, newest first', {
    errors: [404],
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListAdvocacyActionsQuery,
  ): Promise<Page<AdvocacyAction>> {
    return this.advocacy.list(user, q);
  }

  @CreateRecord(AdvocacyActionResponse, 'an advocacy action', { errors: [404, 409] })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAdvocacyActionDto) {
    return this.advocacy.create(user, dto);
  }

  @ReadRecord(AdvocacyActionResponse, 'One advocacy action')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<AdvocacyAction> {
    return this.advocacy.get(user, id);
  }

  @ChangeRecord(
    AdvocacyActionResponse,
    'Change an advocacy action; `version` must be the one last read (409 if stale)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateAdvocacyActionDto,
  ): Promise<AdvocacyAction> {
    return this.advocacy.update(user, id, dto);
  }
}
