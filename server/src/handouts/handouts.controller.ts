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
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Handout, HandoutListItem, Page } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { CreateHandoutDto } from './dto/create-handout.dto';
import { ListHandoutsQuery } from './dto/list-handouts.query';
import { UpdateHandoutDto } from './dto/update-handout.dto';
import { HandoutsService } from './handouts.service';

@ApiTags('handouts')
@Controller('handouts')
export class HandoutsController {
  constructor(private readonly handouts: HandoutsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Handouts of the caller’s team with resource and participant names; `followUpDue=true` is the follow-ups to do',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListHandoutsQuery,
  ): Promise<Page<HandoutListItem>> {
    return this.handouts.list(user, q);
  }

  @Post()
  @Authenticated()
  @ApiOperation({
    summary:
      'Hand a resource to a participant (201); a safe retry with the same id returns it (200)',
  })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateHandoutDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Handout> {
    const { record, created } = await this.handouts.create(user, dto);
    void reply.status(created ? 201 : 200);
    return record;
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One handout' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<Handout> {
    return this.handouts.get(user, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({
    summary:
      'Record the outcome of a follow-up (`outcomeOn` today by default), or change the note or follow-up date',
  })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() dto: UpdateHandoutDto,
  ): Promise<Handout> {
    return this.handouts.update(user, id, dto);
  }
}
