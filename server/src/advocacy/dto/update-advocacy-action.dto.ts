import { OmitType } from '@nestjs/swagger';
import type { UpdateAdvocacyActionRequest } from '@peerpath/shared';
import { PatchType, VersionField } from '../../common/validation';
import { CreateAdvocacyActionDto } from './create-advocacy-action.dto';

export class UpdateAdvocacyActionDto
  extends PatchType(OmitType(CreateAdvocacyActionDto, ['id', 'teamId'] as const))
  implements UpdateAdvocacyActionRequest
{
  @VersionField()
  version: number;
}
