import type {
  AdvocacyCategory,
  AdvocacyLevel,
  AdvocacyStatus,
  AttendanceStatus,
  AuditAction,
  DecidedBy,
  FocusArea,
  HandoutMethod,
  HandoutOutcome,
  ParticipantStatus,
  ParticipantType,
  ResourceCategory,
  Role,
  SessionActivity,
  SessionFormat,
  SessionSetting,
  SessionType,
  TimelineKind,
} from './enums';
import type { NoteFormat, TimelineNote } from './notes';
import type { InstrumentKey } from './instruments';

/** Dates are `YYYY-MM-DD`; instants are ISO 8601 strings. */
export type IsoDate = string;
export type IsoDateTime = string;

/** A list page's size when the caller names none; the lists of the web client open at it too. */
export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The one error shape of the API. `errors` maps a field path to its messages. */
export interface ApiError {
  statusCode: number;
  message: string;
  errors?: Record<string, string[]>;
  /** On a 409 of an action already taken (by someone else, or differently): the record as it is. */
  record?: object;
}

interface Stamped {
  id: string;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface Team extends Stamped {
  name: string;
  /** The format the team's session notes start in (SPEC §8). */
  noteFormat: NoteFormat;
  /** The outcome measures the team takes, in the order they are offered (SPEC §9). */
  instruments: InstrumentKey[];
}

/** `PATCH /api/teams/:id` (admin): team settings; what is left out stays as it is. */
export interface UpdateTeamRequest {
  /** The outcome measures the team takes: at least one, each once. */
  instruments?: InstrumentKey[];
  /** The format the team's session notes start in. */
  format?: NoteFormat;
  /** Earlier name of `format`, still accepted; when both are sent they must agree. */
  noteFormat?: NoteFormat;
}

export interface User extends Stamped {
  email: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  /** The notes this user signs wait for a supervisor's co-signature (SPEC §8). */
  cosignRequired: boolean;
  /** A peer credential such as "Certified Peer Recovery Specialist" (SPEC §11); null when none. */
  credential: string | null;
  /** The last day the credential is valid; null when it does not expire or there is none. */
  credentialExpiresOn: IsoDate | null;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: User;
  /**
   * The password is a temporary one an admin set: every endpoint but
   * `POST /api/auth/password` and sign-out answers 403 until it is changed.
   */
  mustChangePassword?: true;
}

/** Body of `POST /api/auth/login`. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** Body of `POST /api/auth/password`. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Body of `POST /api/teams` (admins). */
export interface CreateTeamRequest {
  name: string;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  password: string;
  /** The user must change this password at their next sign-in. */
  temporaryPassword?: boolean;
  /** The notes this user signs need a supervisor's co-signature (false by default). */
  cosignRequired?: boolean;
  credential?: string | null;
  /** Needs a credential. */
  credentialExpiresOn?: IsoDate | null;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  active?: boolean;
  password?: string;
  /** With `password`: the user must change it at their next sign-in. */
  temporaryPassword?: boolean;
  cosignRequired?: boolean;
  /** null removes the credential (and its expiry). */
  credential?: string | null;
  /** Needs a credential, given here or already held. */
  credentialExpiresOn?: IsoDate | null;
}

export interface Participant extends Stamped {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
  dateOfBirth: IsoDate | null;
  phone: string | null;
  email: string | null;
  participantType: ParticipantType;
  focusAreas: FocusArea[];
  status: ParticipantStatus;
  enrolledOn: IsoDate;
  dischargedOn: IsoDate | null;
  teamId: string;
  primaryWorkerId: string | null;
  consentToServicesOn: IsoDate | null;
  consentToShareOn: IsoDate | null;
  /** The billing profile that pays for this person's services and their member id (SPEC §13). */
  coverage: { profileId: string; memberId: string } | null;
  version: number;
}

/** A row of the participants list: the record plus what a caseload screen needs. */
/** What comes next for a person: an unfinished advocacy action, or a decision's next steps. */
export interface NextStep {
  text: string;
  /** When it is due (the advocacy due date, or the decision's follow-up date), if set. */
  dueOn: IsoDate | null;
}

export interface ParticipantListItem extends Participant {
  /** Date of the last session the participant attended, if any. */
  lastContactOn: IsoDate | null;
  /** Their soonest unfinished advocacy action, else their newest decision's next steps. */
  nextStep: NextStep | null;
}

/**
 * Body of `POST /api/participants`. `id` only for a safe retry (client-chosen
 * uuid); nullable fields are cleared with null.
 */
export interface CreateParticipantRequest {
  id?: string;
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  pronouns?: string | null;
  dateOfBirth?: IsoDate | null;
  phone?: string | null;
  email?: string | null;
  participantType?: ParticipantType;
  focusAreas?: FocusArea[];
  status?: ParticipantStatus;
  enrolledOn?: IsoDate;
  dischargedOn?: IsoDate | null;
  primaryWorkerId?: string | null;
  consentToServicesOn?: IsoDate | null;
  consentToShareOn?: IsoDate | null;
  /** An active billing profile and the member id; null clears it. */
  coverage?: { profileId: string; memberId: string } | null;
  /** Required for admins; others create in their own team. */
  teamId?: string | null;
}

/** Body of `PATCH /api/participants/:id`: `version` is the one last read. */
export type UpdateParticipantRequest = Partial<Omit<CreateParticipantRequest, 'id' | 'teamId'>> & {
  version: number;
  /** Admins only: move the participant to another team. */
  teamId?: string;
};

export interface AttendanceRow {
  participantId: string;
  status: AttendanceStatus;
  note?: string | null;
}

/** How a session shows an attendee who has since moved to another team (SPEC §1). */
export const OTHER_TEAM_ATTENDEE = 'Participant of another team';

/**
 * An attendee of another team than the session's: someone who moved after
 * the session. The session stays with the team that delivered it, which
 * sees neither who they are nor the note written about them.
 */
export interface OtherTeamAttendee {
  participantId: null;
  displayName: typeof OTHER_TEAM_ATTENDEE;
  status: AttendanceStatus;
}

export type SessionAttendee = (AttendanceRow & { note: string | null }) | OtherTeamAttendee;

/** An attendee of the session's own team (not one who has moved to another team since). */
export function isOwnTeamAttendee(
  a: SessionAttendee,
): a is AttendanceRow & { note: string | null } {
  return a.participantId !== null;
}

export interface Session extends Stamped {
  type: SessionType;
  format: SessionFormat;
  setting: SessionSetting;
  startsAt: IsoDateTime;
  durationMinutes: number;
  title: string | null;
  activities: SessionActivity[];
  notes: string | null;
  facilitatorId: string;
  teamId: string;
  attendance: SessionAttendee[];
  version: number;
  /** A voided session is kept for the audit and counts nowhere; only supervisors and admins see it. */
  voidedAt: IsoDateTime | null;
  voidedById: string | null;
  voidReason: string | null;
  /** The recurring group this meeting was of (SPEC §11), or null. */
  groupId: string | null;
}

/** Body of `POST /api/sessions`. `id` only for a safe retry (client-chosen uuid). */
export interface CreateSessionRequest {
  id?: string;
  type: SessionType;
  setting: SessionSetting;
  startsAt: IsoDateTime;
  durationMinutes: number;
  title?: string | null;
  activities?: SessionActivity[];
  notes?: string | null;
  /** One-to-one mentoring: exactly one row; group sessions: at least one. */
  attendance: AttendanceRow[];
  /** The caller by default. */
  facilitatorId?: string | null;
  /** Required for admins; others log in their own team. */
  teamId?: string | null;
  /** A recurring group of the session's team. */
  groupId?: string | null;
}

/**
 * Body of `PATCH /api/sessions/:id`: `version` is the one last read;
 * `attendance`, when sent, replaces the whole list. A session stays in its team.
 */
export type UpdateSessionRequest = Partial<
  Omit<CreateSessionRequest, 'id' | 'teamId' | 'facilitatorId'>
> & {
  version: number;
  facilitatorId?: string;
};

export interface AdvocacyAction extends Stamped {
  participantId: string | null;
  level: AdvocacyLevel;
  category: AdvocacyCategory;
  title: string;
  description: string | null;
  status: AdvocacyStatus;
  outcome: string | null;
  openedOn: IsoDate;
  dueOn: IsoDate | null;
  completedOn: IsoDate | null;
  workerId: string;
  teamId: string;
  version: number;
}

export interface Resource extends Stamped {
  name: string;
  category: ResourceCategory;
  description: string | null;
  phone: string | null;
  url: string | null;
  address: string | null;
  tags: string[];
  active: boolean;
  /** The day someone last checked it is still right; null: never. */
  lastVerifiedOn: IsoDate | null;
  /** Never checked, or not in the last 365 days (SPEC §12). */
  stale: boolean;
}

export interface Handout extends Stamped {
  participantId: string;
  resourceId: string;
  workerId: string;
  teamId: string;
  givenOn: IsoDate;
  method: HandoutMethod;
  note: string | null;
  followUpOn: IsoDate | null;
  /** The referral status now (SPEC §12). */
  outcome: HandoutOutcome;
  /** The day of the last step; null while `pending`. */
  outcomeOn: IsoDate | null;
  /** Every change of the status, oldest first; an undo is a new step. */
  history: HandoutStep[];
  /** False once the status is a closed one (connected, not_connected, declined, no_capacity, not_eligible). */
  open: boolean;
}

/** One step of a referral: the status it moved to, the day, who recorded it. */
export interface HandoutStep {
  status: HandoutOutcome;
  on: IsoDate;
  byId: string;
  /** Present only when a note was written with the step. */
  note?: string;
}

/**
 * Body of `POST /api/handouts/:id/status`: what happened. `on` is today by
 * default; `followUpOn` (when sent) moves the next follow-up in the same step.
 */
export interface ChangeHandoutStatusRequest {
  status: HandoutOutcome;
  on?: IsoDate;
  note?: string | null;
  followUpOn?: IsoDate | null;
}

/**
 * A row of the handouts list: the handout plus what a follow-up screen shows
 * without another request (the resource's name and category, the participant's
 * name as they prefer to be called).
 */
export interface HandoutListItem extends Handout {
  resourceName: string;
  resourceCategory: ResourceCategory;
  /** Preferred (else first) name and last name. */
  participantName: string;
}

export interface DecisionOption {
  label: string;
  pros?: string | null;
  cons?: string | null;
}

export interface DecisionNote extends Stamped {
  participantId: string;
  workerId: string;
  teamId: string;
  discussedOn: IsoDate;
  topic: string;
  options: DecisionOption[];
  participantPriorities: string | null;
  decision: string | null;
  decidedBy: DecidedBy;
  nextSteps: string | null;
  followUpOn: IsoDate | null;
}

/** Body of `POST /api/advocacy-actions`. `id` only for a safe retry (client-chosen uuid). */
export interface CreateAdvocacyActionRequest {
  id?: string;
  /** Required for `individual`, absent (or null) for `systemic`. */
  participantId?: string | null;
  level: AdvocacyLevel;
  category: AdvocacyCategory;
  title: string;
  description?: string | null;
  status?: AdvocacyStatus;
  outcome?: string | null;
  openedOn?: IsoDate;
  dueOn?: IsoDate | null;
  completedOn?: IsoDate | null;
  workerId?: string;
  /** Admins only, for a systemic action. */
  teamId?: string;
}

/** Body of `PATCH /api/advocacy-actions/:id`: `version` is the one last read. */
export type UpdateAdvocacyActionRequest = Partial<
  Omit<CreateAdvocacyActionRequest, 'id' | 'teamId'>
> & { version: number };

export interface CreateResourceRequest {
  name: string;
  category: ResourceCategory;
  description?: string | null;
  phone?: string | null;
  /** http(s) only. */
  url?: string | null;
  address?: string | null;
  /** At most 20, each at most 40 characters. */
  tags?: string[];
  active?: boolean;
}

export type UpdateResourceRequest = Partial<CreateResourceRequest>;

export interface CreateHandoutRequest {
  id?: string;
  participantId: string;
  /** Must name an active resource. */
  resourceId: string;
  method: HandoutMethod;
  note?: string | null;
  givenOn?: IsoDate;
  followUpOn?: IsoDate | null;
  outcome?: HandoutOutcome;
  outcomeOn?: IsoDate | null;
  workerId?: string;
}

export interface UpdateHandoutRequest {
  outcome?: HandoutOutcome;
  outcomeOn?: IsoDate | null;
  note?: string | null;
  followUpOn?: IsoDate | null;
}

export interface CreateDecisionNoteRequest {
  id?: string;
  participantId: string;
  workerId?: string;
  discussedOn?: IsoDate;
  topic: string;
  /** 1 to 10 options. */
  options: DecisionOption[];
  participantPriorities?: string | null;
  decision?: string | null;
  decidedBy: DecidedBy;
  nextSteps?: string | null;
  followUpOn?: IsoDate | null;
}

export type UpdateDecisionNoteRequest = Partial<
  Omit<CreateDecisionNoteRequest, 'id' | 'participantId'>
>;

export interface TimelineItem {
  kind: TimelineKind;
  id: string;
  /** A session's `startsAt`, else the record's own date. */
  date: IsoDateTime | IsoDate;
  summary: string;
  /**
   * What happened, in one line: a session's notes (shortened), an advocacy
   * action's status and due date ("past due" when late), a handout's outcome
   * (and follow-up date while pending), a decision note's decision. Null for a
   * session without notes and for one the caller cannot open.
   */
  snippet: string | null;
  /**
   * False for a session another team delivered (the person has moved teams
   * since): it is shown as a summary (`type`, `teamName`) and cannot be opened.
   */
  openable: boolean;
  /** A session's type. */
  type?: SessionType;
  /** The team that delivered a session the caller cannot open. */
  teamName?: string;
  /** Set on a voided session (shown only to supervisors asking `includeVoided=true`). */
  voided?: boolean;
  /** A session's note for this person, with the goals it worked on (SPEC §8). */
  note?: TimelineNote;
  /** The recovery plan version an activation or review entry is about. */
  planId?: string;
}

export interface AuditEvent {
  id: string;
  at: IsoDateTime;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  participantId: string | null;
  teamId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * One user whose requests for other teams' records (`access_denied`) reached
 * the warning threshold within the window: probing, or a broken link to
 * follow up.
 */
export interface AccessDeniedBurst {
  actorId: string;
  displayName: string | null;
  email: string | null;
  teamId: string | null;
  teamName: string | null;
  count: number;
  firstAt: IsoDateTime;
  lastAt: IsoDateTime;
}

/** `GET /api/audit/warnings` (admins): bursts of `access_denied` in the last `windowMinutes`. */
export interface AuditWarnings {
  windowMinutes: number;
  threshold: number;
  items: AccessDeniedBurst[];
}

export interface Health {
  status: 'ok' | 'error';
  db: 'up' | 'down';
}

/** The organisation's locales PeerPath can show and take dates in (`ORG_LOCALE`). */
export const ORG_LOCALES = ['en-GB', 'en-US', 'es'] as const;
export type OrgLocale = (typeof ORG_LOCALES)[number];

/** `GET /api/settings` (public): what the web client needs before anyone signs in. */
export interface PublicSettings {
  /** Dates are typed and shown in this locale's order, 24-hour time where it uses it. */
  locale: OrgLocale;
}
