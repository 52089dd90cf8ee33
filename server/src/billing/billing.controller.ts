import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  BillingBatch,
  BillingProfile,
  BlockedLinesResult,
  ClaimLinesResult,
} from '@peerpath/shared';
import { ApiErrors, ApiJsonOrFile } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { ChangeRecord, CreateRecord, ReadRecord, RecordAction, RecordId } from '../records';
import { BillingProfileResponse } from './billing-profile.response';
import { BillingProfilesService } from './billing-profiles.service';
import { BillingService } from './billing.service';
import {
  BillingBatchResponse,
  BlockedLinesResponse,
  ClaimLinesResponse,
} from './claim-line.response';
import { CreateBillingProfileDto, UpdateBillingProfileDto } from './dto/billing-profile.dto';
import {
  BatchFormatQueryDto,
  ClaimsQueryDto,
  CreateBatchDto,
  VoidBatchDto,
} from './dto/billing.query';
import { BillingProfileListResponse } from './billing-profile-list.response';
import { attachment } from '../common/attachment';

function csvFile(body: Buffer, name: string): StreamableFile {
  return attachment(body, 'text/csv; charset=utf-8', name);
}

/**
 * `GET path` of claim lines (supervisors and admins, 404 for a team that does
 * not exist): JSON, or CSV with `format=csv`, with its OpenAPI.
 */
function ClaimsRead(path: string, model: new () => object, what: string, summary: string) {
  return applyDecorators(
    Get(path),
    Authenticated({ roles: ['supervisor', 'admin'] }),
    ApiOperation({ summary }),
    ApiJsonOrFile(
      model,
      `${what}: JSON, or CSV (attachment) with \`format=csv\` (columns in the README)`,
      'csv',
    ),
    ApiErrors(404),
  );
}

@ApiTags('billing')
@Controller('billing/profiles')
export class BillingProfilesController {
  constructor(private readonly profiles: BillingProfilesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Every billing profile, active first (admins); workers and supervisors get the active ones, to choose a participant’s coverage',
  })
  @ApiOkResponse({ type: BillingProfileListResponse })
  list(@CurrentUser() user: AuthUser): Promise<{ items: BillingProfile[]; total: number }> {
    return this.profiles.list(user);
  }

  @CreateRecord(BillingProfileResponse, 'a billing profile', {
    roles: ['admin'],
    errors: [409],
    summary:
      'Add a billing profile (admins; 201); a safe retry with the same id returns it (200). Billing is off until one exists',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateBillingProfileDto) {
    return this.profiles.create(user, dto);
  }

  @ReadRecord(BillingProfileResponse, 'One billing profile (admins)', {
    roles: ['admin'],
    errors: [404],
  })
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<BillingProfile> {
    return this.profiles.get(user, id);
  }

  @ChangeRecord(
    BillingProfileResponse,
    'Change a billing profile (admins); `version` must be the one last read (409 if stale)',
    { roles: ['admin'], errors: [404, 409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdateBillingProfileDto,
  ): Promise<BillingProfile> {
    return this.profiles.update(user, id, dto);
  }
}

@ApiTags('billing')
@ApiExtraModels(ClaimLinesResponse, BlockedLinesResponse, BillingBatchResponse)
@Controller('billing')
export class BillingController {
  constructor(private readonly billing: BillingService) {}

  @ClaimsRead(
    'claims',
    ClaimLinesResponse,
    'The billable lines and their totals',
    'Billable claim lines of a period (a preview; audited as `export`): supervisors their team, admins one team or all',
  )
  async claims(
    @CurrentUser() user: AuthUser,
    @Query() q: ClaimsQueryDto,
  ): Promise<ClaimLinesResult | StreamableFile> {
    const result = await this.billing.claims(user, q);
    if (q.format !== 'csv') return result;
    return csvFile(
      this.billing.csv(result.items),
      `peerpath-claims-${result.period.from}-to-${result.period.to}.csv`,
    );
  }

  @ClaimsRead(
    'blocked',
    BlockedLinesResponse,
    'The blocked lines, by reason',
    'Claim lines that cannot be billed, each with every reason (a preview; audited as `export`)',
  )
  async blocked(
    @CurrentUser() user: AuthUser,
    @Query() q: ClaimsQueryDto,
  ): Promise<BlockedLinesResult | StreamableFile> {
    const result = await this.billing.blocked(user, q);
    if (q.format !== 'csv') return result;
    return csvFile(
      this.billing.csv(result.items),
      `peerpath-blocked-${result.period.from}-to-${result.period.to}.csv`,
    );
  }

  @Post('batches')
  @Authenticated({ roles: ['supervisor', 'admin'] })
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Store the period’s billable lines that are in no batch yet as a batch of one team (409 when there are none)',
  })
  @ApiCreatedResponse({ type: BillingBatchResponse })
  @ApiErrors(404, 409)
  createBatch(@CurrentUser() user: AuthUser, @Body() dto: CreateBatchDto): Promise<BillingBatch> {
    return this.billing.createBatch(user, dto);
  }

  @ClaimsRead(
    'batches/:id',
    BillingBatchResponse,
    'The batch',
    'One batch with its lines; `format=csv` is the claims file',
  )
  async getBatch(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Query() q: BatchFormatQueryDto,
  ): Promise<BillingBatch | StreamableFile> {
    const batch = await this.billing.getBatch(user, id, q.format ?? 'json');
    if (q.format !== 'csv') return batch;
    return csvFile(this.billing.csv(batch.items), `peerpath-batch-${batch.id}.csv`);
  }

  @RecordAction(
    BillingBatchResponse,
    'batches/:id/void',
    'Void a batch (admins): its lines can be batched again. Repeating it with the same reason answers the batch as it is',
    { roles: ['admin'], errors: [404, 409] },
  )
  voidBatch(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: VoidBatchDto,
  ): Promise<BillingBatch> {
    return this.billing.voidBatch(user, id, dto);
  }
}
