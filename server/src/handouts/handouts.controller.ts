import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Handout, HandoutListItem, Page } from '@peerpath/shared';
import { CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import { HandoutListItemResponse, HandoutResponse } from './handout.response';
import { ChangeHandoutStatusDto } from './dto/change-handout-status.dto';
import { CreateHandoutDto } from './dto/create-handout.dto';
import { ListHandoutsQuery } from './dto/list-handouts.query';
import { UpdateHandoutDto } from './dto/update-handout.dto';
import { HandoutsService } from './handouts.service';

@ApiTags('handouts')
@Controller('handouts')
export class HandoutsController {
  constructor(private readonly handouts: HandoutsService) {}

  @ListRecords(
    HandoutListItemResponse,
    'Handouts of the caller’s team with resource and participant names; `followUpDue=true` is the follow-ups to do',
    { errors: [404] },
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListHandoutsQuery,
  ): Promise<Page<HandoutListItem>> {
    return this.handouts.list(user, q);
  }

  @CreateRecord(HandoutResponse, 'a handout', {
    errors: [404, 409],
    summary:
      'Hand a resource to a participant (201); a safe retry with the same id returns it (200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateHandoutDto) {
    return this.handouts.create(user, dto);
  }

  @ReadRecord(HandoutResponse, 'One handout')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Handout> {
    return this.handouts.get(user, id);
  }

  @ChangeRecord(
    HandoutResponse,
    'Record the outcome of a follow-up (`outcomeOn` today by default), or change the note or follow-up date',
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateHandoutDto,
  ): Promise<Handout> {
    return this.handouts.update(user, id, dto);
  }

  @RecordAction(
    HandoutResponse,
    ':id/status',
    'What happened with the referral: a new step of its history (an undo too), moving the next follow-up in the same step; the same step again by the same person answers 200 and writes nothing, by someone else 409',
    { errors: [404, 409] },
  )
  changeStatus(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: ChangeHandoutStatusDto,
  ): Promise<Handout> {
    return this.handouts.changeStatus(user, id, dto);
  }
}
