import type { AgendaQuery } from '@peerpath/shared';
import { DateField, UuidField } from '../../common/validation';

export class AgendaQueryDto implements AgendaQuery {
  @DateField({
    presence: 'nullable',
    description: 'The day: items due on or before it (default: today, in ORG_TIMEZONE)',
  })
  date?: string;

  @UuidField({
    presence: 'nullable',
    description:
      'Whose day: the caller by default; a supervisor may name a worker of their team; an admin names any worker',
  })
  workerId?: string;
}
