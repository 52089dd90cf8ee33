import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { listFilters, requireParticipant, requireTeamMember, teamFilter } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import type { RecordTable } from './record-table';
import { findInTeam, scopeOf } from './store';

/** The filters most record lists take. */
interface ListScopeQuery {
  teamId?: string | null;
  participantId?: string | null;
  workerId?: string | null;
}

/**
 * What a record service works with, in one provider: the database, the audit
 * trail, the organisation's day, and the reads every record list and detail
 * make (each audited, SPEC §3). A record module lists it in its providers.
 */
@Injectable()
export class RecordContext {
  constructor(
    @InjectDataSource() readonly db: DataSource,
    readonly audit: AuditService,
    @Inject(APP_CONFIG) readonly config: ResolvedConfig,
  ) {}

  /** Today in the organisation's time zone (ORG_TIMEZONE), as `YYYY-MM-DD`. */
  today(): string {
    return todayIn(this.config.orgTimezone);
  }

  /**
   * The team a list is limited to (teamFilter), once the participant and the
   * worker it is filtered by are found in the caller's reach (404 otherwise).
   */
  async listScope(caller: AuthUser, q: ListScopeQuery): Promise<string | null> {
    const teamId = teamFilter(caller, q.teamId);
    const m = this.db.manager;
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.workerId) await requireTeamMember(m, scopeOf(caller), q.workerId);
    return teamId;
  }

  /** Audits the read of a list, with its filters. */
  auditList(
    caller: AuthUser,
    t: { entity: string },
    q: { participantId?: string | null },
    teamId: string | null,
  ): Promise<void> {
    return this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: t.entity,
      participantId: q.participantId ?? null,
      teamId,
      details: { filters: listFilters(q) },
    });
  }

  /** One record in the caller's reach (404 otherwise), its read audited. */
  async read<Row extends { id: string; teamId: string; participantId: string | null }>(
    t: RecordTable<Row>,
    caller: AuthUser,
    id: string,
  ): Promise<Row> {
    const row = await findInTeam(this.db.manager, t, caller, id);
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: t.entity,
      entityId: row.id,
      participantId: row.participantId,
      teamId: row.teamId,
    });
    return row;
  }
}
