import {
  DECIDED_BY,
  type DecidedBy,
  type DecisionNote,
  type DecisionOption,
} from '@peerpath/shared';
import { Out, RecordStamps } from '../common/api-docs';

export class DecisionOptionResponse implements DecisionOption {
  @Out.text()
  label: string;

  @Out.text({ nullable: true })
  pros: string | null;

  @Out.text({ nullable: true })
  cons: string | null;
}

@RecordStamps()
export class DecisionNoteResponse implements DecisionNote {
  @Out.uuid()
  id: string;

  @Out.uuid()
  participantId: string;

  @Out.uuid()
  workerId: string;

  @Out.uuid()
  teamId: string;

  @Out.date()
  discussedOn: string;

  @Out.text()
  topic: string;

  @Out.array(() => DecisionOptionResponse)
  options: DecisionOptionResponse[];

  @Out.text({ nullable: true, description: 'What matters most to the participant' })
  participantPriorities: string | null;

  @Out.text({ nullable: true })
  decision: string | null;

  @Out.enum(DECIDED_BY)
  decidedBy: DecidedBy;

  @Out.text({ nullable: true })
  nextSteps: string | null;

  @Out.date({ nullable: true })
  followUpOn: string | null;

  createdAt: string;
  updatedAt: string;
}
