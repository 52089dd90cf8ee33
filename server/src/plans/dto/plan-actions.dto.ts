import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateIf, ValidateNested } from 'class-validator';
import {
  GOAL_STATUSES,
  PLAN_STATUSES,
  type ActivatePlanRequest,
  type GoalStatus,
  type PlanStatus,
  type ReviewPlanRequest,
  type UpdatePlanGoalRequest,
} from '@peerpath/shared';
import {
  BoolField,
  DateField,
  EnumField,
  PageQuery,
  UuidField,
  VersionField,
} from '../../common/validation';
import { STEPS_MAX } from './plan-content.dto';

export class ActivatePlanDto implements ActivatePlanRequest {
  @DateField({ description: 'The day the participant agreed to this plan; not after today' })
  participantAgreedOn: string;
}

export class ReviewPlanDto implements ReviewPlanRequest {
  @DateField({
    description: 'The day the plan was reviewed with the participant; not after today',
  })
  reviewedOn: string;
}

export class StepProgressDto {
  @UuidField({ description: 'A step of this goal' })
  id: string;

  @BoolField()
  done: boolean;
}

export class UpdatePlanGoalDto implements UpdatePlanGoalRequest {
  @VersionField({
    description: 'The plan’s version last read; a stale version is refused with 409',
  })
  version: number;

  @EnumField(GOAL_STATUSES, { presence: 'optional' })
  status?: GoalStatus;

  @ApiPropertyOptional({
    type: [StepProgressDto],
    maxItems: STEPS_MAX,
    description: 'Steps ticked or unticked; steps left out stay as they are',
  })
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray({ message: 'steps must be a list' })
  @ArrayMaxSize(STEPS_MAX, { message: `steps must have at most ${STEPS_MAX} steps` })
  @ValidateNested({ each: true })
  @Type(() => StepProgressDto)
  steps?: StepProgressDto[];
}

export class ListPlansQuery extends PageQuery {
  @EnumField(PLAN_STATUSES, { presence: 'nullable' })
  status?: PlanStatus;
}
