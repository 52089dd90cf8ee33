import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
// Time-ordered ids (UUID version 7): the audit trail's primary key index grows at its end.
import { v7 as uuidv7 } from 'uuid';
import type {
  AccessDeniedBurst,
  AuditAction,
  AuditEvent,
  AuditWarnings,
  Page,
} from '@peerpath/shared';
import {
  listFilters,
  requireParticipant,
  requireTeamMember,
  TEAM_RECORD_TABLES,
  type TeamRecordType,
} from '../common/access';
import type { AuditEventResponse } from './audit-event.response';
import type { AuthUser } from '../common/auth.decorators';
import { paging } from '../common/validation';
import { Filter } from '../records/filter';
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

interface Waiting {
  entries: AuditEntry[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * A burst of refusals worth an admin's attention: this many `access_denied`
 * events from one user within the window. A worker who follows a stale link
 * now and then stays well below it; a script walking ids, or someone trying
 * the records of a participant they heard of, goes over it within minutes.
 */
export const DENIED_BURST_WINDOW_MINUTES = 10;
export const DENIED_BURST_THRESHOLD = 20;

/** At most this many events in one INSERT (8 parameters each, well under PostgreSQL's 65,535). */
const MAX_BATCH_EVENTS = 1000;

/**
 * The one way anything is written to the audit trail.
 *
 * An event that belongs to a change is written in that change's transaction
 * (pass its manager), so both commit or neither does. Any other event (a read,
 * an export, a sign-in) is written before its request is answered, but events
 * of requests in flight together share one INSERT and one commit: a busy
 * server writes a batch per round trip instead of a transaction per request.
 * A caller's promise settles only when its events are committed (or failed).
 */
@Injectable()
export class AuditService {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records one event; pass the transaction's manager so it commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordMany([entry], manager);
  }

  /**
   * A read and its event written side by side: the event's INSERT goes out
   * beside the read's statements, on another connection, instead of after
   * them, and the answer comes back only once both have succeeded. Nothing is
   * read without its event; a read that fails after the event was committed
   * leaves it as a record of the attempt. Check the request (its fields, its
   * scope) before calling, so a refused request writes no event.
   */
  async recording<T>(entry: AuditEntry, read: () => Promise<T>): Promise<T> {
    const [value] = await Promise.all([read(), this.record(entry)]);
    return value;
  }

  async recordMany(entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    if (entries.length === 0) return;
    if (manager) return this.insert(entries, manager);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // After the current turn, so requests answered in the same turn share the INSERT.
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes what is waiting, batch after batch, until nothing is. */
  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch: Waiting[] = [];
      let events = 0;
      while (
        this.waiting.length > 0 &&
        (batch.length === 0 || events + this.waiting[0].entries.length <= MAX_BATCH_EVENTS)
      ) {
        const next = this.waiting.shift()!;
        events += next.entries.length;
        batch.push(next);
      }
      try {
        await this.insert(
          batch.flatMap((w) => w.entries),
          this.db.manager,
        );
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.flushing = false;
  }

  private async insert(entries: AuditEntry[], manager: EntityManager): Promise<void> {
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(
        uuidv7(),
        e.actorId,
        e.action,
        e.entityType,
        e.entityId ?? null,
        e.participantId ?? null,
        e.teamId ?? null,
        e.details ? JSON.stringify(e.details) : null,
      );
      const b = i * 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}::jsonb)`;
    });
    // Time-ordered ids: each INSERT adds to the end of the primary key's index.
    await manager.query(
      `INSERT INTO audit_event (id, actor_id, action, entity_type, entity_id, participant_id, team_id, details)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /**
   * Records a refused request for another team's record (SPEC §3:
   * `access_denied`, no `teamId`). The caller was answered 404 whether the
   * record is another team's or does not exist; only the first is recorded.
   * One statement decides and writes, so both cases cost the same round trip
   * and the answer's timing tells nothing either.
   */
  async recordDenied(
    caller: AuthUser,
    entityType: TeamRecordType,
    entityId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    // An admin reaches every team: a 404 for an admin means the record does not exist.
    if (caller.role === 'admin') return;
    const table = TEAM_RECORD_TABLES[entityType];
    const owner = entityType === 'team' ? 'id' : 'team_id';
    await this.db.query(
      `INSERT INTO audit_event (id, actor_id, action, entity_type, entity_id, details)
       SELECT $1, $2, 'access_denied', $3, $4::uuid, $5::jsonb
        WHERE EXISTS (SELECT 1 FROM ${table} WHERE id = $4::uuid AND ${owner} IS DISTINCT FROM $6::uuid)`,
      [uuidv7(), caller.id, entityType, entityId, JSON.stringify(details), caller.teamId],
    );
  }

  /**
   * Users with at least DENIED_BURST_THRESHOLD `access_denied` events in the
   * last DENIED_BURST_WINDOW_MINUTES, most first (admins' home page). Reading
   * it is a read of the audit trail, and audited as one.
   */
  async warnings(caller: AuthUser): Promise<AuditWarnings> {
    const rows: (Omit<AccessDeniedBurst, 'firstAt' | 'lastAt'> & {
      firstAt: Date;
      lastAt: Date;
    })[] = await this.db.query(
      `SELECT d.actor_id AS "actorId", u.display_name AS "displayName", u.email,
              u.team_id AS "teamId", t.name AS "teamName", d.count, d.first_at AS "firstAt",
              d.last_at AS "lastAt"
         FROM (SELECT actor_id, count(*)::int AS count, min(at) AS first_at, max(at) AS last_at
                 FROM audit_event
                WHERE action = 'access_denied' AND actor_id IS NOT NULL
                  AND at >= clock_timestamp() - make_interval(mins => $1)
                GROUP BY actor_id
               HAVING count(*) >= $2) d
         LEFT JOIN app_user u ON u.id = d.actor_id
         LEFT JOIN team t ON t.id = u.team_id
        ORDER BY d.count DESC, d.last_at DESC`,
      [DENIED_BURST_WINDOW_MINUTES, DENIED_BURST_THRESHOLD],
    );
    await this.record({
      actorId: caller.id,
      action: 'read',
      entityType: 'audit',
      details: { view: 'warnings' },
    });
    return {
      windowMinutes: DENIED_BURST_WINDOW_MINUTES,
      threshold: DENIED_BURST_THRESHOLD,
      items: rows.map((r) => ({
        ...r,
        firstAt: r.firstAt.toISOString(),
        lastAt: r.lastAt.toISOString(),
      })),
    };
  }

  /**
   * Admin: everything. Supervisor: events of their own team; a participant or
   * user of another team named in a filter does not exist for them (404).
   * Every read of the trail is itself recorded, with its filters.
   */
  async list(caller: AuthUser, q: ListAuditQuery): Promise<Page<AuditEvent>> {
    const { page, pageSize, offset } = paging(q);
    const f = new Filter();
    if (caller.role !== 'admin') {
      f.add('team_id = ?', caller.teamId);
      // Another team's participant does not exist for a supervisor (SPEC §4: 404).
      if (q.participantId) await requireParticipant(this.db.manager, caller, q.participantId);
      if (q.actorId) await requireTeamMember(this.db.manager, caller.teamId, q.actorId);
    }
    f.when(q.participantId, 'participant_id = ?')
      .when(q.actorId, 'actor_id = ?')
      .when(q.action, 'action = ?')
      // The connection's TimeZone is ORG_TIMEZONE, so a date converts to that zone's midnight.
      .when(q.from, 'at >= ?::date')
      .when(q.to, 'at < ?::date + 1');
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM audit_event ${f.where}`,
      f.params,
    );
    const rows: AuditRow[] = await this.db.query(
      `SELECT id, at, actor_id, action, entity_type, entity_id, participant_id, team_id, details
         FROM audit_event ${f.where}
        ORDER BY at DESC, seq DESC
        LIMIT ${pageSize} OFFSET ${offset}`,
      f.params,
    );
    await this.record({
      actorId: caller.id,
      action: 'read',
      entityType: 'audit',
      participantId: q.participantId ?? null,
      teamId: caller.role === 'admin' ? null : caller.teamId,
      details: { filters: listFilters(q) },
    });
    return {
      items: rows.map((r): AuditEventResponse => ({
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
