import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AUDIT_ACTIONS, type AuditAction } from '@peerpath/shared';
import { inList } from '../database/base.entity';

/**
 * Append-only: a trigger (see the migrations) refuses UPDATE, DELETE and
 * TRUNCATE whoever connects. No foreign keys, so the trail outlives anything.
 */
@Entity('audit_event')
@Check('audit_event_action_check', inList('action', AUDIT_ACTIONS))
@Index('audit_event_team_at_idx', ['teamId', 'at'])
@Index('audit_event_participant_at_idx', ['participantId', 'at'])
@Index('audit_event_actor_at_idx', ['actorId', 'at'])
// Recent refusals, for the admin's warning: partial (AuditAccessDenied migration).
@Index('audit_event_denied_at_idx', { synchronize: false })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('audit_event_seq_idx', { unique: true })
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity' })
  seq: string;

  @Index('audit_event_at_idx')
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  action: AuditAction;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId: string | null;

  @Column({ name: 'participant_id', type: 'uuid', nullable: true })
  participantId: string | null;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
