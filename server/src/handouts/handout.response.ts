import {
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  type Handout,
  type HandoutListItem,
  type HandoutMethod,
  type HandoutOutcome,
  type ResourceCategory,
} from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class HandoutResponse implements Handout {
  @Out.uuid()
  id: string;

  @Out.uuid()
  participantId: string;

  @Out.uuid()
  resourceId: string;

  @Out.uuid()
  workerId: string;

  @Out.uuid()
  teamId: string;

  @Out.date()
  givenOn: string;

  @Out.enum(HANDOUT_METHODS)
  method: HandoutMethod;

  @Out.text({ nullable: true })
  note: string | null;

  @Out.date({ nullable: true })
  followUpOn: string | null;

  @Out.enum(HANDOUT_OUTCOMES)
  outcome: HandoutOutcome;

  @Out.date({ nullable: true })
  outcomeOn: string | null;

  @Out.dateTime()
  createdAt: string;

  @Out.dateTime()
  updatedAt: string;
}

export class HandoutListItemResponse extends HandoutResponse implements HandoutListItem {
  @Out.text()
  resourceName: string;

  @Out.enum(RESOURCE_CATEGORIES)
  resourceCategory: ResourceCategory;

  @Out.text({ description: 'Preferred (else first) name and last name' })
  participantName: string;
}
