import { AUDIT_ACTIONS, type AuditAction } from '@peerpath/shared';
import { DateField, EnumField, PageQuery, UuidField } from '../common/validation';

export class ListAuditQuery extends PageQuery {
  @UuidField({ presence: 'nullable' })
  participantId?: string;

  @UuidField({ presence: 'nullable' })
  actorId?: string;

  @EnumField(AUDIT_ACTIONS, { presence: 'nullable' })
  action?: AuditAction;

  @DateField({ presence: 'nullable', description: 'Inclusive, in ORG_TIMEZONE' })
  from?: string;

  @DateField({ presence: 'nullable', description: 'Inclusive, in ORG_TIMEZONE' })
  to?: string;
}
