import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AdvocacyAction, Page } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors } from '../common/api-docs';
import {
  answerCreate,
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordId,
} from '../records';
import { AdvocacyActionResponse } from './advocacy-action.response';
import { AdvocacyService } from './advocacy.service';
import { CreateAdvocacyActionDto } from './dto/create-advocacy-action.dto';
import { ListAdvocacyActionsQuery } from './dto/list-advocacy-actions.query';
import { UpdateAdvocacyActionDto } from './dto/update-advocacy-action.dto';

@ApiTags('advocacy')
@Controller('advocacy-actions')
export class AdvocacyController {
  constructor(private readonly advocacy: AdvocacyService) {}

  @ListRecords(AdvocacyActionResponse, 'Advocacy actions of the caller’s team, newest first')
  @Authenticated()
  @ApiErrors(404)
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListAdvocacyActionsQuery,
  ): Promise<Page<AdvocacyAction>> {
    return this.advocacy.list(user, q);
  }

  @Post()
  @Authenticated()
  @CreateRecord(AdvocacyActionResponse, 'an advocacy action')
  @ApiErrors(404, 409)
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateAdvocacyActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AdvocacyAction> {
    return answerCreate(reply, await this.advocacy.create(user, dto));
  }

  @ReadRecord(AdvocacyActionResponse, 'One advocacy action')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<AdvocacyAction> {
    return this.advocacy.get(user, id);
  }

  @ChangeRecord(
    AdvocacyActionResponse,
    'Change an advocacy action; `version` must be the one last read (409 if stale)',
  )
  @Authenticated()
  @ApiErrors(409)
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateAdvocacyActionDto,
  ): Promise<AdvocacyAction> {
    return this.advocacy.update(user, id, dto);
  }
}
