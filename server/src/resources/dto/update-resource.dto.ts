import type { UpdateResourceRequest } from '@peerpath/shared';
import { PatchType } from '../../common/validation';
import { CreateResourceDto } from './create-resource.dto';

export class UpdateResourceDto
  extends PatchType(CreateResourceDto)
  implements UpdateResourceRequest {}
