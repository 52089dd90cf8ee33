import type { UpdatePlanRequest } from '@peerpath/shared';
import { IntField } from '../../common/validation';
import { PlanContentDto } from './plan-content.dto';

export class UpdatePlanDto extends PlanContentDto implements UpdatePlanRequest {
  @IntField({
    min: 1,
    max: 2_147_483_647,
    description: 'The version last read; a stale version is refused with 409',
  })
  version: number;
}
