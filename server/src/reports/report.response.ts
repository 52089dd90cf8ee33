import {
  ADVOCACY_CATEGORIES,
  ADVOCACY_LEVELS,
  HANDOUT_OUTCOMES,
  RESOURCE_CATEGORIES,
  SESSION_FORMATS,
  SESSION_SETTINGS,
  SESSION_TYPES,
  type ActivitySummary,
  type AdvocacyCategory,
  type AdvocacyLevel,
  type CaseloadReport,
  type CaseloadRow,
  type CaseloadTotals,
  type HandoutOutcome,
  type ResourceCategory,
  type SessionFormat,
  type SessionSetting,
  type SessionType,
} from '@peerpath/shared';
import { CountsOf, Out } from '../common/api-docs';
import { OtherHoursResponse } from '../time-entries/other-hours';

const SessionTypeCounts = CountsOf(SESSION_TYPES, 'SessionTypeCounts');
const SessionFormatCounts = CountsOf(SESSION_FORMATS, 'SessionFormatCounts');
const SessionSettingCounts = CountsOf(SESSION_SETTINGS, 'SessionSettingCounts');
const ResourceCategoryCounts = CountsOf(RESOURCE_CATEGORIES, 'ResourceCategoryCounts');
const HandoutOutcomeCounts = CountsOf(HANDOUT_OUTCOMES, 'HandoutOutcomeCounts');
const AdvocacyCategoryCounts = CountsOf(ADVOCACY_CATEGORIES, 'AdvocacyCategoryCounts');
const AdvocacyLevelCounts = CountsOf(ADVOCACY_LEVELS, 'AdvocacyLevelCounts');

export class ReportPeriod {
  @Out.date()
  from: string;

  @Out.date()
  to: string;
}

export class SessionCounts {
  @Out.int({ minimum: 0 })
  total: number;

  @Out.object(() => SessionTypeCounts)
  byType: Record<SessionType, number>;

  @Out.object(() => SessionFormatCounts)
  byFormat: Record<SessionFormat, number>;

  @Out.object(() => SessionSettingCounts)
  bySetting: Record<SessionSetting, number>;
}

export class GroupAttendance {
  @Out.int({ minimum: 0, description: '`attended` rows of group sessions' })
  attended: number;

  @Out.number({
    nullable: true,
    description: 'attended / group sessions, 1 decimal; null when there was no group session',
  })
  averagePerGroupSession: number | null;
}

export class HandoutCounts {
  @Out.int({ minimum: 0 })
  total: number;

  @Out.object(() => ResourceCategoryCounts)
  byCategory: Record<ResourceCategory, number>;

  @Out.object(() => HandoutOutcomeCounts)
  byOutcome: Record<HandoutOutcome, number>;

  @Out.number({
    nullable: true,
    description:
      'connected / closed (connected, not_connected, declined, no_capacity, not_eligible), 2 decimals; null when 0/0',
  })
  connectionRate: number | null;

  @Out.number({
    nullable: true,
    description:
      'Median days from `givenOn` to the last move into a closed status, over the referrals closed in the period (whenever given), 1 decimal; null when none',
  })
  medianDaysToOutcome: number | null;
}

export class AdvocacyCounts {
  @Out.int({ minimum: 0, description: '`openedOn` in the period' })
  opened: number;

  @Out.int({ minimum: 0, description: '`completedOn` in the period' })
  completed: number;

  @Out.object(() => AdvocacyCategoryCounts)
  byCategory: Record<AdvocacyCategory, number>;

  @Out.object(() => AdvocacyLevelCounts)
  byLevel: Record<AdvocacyLevel, number>;
}

/** `GET /api/reports/activity` (SPEC §5). */
export class ActivitySummaryResponse implements ActivitySummary {
  @Out.object(() => ReportPeriod)
  period: ReportPeriod;

