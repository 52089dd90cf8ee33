import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed logins, counted by account and client address for throttling. Kept in
 * the database, not process memory, so every replica sees the same counts.
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
}
