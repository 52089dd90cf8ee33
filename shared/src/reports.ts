import type { IsoDate } from './api';
import type {
  AdvocacyCategory,
  AdvocacyLevel,
  ExportFormat,
  HandoutOutcome,
  ResourceCategory,
  SessionFormat,
  SessionSetting,
  SessionType,
} from './enums';
import type { TimeEntryKind } from './time';

/**
 * The reports of SPEC §5. Funders and auditors check these figures by hand, so
 * every key below is defined there, and every enum key is always present
 * (0 when nothing happened).
 */

/** `GET /api/reports/activity`: what happened in a period (inclusive dates, ORG_TIMEZONE). */
export interface ActivitySummary {
  period: { from: IsoDate; to: IsoDate };
  /** The team reported on; null for the whole organisation (admins only). */
  teamId: string | null;
  /** Distinct participants with an `attended` row in a session of the period. */
  participantsServed: number;
  /** Participants whose `enrolledOn` falls in the period. */
  newParticipants: number;
  /** Participants whose `dischargedOn` falls in the period. */
  dischargedParticipants: number;
  sessions: {
    total: number;
    byType: Record<SessionType, number>;
    byFormat: Record<SessionFormat, number>;
    bySetting: Record<SessionSetting, number>;
  };
  groupAttendance: {
    /** `attended` rows of group sessions. */
    attended: number;
    /** attended / group sessions, 1 decimal; null when there was no group session. */
    averagePerGroupSession: number | null;
  };
  /** Sum of durationMinutes / 60 over the sessions, 1 decimal. */
  serviceHours: number;
  /** Sum of durationMinutes / 60 over `attended` rows, 1 decimal. */
  contactHours: number;
  /** Handouts whose `givenOn` falls in the period. */
  handouts: {
    total: number;
    byCategory: Record<ResourceCategory, number>;
    byOutcome: Record<HandoutOutcome, number>;
    /** connected / closed (SPEC §12: connected, not_connected, declined, no_capacity, not_eligible), 2 decimals; null when 0/0. */
    connectionRate: number | null;
    /**
     * Median days from `givenOn` to the last move into a closed status, over the
     * referrals (of any `givenOn`) whose current status is closed and whose
     * closing step falls in the period; 1 decimal; null when none.
     */
    medianDaysToOutcome: number | null;
  };
  advocacy: {
    /** `openedOn` in the period; byCategory and byLevel count these. */
    opened: number;
    /** `completedOn` in the period. */
    completed: number;
    byCategory: Record<AdvocacyCategory, number>;
    byLevel: Record<AdvocacyLevel, number>;
  };
  /** Decision notes whose `discussedOn` falls in the period. */
  decisionNotes: number;
  /**
   * Work outside sessions (SPEC §11): time entries whose `on` falls in the
   * period, minutes / 60, 1 decimal (the total summed before rounding). Never
   * part of service or contact hours.
   */
  otherHours: { total: number; byKind: Record<TimeEntryKind, number> };
}

/** One worker's (or supervisor's) row of the caseload report. */
export interface CaseloadRow {
  workerId: string;
  displayName: string;
  /** The last day the worker's credential is valid (SPEC §11); null when none or it does not expire. */
  credentialExpiresOn: IsoDate | null;
  /** Participants with status `active` (as stored now) whose primary worker this is. */
  activeParticipants: number;
  /** Sessions facilitated by the worker starting in the window. */
  sessionsLast30Days: number;
  /** Their durations / 60, 1 decimal. */
  serviceHoursLast30Days: number;
  /** Of activeParticipants: no `attended` row in any session in the window. */
  participantsWithoutRecentContact: number;
  /** Advocacy actions of the worker with status open or in_progress. */
  openAdvocacy: number;
  /** Of those, `dueOn` before the report date. */
  overdueAdvocacy: number;
  /** Handouts by the worker still open (pending, contacted or scheduled) with `followUpOn` on or before the report date. */
  referralsAwaitingFollowUp: number;
  /** `attended` rows of sessions the worker facilitated in the window with no signed or co-signed note. */
  notesAwaitingSignature: number;
  /** The worker's own signed notes waiting for a supervisor's co-signature. */
  notesAwaitingCosign: number;
  /** Of activeParticipants: their active recovery plan is due for review (`reviewDueOn` on or before the report date). */
  plansDueForReview: number;
  /** Of activeParticipants: enrolled on or before the report date − 30 days, with no active recovery plan. */
  participantsWithoutPlan: number;
  /** Of activeParticipants: some instrument of the team due on or before the report date (SPEC §9). */
  measuresDue: number;
  /** Open safety alerts of the people the worker is primary worker for, whatever their status. */
  openSafetyAlerts: number;
  /** Consents of the people the worker is primary worker for, in force on the report date, ending within the next 30 days. */
  consentsExpiringSoon: number;
}

/** The rows summed; hours are summed before rounding. */
export type CaseloadTotals = Omit<CaseloadRow, 'workerId' | 'displayName' | 'credentialExpiresOn'>;

/**
 * `GET /api/reports/caseload`: the 30 days ending on `asOf` (asOf − 29 to asOf
 * inclusive), one row per active worker and supervisor of the team, sorted by
 * display name. A worker gets only their own row (and totals of that row).
 */
export interface CaseloadReport {
  asOf: IsoDate;
  /** null when an admin asks for the whole organisation. */
  teamId: string | null;
  workers: CaseloadRow[];
  totals: CaseloadTotals;
}

/** Days in the caseload window, ending on (and including) `asOf`. */
export const CASELOAD_WINDOW_DAYS = 30;

/** The longest period an activity summary or export may cover. */
export const REPORT_MAX_YEARS = 5;

export interface ActivityReportQuery {
  from?: IsoDate;
  to?: IsoDate;
  teamId?: string;
}

export interface ActivityExportQuery extends ActivityReportQuery {
  format?: ExportFormat;
  /** The internal export: nothing suppressed, still de-identified; not for funders. */
  internal?: boolean;
}

export interface CaseloadReportQuery {
  asOf?: IsoDate;
  teamId?: string;
}
