import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

/**
 * The SHA-256 of every refresh token a sign-in session has rotated away from.
 * One of them presented again means it was copied: the session ends.
 */
@Entity('auth_rotated_token')
export class RotatedRefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('auth_rotated_token_session_idx')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AuthSessionEntity;

  @CreateDateColumn({ name: 'rotated_at', type: 'timestamptz' })
  rotatedAt: Date;
}
