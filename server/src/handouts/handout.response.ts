import {
  HANDOUT_METHODS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  type Handout,
  type HandoutListItem,
  type HandoutMethod,
  type HandoutOutcome,
  type HandoutStep,
  type ResourceCategory,
} from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

/** One step of a referral (SPEC §12). */
export class HandoutStepResponse implements HandoutStep {
  @Out.enum(HANDOUT_OUTCOMES)
  status: HandoutOutcome;

  @Out.date()
  on: string;

  @Out.uuid({ description: 'Who recorded the step' })
  byId: string;

  @Out.text({ optional: true, description: 'Present when a note was written with the step' })
  note?: string;
}

@RecordStamps()
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

  @Out.enum(HANDOUT_OUTCOMES, { description: 'The referral status now (SPEC §12)' })
  outcome: HandoutOutcome;

  @Out.date({ nullable: true, description: 'The day of the last step; null while pending' })
  outcomeOn: string | null;

  @Out.array(() => HandoutStepResponse, {
    description: 'Every change of the status, oldest first; an undo is a new step',
  })
  history: HandoutStepResponse[];

  @Out.bool({
    description:
      'false once the status is connected, not_connected, declined, no_capacity or not_eligible',
  })
  open: boolean;

  createdAt: string;
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
