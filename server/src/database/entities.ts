import { AdvocacyActionEntity } from '../advocacy/advocacy-action.entity';
import { TimeEntryEntity } from '../time-entries/time-entry.entity';
import { GroupMembershipEntity } from '../groups/group-membership.entity';
import { RecurringGroupEntity } from '../groups/group.entity';
import { SupervisionEntity } from '../supervisions/supervision.entity';
import { AuditChainEntity } from '../audit/audit-chain.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ConsentEntity } from '../consents/consent.entity';
import { ConsentScanEntity } from '../consents/consent-scan.entity';
import { DisclosureEntity } from '../consents/disclosure.entity';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { LoginFailureEntity } from '../auth/login-failure.entity';
import { RotatedRefreshTokenEntity } from '../auth/rotated-refresh-token.entity';
import { DecisionNoteEntity } from '../decision-notes/decision-note.entity';
import { HandoutEntity } from '../handouts/handout.entity';
import { MeasurementEntity } from '../measures/measurement.entity';
import { SafetyAlertEntity } from '../measures/safety-alert.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { PlanGoalEntity } from '../plans/plan-goal.entity';
import { PlanReviewEntity } from '../plans/plan-review.entity';
import { RecoveryPlanEntity } from '../plans/recovery-plan.entity';
import { ResourceEntity } from '../resources/resource.entity';
import { AttendanceEntity } from '../sessions/attendance.entity';
import { SessionEntity } from '../sessions/session.entity';
// After the sessions: a note refers to its session's entity.
import { SessionNoteEntity } from '../notes/session-note.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { BillingProfileEntity } from '../billing/billing-profile.entity';
import { BillingBatchEntity } from '../billing/billing-batch.entity';
import { ClaimLineEntity } from '../billing/claim-line.entity';

export const ENTITIES = [
  TeamEntity,
  UserEntity,
  AuthSessionEntity,
  LoginFailureEntity,
  RotatedRefreshTokenEntity,
  AuditEventEntity,
  AuditChainEntity,
  ParticipantEntity,
  RecurringGroupEntity,
  GroupMembershipEntity,
  SessionEntity,
  AttendanceEntity,
  AdvocacyActionEntity,
  TimeEntryEntity,
  SupervisionEntity,
  ResourceEntity,
  HandoutEntity,
  DecisionNoteEntity,
  SessionNoteEntity,
  RecoveryPlanEntity,
  PlanGoalEntity,
  PlanReviewEntity,
  MeasurementEntity,
  SafetyAlertEntity,
  ConsentEntity,
  DisclosureEntity,
  ConsentScanEntity,
  BillingProfileEntity,
  BillingBatchEntity,
  ClaimLineEntity,
];
