import { CoverageResponse } from '../billing/coverage.response';
import {
  FOCUS_AREAS,
  NOTE_STATUSES,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  SESSION_TYPES,
  TIMELINE_KINDS,
  type FocusArea,
  type NextStep,
  type NoteStatus,
  type Participant,
  type ParticipantListItem,
  type ParticipantStatus,
  type ParticipantType,
  type SessionType,
  type TimelineItem,
  type TimelineKind,
  type TimelineNote,
} from '@peerpath/shared';
import { Out, RecordStamps, VERSION_ON_PATCH } from '../common/api-docs';

@RecordStamps({ version: VERSION_ON_PATCH })
export class ParticipantResponse implements Participant {
  @Out.uuid()
  id: string;

  @Out.text()
  firstName: string;

  @Out.text()
  lastName: string;

  @Out.text({ nullable: true })
  preferredName: string | null;

  @Out.text({ nullable: true })
  pronouns: string | null;

  @Out.date({ nullable: true })
  dateOfBirth: string | null;

  @Out.text({ nullable: true })
  phone: string | null;

  @Out.email({ nullable: true })
  email: string | null;

  @Out.enum(PARTICIPANT_TYPES)
  participantType: ParticipantType;

  @Out.enumArray(FOCUS_AREAS)
  focusAreas: FocusArea[];

  @Out.enum(PARTICIPANT_STATUSES)
  status: ParticipantStatus;

  @Out.date()
  enrolledOn: string;

  @Out.date({ nullable: true })
  dischargedOn: string | null;

  @Out.uuid()
  teamId: string;

  @Out.uuid({ nullable: true })
  primaryWorkerId: string | null;

  @Out.date({ nullable: true })
  consentToServicesOn: string | null;

  @Out.date({ nullable: true })
  consentToShareOn: string | null;

  @Out.object(() => CoverageResponse, {
    nullable: true,
    description: 'The billing profile that pays for this person’s services and their member id',
  })
  coverage: CoverageResponse | null;

  version: number;
  createdAt: string;
  updatedAt: string;
}

export class NextStepResponse implements NextStep {
  @Out.text()
  text: string;

  @Out.date({
    nullable: true,
    description: "The advocacy due date, or the decision's follow-up date",
  })
  dueOn: string | null;
}

export class ParticipantListItemResponse
  extends ParticipantResponse
  implements ParticipantListItem
{
  @Out.date({ nullable: true, description: 'Date of the last session the participant attended' })
  lastContactOn: string | null;

  @Out.object(() => NextStepResponse, {
    nullable: true,
    description:
      "Their soonest unfinished advocacy action, else the first line of their newest decision note's next steps",
  })
  nextStep: NextStepResponse | null;
}

export class TimelineNoteGoalResponse {
  @Out.uuid()
  id: string;

  @Out.text({ description: 'The goal in the person’s words' })
  statement: string;
}

/** A session's note for the person, on the session's timeline entry (SPEC §8). */
export class TimelineNoteResponse implements TimelineNote {
  @Out.uuid()
  id: string;

  @Out.enum(NOTE_STATUSES)
  status: NoteStatus;

  @Out.bool({ description: 'Signed more than NOTE_LATE_HOURS after the session ended' })
  late: boolean;

  @Out.array(() => TimelineNoteGoalResponse, { description: 'The goals it worked on (chips)' })
  goals: TimelineNoteGoalResponse[];
}

export class TimelineItemResponse implements TimelineItem {
  @Out.enum(TIMELINE_KINDS)
  kind: TimelineKind;

  @Out.uuid()
  id: string;

  @Out.text({
    description:
      "A session's `startsAt` (date and time), else the record's own date (`YYYY-MM-DD`)",
  })
  date: string;

  @Out.text()
  summary: string;

  @Out.text({
    nullable: true,
    description:
      "What happened, in one line: a session's notes (shortened), an advocacy action's status and due date (\"past due\" when late), a handout's outcome (and follow-up date while pending), a decision note's decision; null for a session without notes or one the caller cannot open",
  })
  snippet: string | null;

  @Out.bool({
    description: 'False for a session another team delivered: a summary that cannot be opened',
  })
  openable: boolean;

  @Out.enum(SESSION_TYPES, { optional: true, description: "A session's type" })
  type?: SessionType;

  @Out.text({
    optional: true,
    description: 'The team that delivered a session the caller cannot open',
  })
  teamName?: string;

  @Out.bool({
    optional: true,
    description: 'Set on a voided session (supervisors, `includeVoided=true`)',
  })
  voided?: boolean;

  @Out.object(() => TimelineNoteResponse, {
    optional: true,
    description: 'A session’s note for this person, with the goals it worked on',
  })
  note?: TimelineNoteResponse;
  @Out.uuid({
    optional: true,
    description: 'The recovery plan version a `plan_activated` or `plan_reviewed` entry is about',
  })
  planId?: string;
}

export class TimelineResponse {
  @Out.array(() => TimelineItemResponse, { description: 'Newest first' })
  items: TimelineItemResponse[];
}
