import { OmitType } from '@nestjs/swagger';
import type { UpdateDecisionNoteRequest } from '@peerpath/shared';
import { PatchType } from '../../common/validation';
import { CreateDecisionNoteDto } from './create-decision-note.dto';

/** Any field but the participant; `options`, when sent, replaces the whole list. */
export class UpdateDecisionNoteDto
  extends PatchType(OmitType(CreateDecisionNoteDto, ['id', 'participantId'] as const))
  implements UpdateDecisionNoteRequest {}
