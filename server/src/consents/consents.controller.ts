import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Consent, Disclosure, Page } from '@peerpath/shared';
import { ApiErrors, PageOf } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { answerCreate, ChangeRecord, CreateRecord, ReadRecord, RecordId } from '../records';
import { ConsentResponse, DisclosureResponse } from './consents.response';
import { ConsentsService } from './consents.service';
import { PersonRecordResponse } from './person-record.response';
import { PersonRecordService } from './person-record.service';
import {
  CreateConsentDto,
  CreateDisclosureDto,
  ListConsentsQuery,
  ListDisclosuresQuery,
  PersonRecordQuery,
  RevokeConsentDto,
  UpdateConsentDto,
} from './dto/consents.dto';

/** A participant's consents and the accounting of what was shared (SPEC §10). */
@ApiTags('consents')
@Controller('participants')
export class ParticipantConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post(':id/consents')
  @Authenticated()
  @CreateRecord(ConsentResponse, 'a consent to share')
  @ApiErrors(409)
  async create(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: CreateConsentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Consent> {
    return answerCreate(reply, await this.consents.createConsent(user, id, dto));
  }

  @Get(':id/consents')
  @Authenticated()
  @ApiOperation({ summary: 'The person’s consents, the most recently signed first' })
  @ApiOkResponse({ type: PageOf(ConsentResponse) })
  list(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: ListConsentsQuery,
  ): Promise<Page<Consent>> {
    return this.consents.listConsents(user, id, q);
  }

  @Post(':id/disclosures')
  @Authenticated()
  @CreateRecord(DisclosureResponse, 'a disclosure', {
    summary:
      'Record a disclosure: under a consent in force that day for this recipient and every kind of information sent (409 naming what is missing), or in an emergency with a reason (201; a safe retry with the same id returns it, 200)',
  })
  @ApiErrors(409)
  async disclose(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: CreateDisclosureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosure> {
    return answerCreate(reply, await this.consents.createDisclosure(user, id, dto));
  }

  @Get(':id/disclosures')
  @Authenticated()
  @ApiOperation({
    summary: 'The accounting of disclosures, newest first (the last three years by default)',
  })
  @ApiOkResponse({ type: PageOf(DisclosureResponse) })
  disclosures(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: ListDisclosuresQuery,
  ): Promise<Page<Disclosure>> {
    return this.consents.listDisclosures(user, id, q);
  }
}

/** The person's own record, on their request (SPEC §10). */
@ApiTags('consents')
@Controller('participants')
export class PersonRecordController {
  constructor(private readonly record: PersonRecordService) {}

  @Get(':id/record')
  @Authenticated({ roles: ['worker', 'supervisor'] })
  @ApiOperation({
    summary:
      'Everything held about the person, for them to read (their team’s workers and supervisors; audited as an export)',
  })
  @ApiOkResponse({ type: PersonRecordResponse })
  get(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() _q: PersonRecordQuery,
  ): Promise<PersonRecordResponse> {
    return this.record.build(user, id);
  }
}

@ApiTags('consents')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @ReadRecord(ConsentResponse, 'One consent')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Consent> {
    return this.consents.getConsent(user, id);
  }

  @ChangeRecord(
    ConsentResponse,
    'Record the day the expiry event happened (the one change a consent takes; the same day again answers 200)',
  )
  @Authenticated()
  @ApiErrors(409)
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateConsentDto,
  ): Promise<Consent> {
    return this.consents.setEventOccurred(user, id, dto);
  }

  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @Authenticated()
  @ApiOperation({
    summary:
      'Record that the person withdrew consent; the same again by the same person answers 200, any other on a withdrawn consent 409',
  })
  @ApiOkResponse({ type: ConsentResponse })
  @ApiErrors(409)
  revoke(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: RevokeConsentDto,
  ): Promise<Consent> {
    return this.consents.revoke(user, id, dto);
  }
}
