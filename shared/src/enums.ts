/**
 * The vocabulary of PeerPath (SPEC §2). Each enum is a readonly tuple, so the
 * values can be iterated (validation, report keys, pickers) and the union type
 * derived from it. Never restate these values elsewhere.
 */

export const ROLES = ['worker', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that carry a caseload and facilitate sessions (an admin does neither). */
export const CASELOAD_ROLES = ['worker', 'supervisor'] as const satisfies readonly Role[];
export type CaseloadRole = (typeof CASELOAD_ROLES)[number];

/** The six peer support models. */
export const SESSION_TYPES = [
  'support_group',
  'one_to_one_mentoring',
  'condition_specific_group',
  'family_support_group',
  'online_forum',
  'educational_group',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SESSION_FORMATS = ['group', 'one_to_one'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** `format` is derived from `type`, never stored by a caller. */
export function formatOf(type: SessionType): SessionFormat {
  return type === 'one_to_one_mentoring' ? 'one_to_one' : 'group';
}

export const SESSION_SETTINGS = [
  'community_center',
  'hospital',
  'clinic',
  'online',
  'phone',
  'home_visit',
  'other',
] as const;
export type SessionSetting = (typeof SESSION_SETTINGS)[number];

export const SESSION_ACTIVITIES = [
  'coping_strategies',
  'social_skills',
  'health_literacy',
  'shared_decision_making',
  'advocacy',
  'resource_sharing',
  'emotional_support',
] as const;
export type SessionActivity = (typeof SESSION_ACTIVITIES)[number];

export const ATTENDANCE_STATUSES = ['attended', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const PARTICIPANT_STATUSES = ['active', 'inactive', 'discharged'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** How the participant list is ordered: by name, or never contacted first then the oldest last contact. */
export const PARTICIPANT_LIST_SORTS = ['name', 'lastContact'] as const;
export type ParticipantListSort = (typeof PARTICIPANT_LIST_SORTS)[number];

export const PARTICIPANT_TYPES = ['individual', 'family_caregiver'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const FOCUS_AREAS = [
  'depression',
  'anxiety',
  'bipolar',
  'psychosis',
  'trauma',
  'substance_use',
  'eating_disorder',
  'general_wellbeing',
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const ADVOCACY_LEVELS = ['individual', 'systemic'] as const;
export type AdvocacyLevel = (typeof ADVOCACY_LEVELS)[number];

export const ADVOCACY_CATEGORIES = [
  'healthcare_navigation',
  'housing',
  'benefits',
  'legal',
  'employment',
  'education',
  'discrimination',
  'policy',
  'other',
] as const;
export type AdvocacyCategory = (typeof ADVOCACY_CATEGORIES)[number];

export const ADVOCACY_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type AdvocacyStatus = (typeof ADVOCACY_STATUSES)[number];

/** An action still being worked on: it can be overdue, and it is a person's next step. */
export const UNFINISHED_ADVOCACY_STATUSES = [
  'open',
  'in_progress',
] as const satisfies readonly AdvocacyStatus[];

export function isUnfinishedAdvocacy(status: AdvocacyStatus): boolean {
  return (UNFINISHED_ADVOCACY_STATUSES as readonly AdvocacyStatus[]).includes(status);
}

export const RESOURCE_CATEGORIES = [
  'crisis',
  'mental_health_treatment',
  'substance_use_treatment',
  'housing',
  'food',
  'employment',
  'benefits',
  'legal',
  'peer_support_group',
  'education',
  'transportation',
  'other',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

export const HANDOUT_METHODS = ['printed', 'email', 'text', 'warm_handoff', 'verbal'] as const;
export type HandoutMethod = (typeof HANDOUT_METHODS)[number];

/** A handout's referral status (SPEC §12): where the referral stands now. */
export const HANDOUT_OUTCOMES = [
  'pending',
  'contacted',
  'scheduled',
  'connected',
  'not_connected',
  'declined',
  'no_capacity',
  'not_eligible',
] as const;
export type HandoutOutcome = (typeof HANDOUT_OUTCOMES)[number];
/** The referral statuses that close a referral; any other status leaves it open (SPEC §12). */
export const CLOSED_HANDOUT_OUTCOMES = [
  'connected',
  'not_connected',
  'declined',
  'no_capacity',
  'not_eligible',
] as const satisfies readonly HandoutOutcome[];
/** The referral statuses that leave a referral open. */
export const OPEN_HANDOUT_OUTCOMES = [
  'pending',
  'contacted',
  'scheduled',
] as const satisfies readonly HandoutOutcome[];
/** Whether a referral in this status is closed (SPEC §12). */
export function isClosedOutcome(o: HandoutOutcome): boolean {
  return (CLOSED_HANDOUT_OUTCOMES as readonly string[]).includes(o);
}

export const DECIDED_BY = ['participant', 'shared', 'deferred'] as const;
export type DecidedBy = (typeof DECIDED_BY)[number];

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'export',
  'login',
  'login_failed',
  'access_denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const PLAN_STATUSES = ['draft', 'active', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The eight dimensions of wellness a recovery plan's goals are grouped by. */
export const LIFE_AREAS = [
  'emotional',
  'environmental',
  'financial',
  'intellectual',
  'occupational',
  'physical',
  'social',
  'spiritual',
] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The sections of a wellness recovery action plan, in the order they are written. */
export const WELLNESS_SECTIONS = [
  'toolbox',
  'dailyMaintenance',
  'triggers',
  'earlyWarningSigns',
  'whenThingsBreakDown',
  'crisisPlan',
  'postCrisis',
] as const;
export type WellnessSection = (typeof WELLNESS_SECTIONS)[number];

export const TIMELINE_KINDS = [
  'session',
  'advocacy',
  'handout',
  'decision_note',
  'plan_activated',
  'plan_reviewed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
