import { QueryBool } from '../../common/validation';

export class TimelineQuery {
  @QueryBool('Supervisors and admins: include voided sessions (a worker asking is refused, 403)')
  includeVoided?: boolean;
}
