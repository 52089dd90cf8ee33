import { Out } from '../common/api-docs';
import { BillingProfileResponse } from './billing-profile.response';

export class BillingProfileListResponse {
  @Out.array(() => BillingProfileResponse)
  items: BillingProfileResponse[];

  @Out.int({ minimum: 0 })
  total: number;
}
