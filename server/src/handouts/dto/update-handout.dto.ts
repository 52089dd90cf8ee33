import { PickType } from '@nestjs/swagger';
import type { UpdateHandoutRequest } from '@peerpath/shared';
import { PatchType } from '../../common/validation';
import { CreateHandoutDto } from './create-handout.dto';

/** Following a handout up: its outcome, and the note and follow-up date. */
export class UpdateHandoutDto
  extends PatchType(
    PickType(CreateHandoutDto, ['outcome', 'outcomeOn', 'note', 'followUpOn'] as const),
  )
  implements UpdateHandoutRequest {}
