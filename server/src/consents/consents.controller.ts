import { Body, Controller, Get, Inject, Put, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Consent, Disclosure, DisclosureListItem, Page } from '@peerpath/shared';
import { ApiErrorBody, ApiJsonOrFile, PageOf } from '../common/api-docs';
import { readScanUpload, SCAN_FIELD } from './scan-upload';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import {
  ConsentResponse,
  DisclosureListItemResponse,
  DisclosureResponse,
} from './consents.response';
import { ConsentsService } from './consents.service';
import { PersonRecordResponse } from './person-record.response';
import { writePersonRecordPdf } from './person-record.pdf';
import { PersonRecordService } from './person-record.service';
import {
  CreateConsentDto,
  CreateDisclosureDto,
  ListConsentsQuery,
  ListDisclosuresQuery,
  ListTeamDisclosuresQuery,
  PersonRecordQuery,
  RevokeConsentDto,
  UpdateConsentDto,
} from './dto/consents.dto';
import { attachment } from '../common/attachment';

/** A participant's consents and the accounting of what was shared (SPEC §10). */
@ApiTags('consents')
@Controller('participants')
export class ParticipantConsentsController {
  constructor(
    private readonly consents: ConsentsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @CreateRecord(ConsentResponse, 'a consent to share', { path: ':id/consents', errors: [409] })
  create(@CurrentUser() user: AuthUser, @RecordId() id: string, @Body() dto: CreateConsentDto) {
    return this.consents.createConsent(user, id, dto);
  }

  @ListRecords(ConsentResponse, 'The person’s consents, the most recently signed first', {
    path: ':id/consents',
  })
  list(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: ListConsentsQuery,
  ): Promise<Page<Consent>> {
    return this.consents.listConsents(user, id, q);
  }

  @CreateRecord(DisclosureResponse, 'a disclosure', {
    path: ':id/disclosures',
    errors: [409],
    summary:
      'Record a disclosure: under a consent in force that day for this recipient and every kind of information sent (409 naming what is missing), or in an emergency with a reason (201; a safe retry with the same id returns it, 200)',
  })
  disclose(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: CreateDisclosureDto,
  ) {
    return this.consents.createDisclosure(user, id, dto);
  }

  @Get(':id/disclosures')
  @Authenticated()
  @ApiOperation({
    summary: 'The accounting of disclosures, newest first (the last three years by default)',
  })
  @ApiJsonOrFile(
    PageOf(DisclosureResponse),
    'One page of the accounting as JSON; with `format=csv` every disclosure of the period as a CSV file (attachment): date, recipient, information, purpose, consent or emergency reason, who, and the 42 CFR 2.32 notice where it applies; with `format=pdf` the same in plain words as a PDF for the person (attachment, audited as an export)',
    'csv',
    'pdf',
  )
  async disclosures(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: ListDisclosuresQuery,
  ): Promise<Page<Disclosure> | StreamableFile> {
    if (q.format === 'pdf') {
      const pdf = await this.consents.accountingPdf(user, id, q, this.config.orgName);
      return attachment(pdf.body, 'application/pdf', pdf.filename);
    }
    if (q.format !== 'csv') return this.consents.listDisclosures(user, id, q);
    const file = await this.consents.accountingCsv(user, id, q);
    return attachment(file.body, 'text/csv; charset=utf-8', file.filename);
  }
}

/** The person's own record, on their request (SPEC §10). */
@ApiTags('consents')
@Controller('participants')
export class PersonRecordController {
  constructor(
    private readonly record: PersonRecordService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Get(':id/record')
  @Authenticated({ roles: ['worker', 'supervisor'] })
  @ApiOperation({
    summary:
      'Everything held about the person, for them to read (their team’s workers and supervisors; audited as an export)',
  })
  @ApiJsonOrFile(
    PersonRecordResponse,
    'The record as JSON, or with `format=pdf` as a plain PDF for the person (attachment; the file name never holds their name)',
    'pdf',
  )
  async get(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: PersonRecordQuery,
  ): Promise<PersonRecordResponse | StreamableFile> {
    const format = q.format ?? 'json';
    const record = await this.record.build(user, id, format);
    if (format === 'json') return record;
    const body = await writePersonRecordPdf(record, {
      orgName: this.config.orgName,
      timeZone: this.config.orgTimezone,
    });
    return attachment(body, 'application/pdf', `peerpath-record-${record.generatedOn}.pdf`);
  }
}

@ApiTags('consents')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @ReadRecord(ConsentResponse, 'One consent')
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Consent> {
    return this.consents.getConsent(user, id);
  }

  @ChangeRecord(
    ConsentResponse,
    'Record the day the expiry event happened (the one change a consent takes; the same day again answers 200)',
    { errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateConsentDto,
  ): Promise<Consent> {
    return this.consents.setEventOccurred(user, id, dto);
  }

  @Put(':id/scan')
  @Authenticated()
  @ApiOperation({
    summary:
      'Keep the signed copy of the consent: one PDF, PNG or JPEG of at most 5 MB in the form field “file”, its type read from its content (replaces a copy kept before; the same file again writes nothing)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [SCAN_FIELD],
      properties: { [SCAN_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: ConsentResponse, description: 'The consent, with `hasScan` and `scan`' })
  @ApiResponse({
    status: 400,
    description: 'No file in the field `file`, another field, or more than one part',
    type: ApiErrorBody,
  })
  @ApiResponse({ status: 413, description: 'The file is over 5 MB', type: ApiErrorBody })
  @ApiResponse({
    status: 415,
    description:
      'Not multipart/form-data, or the file is not a PDF, PNG or JPEG by its content (`errors.file`)',
    type: ApiErrorBody,
  })
  putScan(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Req() request: FastifyRequest,
  ): Promise<Consent> {
    const file = readScanUpload(request.body, request.headers['content-type']);
    return this.consents.putScan(user, id, file);
  }

  @Get(':id/scan')
  @Authenticated()
  @ApiOperation({ summary: 'The signed copy of the consent, as it was kept (its read audited)' })
  @ApiOkResponse({
    description: 'The file (attachment): a PDF, PNG or JPEG',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async getScan(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<StreamableFile> {
    const scan = await this.consents.readScan(user, id);
    const ext = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[
      scan.contentType
    ];
    return attachment(scan.content, scan.contentType, `signed-consent-${scan.consentId}.${ext}`);
  }

  @RecordAction(
    ConsentResponse,
    ':id/revoke',
    'Record that the person withdrew consent; the same again by the same person answers 200, any other on a withdrawn consent 409',
    { errors: [409] },
  )
  revoke(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: RevokeConsentDto,
  ): Promise<Consent> {
    return this.consents.revoke(user, id, dto);
  }
}

/** The team's disclosures, for its supervisors to review (SPEC §10: emergencies are shown to them). */
@ApiTags('consents')
@Controller('disclosures')
export class TeamDisclosuresController {
  constructor(private readonly consents: ConsentsService) {}

  @ListRecords(
    DisclosureListItemResponse,
    'The team’s disclosures, newest first; with emergency=true those made without consent, to review (supervisors: their team; admins: every team or the one named)',
    { roles: ['supervisor', 'admin'], errors: [404] },
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListTeamDisclosuresQuery,
  ): Promise<Page<DisclosureListItem>> {
    return this.consents.listTeamDisclosures(user, q);
  }
}
