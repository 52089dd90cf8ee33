import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ROLES, type Role } from '@peerpath/shared';
import { BaseRecord, inList } from '../database/base.entity';
import { TeamEntity } from '../teams/team.entity';

@Entity('app_user')
@Check('app_user_role_check', inList('role', ROLES))
@Check('app_user_team_check', `"role" = 'admin' OR "team_id" IS NOT NULL`)
@Check('app_user_credential_check', `"credential_expires_on" IS NULL OR "credential" IS NOT NULL`)
export class UserEntity extends BaseRecord {
  /** Stored lower-cased, so uniqueness ignores case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Index('app_user_team_idx')
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Set by an admin with a temporary password; cleared when the user changes it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** The notes this user signs wait for a supervisor's co-signature (SPEC §8). */
  @Column({ name: 'cosign_required', type: 'boolean', default: false })
  cosignRequired: boolean;

  /** A peer credential such as "Certified Peer Recovery Specialist" (SPEC §11, §13). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  credential: string | null;

  /** The last day the credential is valid; warned on the agenda 90, 60 and 30 days ahead. */
  @Column({ name: 'credential_expires_on', type: 'date', nullable: true })
  credentialExpiresOn: string | null;

  /** SHA-256 (hex) of the secret calendar feed token (SPEC §11); the token itself is never kept. */
  @Index('app_user_calendar_token_idx', { unique: true })
  @Column({
    name: 'calendar_token_hash',
    type: 'varchar',
    length: 64,
    nullable: true,
    select: false,
  })
  calendarTokenHash?: string | null;
}
