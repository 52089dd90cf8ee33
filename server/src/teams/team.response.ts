import type { Team } from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class TeamResponse implements Team {
  @Out.uuid()
  id: string;

  @Out.text()
  name: string;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
  updatedAt: string;
}
