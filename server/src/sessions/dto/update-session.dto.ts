import type { UpdateSessionRequest } from '@peerpath/shared';
import { IntField, PatchType, UuidField } from '../../common/validation';
import { SessionFields } from './create-session.dto';

/** `attendance`, when sent, replaces the whole list. A session stays in its team. */
export class UpdateSessionDto extends PatchType(SessionFields) implements UpdateSessionRequest {
  @IntField({
    min: 1,
    max: 2147483647,
    description: 'The version last read; a stale version is refused with 409',
  })
  version: number;

  @UuidField({
    presence: 'optional',
    description: 'A worker may name only themself, a supervisor anyone of the team',
  })
  facilitatorId?: string;
}
