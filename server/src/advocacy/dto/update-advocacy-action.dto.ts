import { OmitType } from '@nestjs/swagger';
import type { UpdateAdvocacyActionRequest } from '@peerpath/shared';
import { IntField, PatchType } from '../../common/validation';
import { CreateAdvocacyActionDto } from './create-advocacy-action.dto';

export class UpdateAdvocacyActionDto
  extends PatchType(OmitType(CreateAdvocacyActionDto, ['id', 'teamId'] as const))
  implements UpdateAdvocacyActionRequest
{
  @IntField({
    min: 1,
    max: 2_147_483_647,
    description: 'The version last read; a stale version is refused with 409',
  })
  version: number;
}
