import { Body, Controller, Delete, HttpCode, HttpStatus, Patch, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, RecoveryPlan } from '@peerpath/shared';
import { ApiErrors } from '../common/api-docs';
import { Authenticated, CurrentUser, type AuthUser } from '../common/auth.decorators';
import {
  ChangeRecord,
  CreateRecord,
  ListRecords,
  ReadRecord,
  RecordAction,
  RecordId,
} from '../records';
import { CreatePlanDto } from './dto/create-plan.dto';
import {
  ActivatePlanDto,
  ListPlansQuery,
  ReviewPlanDto,
  UpdatePlanGoalDto,
} from './dto/plan-actions.dto';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { PlansService } from './plans.service';
import { RecoveryPlanResponse } from './recovery-plan.response';

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @ListRecords(
    RecoveryPlanResponse,
    'Every version of a participant’s recovery plan, newest first',
    { path: 'participants/:id/plans' },
  )
  list(
    @CurrentUser() user: AuthUser,
    @RecordId() participantId: string,
    @Query() q: ListPlansQuery,
  ): Promise<Page<RecoveryPlan>> {
    return this.plans.list(user, participantId, q);
  }

  @CreateRecord(RecoveryPlanResponse, 'a recovery plan draft', {
    path: 'participants/:id/plans',
    errors: [409],
    summary:
      'Start a draft (201): a copy of the plan in use when there is one; a safe retry with the same id returns it (200)',
  })
  create(
    @CurrentUser() user: AuthUser,
    @RecordId() participantId: string,
    @Body() dto: CreatePlanDto,
  ) {
    return this.plans.create(user, participantId, dto);
  }

  @ReadRecord(RecoveryPlanResponse, 'One version of a recovery plan', { path: 'plans/:id' })
  get(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<RecoveryPlan> {
    return this.plans.get(user, id);
  }

  @ChangeRecord(
    RecoveryPlanResponse,
    'Change a draft; `version` must be the one last read. A plan in use or an earlier version is read-only (409)',
    { path: 'plans/:id', errors: [409] },
  )
  update(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<RecoveryPlan> {
    return this.plans.update(user, id, dto);
  }

  @Delete('plans/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Discard a draft (409 for a plan that was put in use)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiErrors(409)
  async discard(@CurrentUser() user: AuthUser, @RecordId() id: string): Promise<void> {
    await this.plans.discard(user, id);
  }

  @RecordAction(
    RecoveryPlanResponse,
    'plans/:id/activate',
    'Put a draft in use on the participant’s agreement date; the plan in use becomes superseded. 409 when another version was put in use since the draft was started',
    { errors: [409] },
  )
  activate(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: ActivatePlanDto,
  ): Promise<RecoveryPlan> {
    return this.plans.activate(user, id, dto);
  }

  @RecordAction(
    RecoveryPlanResponse,
    'plans/:id/review',
    'Record a review of the plan in use with no change: the next review is due PLAN_REVIEW_DAYS after it',
    { errors: [409] },
  )
  review(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @Body() dto: ReviewPlanDto,
  ): Promise<RecoveryPlan> {
    return this.plans.review(user, id, dto);
  }

  @Patch('plans/:id/goals/:goalId')
  @Authenticated()
  @ApiOperation({
    summary:
      'Progress on the plan in use: a goal’s status and steps done; `version` is the plan’s (409 if stale)',
  })
  @ApiOkResponse({ type: RecoveryPlanResponse })
  @ApiErrors(409)
  updateGoal(
    @CurrentUser() user: AuthUser,
    @RecordId() id: string,
    @RecordId('goalId') goalId: string,
    @Body() dto: UpdatePlanGoalDto,
  ): Promise<RecoveryPlan> {
    return this.plans.updateGoal(user, id, goalId, dto);
  }
}
