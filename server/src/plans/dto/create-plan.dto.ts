import type { CreatePlanRequest } from '@peerpath/shared';
import { ClientIdField } from '../../common/validation';
import { PlanContentDto } from './plan-content.dto';

export class CreatePlanDto extends PlanContentDto implements CreatePlanRequest {
  @ClientIdField('Client-chosen id: sending the same create again returns the stored draft')
  id?: string;
}
