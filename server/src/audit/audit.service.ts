import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEvent, Page } from '@peerpath/shared';
import { requireParticipant } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import type { ListAuditQuery } from './list-audit.query';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  participantId?: string | null;
  teamId?: string | null;
  details?: Record<string, unknown> | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string | null;
  participant_id: string | null;
  team_id: string | null;
  details: Record<string, unknown> | null;
}

/** The one way anything is written to the audit trail. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records one event; pass the transaction's manager so it commits or rolls back with the change. */
  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  async recordMany(entries: AuditEntry[], manager: EntityManager = this.db.manager): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(
        e.actorId,
        e.action,
        e.entityType,
        e.entityId ?? null,
        e.participantId ?? null,
        e.teamId ?? null,
        e.details ? JSON.stringify(e.details) : null,
      );
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, entity_type, entity_id, participant_id, team_id, details)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /** Admin: everything. Supervisor: events of their own team. */
  async list(caller: AuthUser, q: ListAuditQuery): Promise<Page<AuditEvent>> {
    const { page, pageSize, offset } = paging(q);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (caller.role !== 'admin') {
      add('team_id = ?', caller.teamId);
      // Another team's participant does not exist for a supervisor (SPEC §4: 404).
      if (q.participantId) await requireParticipant(this.db.manager, caller, q.participantId);
    }
    if (q.participantId) add('participant_id = ?', q.participantId);
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.action) add('action = ?', q.action);
    // The connection's TimeZone is ORG_TIMEZONE, so a date converts to that zone's midnight.
    if (q.from) add('at >= ?::date', q.from);
    if (q.to) add('at < ?::date + 1', q.to);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM audit_event ${whereSql}`,
      params,
    );
    const rows: AuditRow[] = await this.db.query(
      `SELECT id, at, actor_id, action, entity_type, entity_id, participant_id, team_id, details
         FROM audit_event ${whereSql}
        ORDER BY at DESC, seq DESC
        LIMIT ${pageSize} OFFSET ${offset}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        participantId: r.participant_id,
        teamId: r.team_id,
        details: r.details,
      })),
      total,
      page,
      pageSize,
    };
  }
}
