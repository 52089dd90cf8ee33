import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AdvocacyAction, Page } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors, PageOf } from '../common/api-docs';
import { answerCreate, CreateRecord } from '../records';
import { AdvocacyActionResponse } from './advocacy-action.response';
import { AdvocacyService } from './advocacy.service';
import { CreateAdvocacyActionDto } from './dto/create-advocacy-action.dto';
import { ListAdvocacyActionsQuery } from './dto/list-advocacy-actions.query';
import { UpdateAdvocacyActionDto } from './dto/update-advocacy-action.dto';

@ApiTags('advocacy')
@Controller('advocacy-actions')
export class AdvocacyController {
  constructor(private readonly advocacy: AdvocacyService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Advocacy actions of the caller’s team, newest first' })
  @ApiOkResponse({ type: PageOf(AdvocacyActionResponse) })
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

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One advocacy action' })
  @ApiOkResponse({ type: AdvocacyActionResponse })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<AdvocacyAction> {
    return this.advocacy.get(user, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    summary: 'Change an advocacy action; `version` must be the one last read (409 if stale)',
  })
  @ApiOkResponse({ type: AdvocacyActionResponse })
  @ApiErrors(409)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() dto: UpdateAdvocacyActionDto,
  ): Promise<AdvocacyAction> {
    return this.advocacy.update(user, id, dto);
  }
}
