import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  type AdvocacyAction,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type AdvocacyStatus,
} from '@peerpath/shared';
import { Out, RecordStamps, VERSION_ON_PATCH } from '../common/api-docs';

@RecordStamps({ version: VERSION_ON_PATCH })
export class AdvocacyActionResponse implements AdvocacyAction {
  @Out.uuid()
  id: string;

  @Out.uuid({ nullable: true, description: 'The participant (individual); null for systemic' })
  participantId: string | null;

  @Out.enum(ADVOCACY_LEVELS)
  level: AdvocacyLevel;

  @Out.enum(ADVOCACY_CATEGORIES)
  category: AdvocacyCategory;

  @Out.text()
  title: string;

  @Out.text({ nullable: true })
  description: string | null;

  @Out.enum(ADVOCACY_STATUSES)
  status: AdvocacyStatus;

  @Out.text({ nullable: true })
  outcome: string | null;

  @Out.date()
  openedOn: string;

  @Out.date({ nullable: true })
  dueOn: string | null;

  @Out.date({ nullable: true })
  completedOn: string | null;

  @Out.uuid()
  workerId: string;

  @Out.uuid()
  teamId: string;

  version: number;
  createdAt: string;
  updatedAt: string;
}
