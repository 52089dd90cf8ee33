import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Req,
  StreamableFile,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Page, Resource } from '@peerpath/shared';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ApiErrorBody, ApiErrors } from '../common/api-docs';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import { ResourceResponse } from './resource.response';
import { CreateResourceDto } from './dto/create-resource.dto';
import { ListResourcesQuery } from './dto/list-resources.query';
import { UpdateResourceDto } from './dto/update-resource.dto';
import { ResourcesService } from './resources.service';
import {
  HSDS_JSON_BODY,
  HsdsExportQuery,
  HsdsImportQuery,
  ImportReportResponse,
} from './hsds/hsds.dto';
import { HsdsService, type ImportReport } from './hsds/hsds.service';
import { attachment } from '../common/attachment';

@ApiTags('resources')
@Controller('resources')
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly hsds: HsdsService,
  ) {}

  @ListRecords(
    ResourceResponse,
    'The resource directory (shared by all teams), by name; active resources by default',
  )
  list(@Query() q: ListResourcesQuery): Promise<Page<Resource>> {
    return this.resources.list(q);
  }

  @Get('export')
  @Authenticated()
  @ApiOperation({
    summary:
      'The whole directory in Open Referral HSDS 3.0 (audited): `format=hsds` a zip of organization.csv, service.csv, location.csv, phone.csv, service_at_location.csv and datapackage.json; `format=hsds-json` the same tables as one JSON object',
  })
  @ApiOkResponse({
    description: 'The export file (attachment)',
    content: {
      'application/zip': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: HSDS_JSON_BODY },
    },
  })
  async export(
    @CurrentUser() user: AuthUser,
    @Query() q: HsdsExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.hsds.export(user, q.format ?? 'hsds');
    return attachment(file.body, file.contentType, file.filename);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Import Open Referral HSDS 3.0 (admins): the JSON form, or the tabular zip as the raw body (`Content-Type: application/zip`), up to 10 MB. ' +
      'Each service is added or updated by its HSDS id. `dryRun=true` reports what would be created, updated and refused and writes nothing; ' +
      'otherwise it is all or nothing: any refused row answers 422 with the report and nothing is written',
  })
  @ApiConsumes('application/json', 'application/zip')
  @ApiBody({ schema: HSDS_JSON_BODY, description: 'The JSON form, or the zip’s bytes' })
  @ApiOkResponse({ type: ImportReportResponse })
  @ApiResponse({
    status: 422,
    type: ApiErrorBody,
    description:
      'Rows were refused and nothing was written: `errors` holds each problem by file, row and field, e.g. `service.csv[4].status`',
  })
  @ApiErrors(400, 413, 415)
  async import(
    @CurrentUser() user: AuthUser,
    @Query() q: HsdsImportQuery,
    @Req() req: FastifyRequest,
  ): Promise<ImportReport> {
    const dryRun = q.dryRun ?? false;
    const { report, applied } = await this.hsds.import(user, req.body, dryRun);
    if (dryRun || applied) return report;
    // Every refusal by file, row and field: `service.csv[4].status` → its messages.
    const errors: Record<string, string[]> = {};
    for (const r of report.refused) {
      for (const e of r.errors) (errors[`${r.file}[${r.row}].${e.field}`] ??= []).push(e.message);
    }
    throw new UnprocessableEntityException({
      message: `Nothing was imported: ${report.refusedTotal} ${report.refusedTotal === 1 ? 'row was' : 'rows were'} refused (a dry run lists them with their ids)`,
      errors,
    });
  }

  @ReadRecord(ResourceResponse, 'One resource, active or not')
  get(@RecordId() id: string): Promise<Resource> {
    return this.resources.get(id);
  }

  @CreateRecord(ResourceResponse, 'a resource', {
    roles: ['admin'],
    summary: 'Add a resource to the directory',
    retry: false,
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateResourceDto): Promise<Resource> {
    return this.resources.create(user, dto);
  }

  @ChangeRecord(
    ResourceResponse,
    'Change a resource; `active: false` takes it out of the directory',
    { roles: ['admin'] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateResourceDto,
  ): Promise<Resource> {
    return this.resources.update(user, id, dto);
  }

  @RecordAction(
    ResourceResponse,
    ':id/verify',
    'Mark a resource checked and still right: lastVerifiedOn becomes today (again the same day: 200, nothing written)',
    { roles: ['admin'] },
  )
  verify(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<Resource> {
    return this.resources.verify(user, id);
  }
}
