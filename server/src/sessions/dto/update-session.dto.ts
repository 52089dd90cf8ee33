import type { UpdateSessionRequest } from '@peerpath/shared';
import { PatchType, UuidField, VersionField } from '../../common/validation';
import { SessionFields } from './create-session.dto';

/** `attendance`, when sent, replaces the whole list. A session stays in its team. */
export class UpdateSessionDto extends PatchType(SessionFields) implements UpdateSessionRequest {
  @VersionField()
  version: number;

  @UuidField({
    presence: 'optional',
    description: 'A worker may name only themself, a supervisor anyone of the team',
  })
  facilitatorId?: string;
}
