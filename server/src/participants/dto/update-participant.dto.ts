import type { UpdateParticipantRequest } from '@peerpath/shared';
import { PatchType, UuidField, VersionField } from '../../common/validation';
import { ParticipantFields } from './create-participant.dto';

export class UpdateParticipantDto
  extends PatchType(ParticipantFields)
  implements UpdateParticipantRequest
{
  @VersionField()
  version: number;

  @UuidField({
    presence: 'optional',
    description: 'Admins only: move the participant to another team',
  })
  teamId?: string;
}
