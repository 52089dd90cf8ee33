import {
  AUDIT_ACTIONS,
  type AccessDeniedBurst,
  type AuditAction,
  type AuditEvent,
  type AuditWarnings,
} from '@peerpath/shared';
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

/** One user's burst of requests for other teams' records. */
export class AccessDeniedBurstResponse implements AccessDeniedBurst {
  @Out.uuid()
  actorId: string;

  @Out.text({ nullable: true })
  displayName: string | null;

  @Out.email({ nullable: true })
  email: string | null;

  @Out.uuid({ nullable: true })
  teamId: string | null;

  @Out.text({ nullable: true })
  teamName: string | null;

  @Out.int({ minimum: 1, description: '`access_denied` events in the window' })
  count: number;

  @Out.dateTime()
  firstAt: string;

  @Out.dateTime()
  lastAt: string;
}

export class AuditWarningsResponse implements AuditWarnings {
  @Out.int({ minimum: 1 })
  windowMinutes: number;

  @Out.int({ minimum: 1 })
  threshold: number;

  @Out.array(() => AccessDeniedBurstResponse, { description: 'Most refusals first' })
  items: AccessDeniedBurstResponse[];
}
