import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class AuditEventResponse implements AuditEvent {
  @Out.uuid()
  id: string;

  @Out.dateTime()
  at: string;

  @Out.uuid({ nullable: true, description: 'Who acted; null for a failed sign-in of no account' })
  actorId: string | null;

  @Out.enum(AUDIT_ACTIONS)
  action: AuditAction;

  @Out.text()
  entityType: string;

  @Out.text({ nullable: true })
  entityId: string | null;

  @Out.uuid({ nullable: true })
  participantId: string | null;

  @Out.uuid({ nullable: true })
  teamId: string | null;

  @Out.record({ nullable: true, description: 'Filters of a list read, fields changed, …' })
  details: Record<string, unknown> | null;
}
