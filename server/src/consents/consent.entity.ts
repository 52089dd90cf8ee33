import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { INFORMATION_KINDS, type InformationKind } from '@peerpath/shared';
import { BaseRecord, subsetOf } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A consent to share (SPEC §10). Nothing of it changes once stored but the
 * day its expiry event happened and its revocation; Part 2 information
 * needs a Part 2 consent, and an expiry (a date or an event) is required.
 */
@Entity('consent')
@Check('consent_information_check', subsetOf('information', INFORMATION_KINDS))
@Check('consent_information_not_empty_check', `cardinality("information") > 0`)
@Check('consent_part2_check', `"part2" OR NOT ('substance_use_records' = ANY("information"))`)
@Check('consent_expiry_check', `"expires_on" IS NOT NULL OR "expires_on_event" IS NOT NULL`)
@Check(
  'consent_revoked_check',
  `("revoked_on" IS NULL) = ("revoked_by_id" IS NULL) AND ("revoked_on" IS NULL OR "revoked_on" >= "signed_on")`,
)
@Index('consent_participant_idx', ['participantId', 'signedOn'])
@Index('consent_team_expires_idx', ['teamId', 'expiresOn'])
export class ConsentEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'consent_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'consent_participant_fk' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Column({ type: 'varchar', length: 1000 })
  purpose: string;

  @Column({ type: 'text', array: true })
  information: InformationKind[];

  @Column({ type: 'boolean' })
  part2: boolean;

  @Column({ name: 'signed_on', type: 'date' })
  signedOn: string;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'expires_on_event', type: 'varchar', length: 500, nullable: true })
  expiresOnEvent: string | null;

  @Column({ name: 'event_occurred_on', type: 'date', nullable: true })
  eventOccurredOn: string | null;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revoked_by_id', type: 'uuid', nullable: true })
  revokedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revoked_by_id', foreignKeyConstraintName: 'consent_revoked_by_fk' })
  revokedBy?: UserEntity;

  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'consent_recorded_by_fk' })
  recordedBy?: UserEntity;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
