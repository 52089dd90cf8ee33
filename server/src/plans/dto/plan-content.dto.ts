import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  GOAL_STATUSES,
  LIFE_AREAS,
  type GoalStatus,
  type LifeArea,
  type PlanGoalInput,
  type PlanStepInput,
  type WellnessPlan,
} from '@peerpath/shared';
import { BoolField, DateField, EnumField, TextField, UuidField } from '../../common/validation';

export const GOALS_MAX = 20;
export const STEPS_MAX = 20;
/** Long free text: the person's own words. */
const WORDS_MAX = 4000;

/** The sections of a wellness recovery action plan; a section sent replaces the stored one (null clears it). */
export class WellnessPlanDto implements Partial<WellnessPlan> {
  @TextField({ max: WORDS_MAX, presence: 'nullable', description: 'What helps me stay well' })
  toolbox?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  dailyMaintenance?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  triggers?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  earlyWarningSigns?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  whenThingsBreakDown?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  crisisPlan?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable' })
  postCrisis?: string | null;
}

export class PlanStepInputDto implements PlanStepInput {
  @UuidField({
    presence: 'optional',
    description: 'A step of an earlier version of this goal, to keep it; a new id when left out',
  })
  id?: string;

  @TextField({ max: 500, example: 'Call the library about the Tuesday reading group' })
  text: string;

  @BoolField({ presence: 'optional', description: 'false by default' })
  done?: boolean;
}

export class PlanGoalInputDto implements PlanGoalInput {
  @UuidField({
    presence: 'optional',
    description:
      'A goal of an earlier version of this person’s plan, to keep it (notes stay linked); a new id when left out',
  })
  id?: string;

  @EnumField(LIFE_AREAS)
  lifeArea: LifeArea;

  @TextField({
    max: 1000,
    description: 'The goal in the person’s own words',
    example: 'I want to feel settled in my own flat',
  })
  statement: string;

  @ApiPropertyOptional({ type: [PlanStepInputDto], maxItems: STEPS_MAX })
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray({ message: 'steps must be a list' })
  @ArrayMaxSize(STEPS_MAX, { message: `steps must have at most ${STEPS_MAX} steps` })
  @ValidateNested({ each: true })
  @Type(() => PlanStepInputDto)
  steps?: PlanStepInputDto[];

  @DateField({ presence: 'nullable' })
  targetOn?: string | null;

  @EnumField(GOAL_STATUSES, { presence: 'optional', description: '`active` by default' })
  status?: GoalStatus;
}

/** What a draft holds; every field optional (a new draft copies the active plan's). */
export class PlanContentDto {
  @TextField({
    max: WORDS_MAX,
    presence: 'nullable',
    description: 'What the person is good at and what is going well, in their words',
  })
  strengths?: string | null;

  @TextField({ max: WORDS_MAX, presence: 'nullable', description: 'What matters most to them' })
  whatMatters?: string | null;

  @ApiPropertyOptional({ type: WellnessPlanDto })
  @IsOptional()
  @IsObject({ message: 'wellness must be an object' })
  @ValidateNested()
  @Type(() => WellnessPlanDto)
  wellness?: WellnessPlanDto;

  @ApiPropertyOptional({
    type: [PlanGoalInputDto],
    maxItems: GOALS_MAX,
    description: 'The whole list of goals, in order: it replaces the draft’s',
  })
  @ValidateIf((_o, v) => v !== undefined)
  @IsArray({ message: 'goals must be a list' })
  @ArrayMaxSize(GOALS_MAX, { message: `goals must have at most ${GOALS_MAX} goals` })
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInputDto)
  goals?: PlanGoalInputDto[];
}
