import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  DISCLOSURE_METHODS,
  INFORMATION_KINDS,
  type DisclosureMethod,
  type InformationKind,
} from '@peerpath/shared';
import { BaseRecord, inList, subsetOf } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { ConsentEntity } from './consent.entity';

/**
 * One disclosure of a person's information (SPEC §10): under a consent, or in
 * an emergency with a written reason. Never edited: it is the accounting.
 */
@Entity('disclosure')
@Check('disclosure_information_check', subsetOf('information', INFORMATION_KINDS))
@Check('disclosure_information_not_empty_check', `cardinality("information") > 0`)
@Check('disclosure_method_check', inList('method', DISCLOSURE_METHODS))
@Check(
  'disclosure_basis_check',
  `("emergency" AND "consent_id" IS NULL AND length(btrim("reason")) > 0) OR ` +
    `(NOT "emergency" AND "consent_id" IS NOT NULL AND "reason" IS NULL)`,
)
@Index('disclosure_participant_idx', ['participantId', 'disclosedOn'])
@Index('disclosure_consent_idx', ['consentId'])
export class DisclosureEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'disclosure_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'disclosure_participant_fk' })
  participant?: ParticipantEntity;

  @Column({ type: 'varchar', length: 200 })
  recipient: string;

  @Column({ type: 'text', array: true })
  information: InformationKind[];

  @Column({ name: 'disclosed_on', type: 'date' })
  disclosedOn: string;

  @Column({ type: 'varchar', length: 16 })
  method: DisclosureMethod;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId: string | null;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'disclosure_consent_fk' })
  consent?: ConsentEntity;

  @Column({ type: 'boolean', default: false })
  emergency: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reason: string | null;

  /** The consent's purpose, or the emergency reason, as it stood when the information went out. */
  @Column({ type: 'varchar', length: 2000 })
  purpose: string;

  @Column({ name: 'by_id', type: 'uuid' })
  byId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id', foreignKeyConstraintName: 'disclosure_by_fk' })
  by?: UserEntity;
}
