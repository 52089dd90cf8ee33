import type { Coverage } from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class CoverageResponse implements Coverage {
  @Out.uuid({ description: 'The billing profile that pays' })
  profileId: string;

  @Out.text({ description: 'The member id with that payer' })
  memberId: string;
}
