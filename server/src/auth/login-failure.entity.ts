import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed logins, counted by account and client address for throttling. Kept in
 * the database, not process memory, so every replica sees the same counts.
 * A row is written (`pending`) before a password is checked, under a lock per
 * account, and stays as a failure unless the password was right; so however
 * many attempts arrive at once, no more passwords are checked than the limits
 * allow.
 */
@Entity('login_failure')
@Index('login_failure_account_idx', ['emailKey', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Reserved for a password being checked right now; false once it proved wrong. */
  @Column({ type: 'boolean', default: false })
  pending: boolean;
}
