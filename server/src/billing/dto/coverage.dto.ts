import type { Coverage } from '@peerpath/shared';
import { TextField, UuidField } from '../../common/validation';

/** A participant's coverage (SPEC §13): an active billing profile and the member id with it. */
export class CoverageDto implements Coverage {
  @UuidField({ description: 'An active billing profile' })
  profileId: string;

  @TextField({ max: 40, example: 'MC1234567', description: 'The member id with that payer' })
  memberId: string;
}
