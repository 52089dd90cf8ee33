import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  FOCUS_AREAS,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  type FocusArea,
  type ParticipantStatus,
  type ParticipantType,
} from '@peerpath/shared';
import { BaseRecord, inList, subsetOf, RecordKeyColumn } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { BillingProfileEntity } from '../billing/billing-profile.entity';

@Entity('participant')
@Check('participant_status_check', inList('status', PARTICIPANT_STATUSES))
@Check('participant_type_check', inList('participant_type', PARTICIPANT_TYPES))
@Check('participant_focus_areas_check', subsetOf('focus_areas', FOCUS_AREAS))
@Check(
  'participant_coverage_check',
  `("coverage_profile_id" IS NULL) = ("coverage_member_id" IS NULL)`,
)
@Index('participant_team_status_idx', ['teamId', 'status'])
@Index('participant_worker_status_idx', ['primaryWorkerId', 'status'])
// Trigram index for name search; created by hand in a migration (TypeORM cannot express it).
@Index('participant_name_trgm_idx', { synchronize: false })
// Covering/partial indexes for the reports' period filters; created in the ReportPeriodIndexes migration (TypeORM cannot express INCLUDE).
@Index('participant_enrolled_idx', { synchronize: false })
@Index('participant_discharged_idx', { synchronize: false })
// A team's list in order, with the searched columns (ParticipantListIndex migration).
@Index('participant_team_list_idx', { synchronize: false })
// The whole organisation's list in order (ParticipantOrgListIndex migration).
@Index('participant_org_list_idx', { synchronize: false })
export class ParticipantEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  @Column({ name: 'preferred_name', type: 'varchar', length: 100, nullable: true })
  preferredName: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  pronouns: string | null;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ name: 'participant_type', type: 'varchar', length: 20, default: 'individual' })
  participantType: ParticipantType;

  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas: FocusArea[];

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ParticipantStatus;

  @Column({ name: 'enrolled_on', type: 'date' })
  enrolledOn: string;

  @Column({ name: 'discharged_on', type: 'date', nullable: true })
  dischargedOn: string | null;

  @Column({ name: 'primary_worker_id', type: 'uuid', nullable: true })
  primaryWorkerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'primary_worker_id' })
  primaryWorker?: UserEntity;

  @Column({ name: 'consent_to_services_on', type: 'date', nullable: true })
  consentToServicesOn: string | null;

  @Column({ name: 'consent_to_share_on', type: 'date', nullable: true })
  consentToShareOn: string | null;

  /** SPEC §13 coverage: the billing profile that pays, and the member id with it (both or neither). */
  @Column({ name: 'coverage_profile_id', type: 'uuid', nullable: true })
  coverageProfileId: string | null;

  @ManyToOne(() => BillingProfileEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'coverage_profile_id',
    foreignKeyConstraintName: 'participant_coverage_profile_fk',
  })
  coverageProfile?: BillingProfileEntity;

  @Column({ name: 'coverage_member_id', type: 'varchar', length: 40, nullable: true })
  coverageMemberId: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** SPEC §14: read only as sums by the funder exports' SQL, never shown. */
  @RecordKeyColumn()
  recordKey?: number;
}
