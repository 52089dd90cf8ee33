import type { UpdateParticipantRequest } from '@peerpath/shared';
import { IntField, PatchType, UuidField } from '../../common/validation';
import { ParticipantFields } from './create-participant.dto';

export class UpdateParticipantDto
  extends PatchType(ParticipantFields)
  implements UpdateParticipantRequest
{
  @IntField({
    min: 1,
    max: 2147483647,
    description: 'The version last read; a stale version is refused with 409',
  })
  version: number;

  @UuidField({
    presence: 'optional',
    description: 'Admins only: move the participant to another team',
  })
  teamId?: string;
}
