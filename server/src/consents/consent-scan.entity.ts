import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { CONSENT_SCAN_TYPES, CONSENT_SCAN_MAX_BYTES } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { TeamEntity } from '../teams/team.entity';
import { UserEntity } from '../users/user.entity';
import { ConsentEntity } from './consent.entity';

/**
 * The signed copy of a consent (SPEC §10): one a consent, a PDF, PNG or
 * JPEG of at most 5 MB whose type was read from its content. Kept apart from
 * the consent so reading consents never loads the file.
 */
@Entity('consent_scan')
@Unique('consent_scan_consent_key', ['consentId'])
@Check('consent_scan_type_check', inList('content_type', CONSENT_SCAN_TYPES))
@Check(
  'consent_scan_size_check',
  `"size_bytes" BETWEEN 1 AND ${CONSENT_SCAN_MAX_BYTES} AND "size_bytes" = octet_length("content")`,
)
@Index('consent_scan_participant_idx', ['participantId'])
export class ConsentScanEntity extends BaseRecord {
  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'consent_scan_team_fk' })
  team?: TeamEntity;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'consent_scan_participant_fk' })
  participant?: ParticipantEntity;

  @Column({ name: 'consent_id', type: 'uuid' })
  consentId: string;

  @ManyToOne(() => ConsentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_id', foreignKeyConstraintName: 'consent_scan_consent_fk' })
  consent?: ConsentEntity;

  @Column({ name: 'content_type', type: 'varchar', length: 16 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by_id', type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'consent_scan_uploaded_by_fk' })
  uploadedBy?: UserEntity;
}
