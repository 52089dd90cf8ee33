import { Body, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Participant, TimelineItem } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrors, PageOf } from '../common/api-docs';
import { ChangeRecord, CreateRecord, ReadRecord, RecordId } from '../records';
import {
  ParticipantListItemResponse,
  ParticipantResponse,
  TimelineResponse,
} from './participant.response';
import { CreateParticipantDto } from './dto/create-participant.dto';
import { ListParticipantsQuery } from './dto/list-participants.query';
import { TimelineQuery } from './dto/timeline.query';
import { UpdateParticipantDto } from './dto/update-participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Participants of your team (admins: all teams, or teamId), by last name',
  })
  @ApiOkResponse({
    type: PageOf(ParticipantListItemResponse),
    description: 'Items as `GET /participants/{id}` plus `lastContactOn`',
  })
  @ApiErrors(404)
  async list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListParticipantsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // The page comes as JSON text already (it may be a page kept from an earlier read).
    const body = await this.participants.list(user, q);
    void reply.type('application/json; charset=utf-8');
    return body;
  }

  @CreateRecord(ParticipantResponse, 'a participant', {
    errors: [404, 409],
    summary: 'Enrol a participant (201); a retry with the same id and fields returns it (200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateParticipantDto) {
    return this.participants.create(user, dto);
  }

  @ReadRecord(ParticipantResponse, 'One participant')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Participant> {
    return this.participants.get(user, id);
  }

  @ChangeRecord(
    ParticipantResponse,
    'Change a participant; send the version you read (stale: 409)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateParticipantDto,
  ): Promise<Participant> {
    return this.participants.update(user, id, dto);
  }

  @ReadRecord(
    TimelineResponse,
    'Sessions, advocacy, handouts and decision notes of a participant, newest first; sessions of another team as summaries (openable: false)',
    { path: ':id/timeline' },
  )
  timeline(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: TimelineQuery,
  ): Promise<{ items: TimelineItem[] }> {
    return this.participants.timeline(user, id, q.includeVoided ?? false);
  }
}