  @Out.uuid({ nullable: true, description: 'null for the whole organisation (admins only)' })
  teamId: string | null;

  @Out.int({ minimum: 0 })
  participantsServed: number;

  @Out.int({ minimum: 0 })
  newParticipants: number;

  @Out.int({ minimum: 0 })
  dischargedParticipants: number;

  @Out.object(() => SessionCounts)
  sessions: SessionCounts;

  @Out.object(() => GroupAttendance)
  groupAttendance: GroupAttendance;

  @Out.number({ description: 'Sum of durationMinutes / 60 over the sessions, 1 decimal' })
  serviceHours: number;

  @Out.number({ description: 'Sum of durationMinutes / 60 over `attended` rows, 1 decimal' })
  contactHours: number;

  @Out.object(() => HandoutCounts)
  handouts: HandoutCounts;

  @Out.object(() => AdvocacyCounts)
  advocacy: AdvocacyCounts;

  @Out.int({ minimum: 0 })
  decisionNotes: number;

  @Out.object(() => OtherHoursResponse, {
    description: 'Work outside sessions (time entries), in hours; never service or contact hours',
  })
  otherHours: OtherHoursResponse;
}

export class CaseloadTotalsResponse implements CaseloadTotals {
  @Out.int({ minimum: 0 })
  activeParticipants: number;

  @Out.int({ minimum: 0 })
  sessionsLast30Days: number;

  @Out.number({ description: 'Hours, 1 decimal' })
  serviceHoursLast30Days: number;

  @Out.int({ minimum: 0 })
  participantsWithoutRecentContact: number;

  @Out.int({ minimum: 0 })
  openAdvocacy: number;

  @Out.int({ minimum: 0 })
  overdueAdvocacy: number;

  @Out.int({ minimum: 0 })
  referralsAwaitingFollowUp: number;

  @Out.int({
    minimum: 0,
    description:
      '`attended` rows of sessions the worker facilitated in the window with no signed or co-signed note',
  })
  notesAwaitingSignature: number;

  @Out.int({
    minimum: 0,
    description: 'The worker’s own signed notes waiting for a supervisor’s co-signature',
  })
  notesAwaitingCosign: number;

  @Out.int({
    minimum: 0,
    description:
      'Active participants whose active recovery plan is due for review on or before asOf',
  })
  plansDueForReview: number;

  @Out.int({
    minimum: 0,
    description:
      'Active participants enrolled on or before asOf − 30 days with no active recovery plan',
  })
  participantsWithoutPlan: number;

  @Out.int({
    minimum: 0,
    description: 'Active participants with some outcome measure due on or before the report date',
  })
  measuresDue: number;

  @Out.int({
    minimum: 0,
    description:
      'Open safety alerts of the people the worker is primary worker for, whatever their status',
  })
  openSafetyAlerts: number;

  @Out.int({
    minimum: 0,
    description:
      'Consents of the people the worker is primary worker for, in force on asOf, whose expiresOn falls within asOf + 1 … asOf + 30',
  })
  consentsExpiringSoon: number;
}

export class CaseloadRowResponse extends CaseloadTotalsResponse implements CaseloadRow {
  @Out.uuid()
  workerId: string;

  @Out.text()
  displayName: string;

  @Out.date({
    nullable: true,
    description:
      'The last day the worker’s credential is valid (SPEC §11); null when none or it does not expire',
  })
  credentialExpiresOn: string | null;
}

/** `GET /api/reports/caseload` (SPEC §5). */
export class CaseloadReportResponse implements CaseloadReport {
  @Out.date()
  asOf: string;

  @Out.uuid({ nullable: true, description: 'null when an admin asks for the whole organisation' })
  teamId: string | null;

  @Out.array(() => CaseloadRowResponse, { description: 'By display name' })
  workers: CaseloadRowResponse[];

  @Out.object(() => CaseloadTotalsResponse)
  totals: CaseloadTotalsResponse;
}
