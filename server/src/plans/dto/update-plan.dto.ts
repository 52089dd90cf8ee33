import type { UpdatePlanRequest } from '@peerpath/shared';
import { VersionField } from '../../common/validation';
import { PlanContentDto } from './plan-content.dto';

export class UpdatePlanDto extends PlanContentDto implements UpdatePlanRequest {
  @VersionField()
  version: number;
}
