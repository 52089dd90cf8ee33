import type { CreatePlanRequest } from '@peerpath/shared';
import { UuidField } from '../../common/validation';
import { PlanContentDto } from './plan-content.dto';

export class CreatePlanDto extends PlanContentDto implements CreatePlanRequest {
  @UuidField({
    presence: 'optional',
    description: 'Client-chosen id: sending the same create again returns the stored draft',
  })
  id?: string;
}
