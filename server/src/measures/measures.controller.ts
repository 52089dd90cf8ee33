import { Body, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Measurement, MeasureSchedule, Page, SafetyAlert } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import { CreateRecord, ListRecords, ReadRecord, RecordAction } from '../records';
import {
  CreateMeasurementDto,
  ListAlertsQuery,
  ListMeasurementsQuery,
  ResolveAlertDto,
  ScheduleQuery,
  VoidMeasurementDto,
} from './dto/measures.dto';
import {
  MeasurementResponse,
  MeasureScheduleResponse,
  SafetyAlertResponse,
} from './measures.response';
import { MeasuresService } from './measures.service';

const UUID = new ParseUUIDPipe({ version: undefined });

@ApiTags('measures')
@Controller('measurements')
export class MeasurementsController {
  constructor(private readonly measures: MeasuresService) {}

  @ListRecords(
    MeasurementResponse,
    'Live (not voided) measurements of the caller’s team, oldest first',
    { errors: [404] },
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: ListMeasurementsQuery,
  ): Promise<Page<Measurement>> {
    return this.measures.list(user, q);
  }

  @CreateRecord(MeasurementResponse, 'a measurement', {
    errors: [404, 409],
    summary:
      'Record a measurement; the server scores it, and a PHQ-9 with item 9 above 0 raises a safety alert (201; a safe retry with the same id returns it, 200)',
  })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMeasurementDto) {
    return this.measures.create(user, dto);
  }

  @Get('schedule')
  @Authenticated()
  @ApiOperation({
    summary:
      'Measures due for a participant, for each instrument their team uses (empty once discharged)',
  })
  @ApiOkResponse({ type: MeasureScheduleResponse })
  @ApiErrors(404)
  schedule(@CurrentUser() user: AuthUser, @Query() q: ScheduleQuery): Promise<MeasureSchedule> {
    return this.measures.schedule(user, q.participantId);
  }

  @ReadRecord(MeasurementResponse, 'One measurement (a voided one too, with its reason)')
  get(@CurrentUser() user: AuthUser, @Param('id', UUID) id: string): Promise<Measurement> {
    return this.measures.get(user, id);
  }

  @RecordAction(
    MeasurementResponse,
    ':id/void',
    'Void a wrong measurement with a reason (it is never edited; 409 when already voided)',
    { errors: [409] },
  )
  void(
    @CurrentUser() user: AuthUser,
    @Param('id', UUID) id: string,
    @Body() dto: VoidMeasurementDto,
  ): Promise<Measurement> {
    return this.measures.void(user, id, dto);
  }
}

@ApiTags('measures')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly measures: MeasuresService) {}

  @ListRecords(SafetyAlertResponse, 'Safety alerts of the caller’s team, newest first', {
    errors: [404],
  })
  list(@CurrentUser() user: AuthUser, @Query() q: ListAlertsQuery): Promise<Page<SafetyAlert>> {
    return this.measures.listAlerts(user, q);
  }

  @RecordAction(
    SafetyAlertResponse,
    ':id/resolve',
    'Resolve an alert with a written resolution; the same resolution again by the same person answers 200 and changes nothing, anything else on a resolved alert 409',
    { errors: [409] },
  )
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', UUID) id: string,
    @Body() dto: ResolveAlertDto,
  ): Promise<SafetyAlert> {
    return this.measures.resolveAlert(user, id, dto);
  }
}
