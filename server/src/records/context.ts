import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { todayIn, type AuditAction, type Page } from '@peerpath/shared';
import { AuditService } from '../audit/audit.service';
import { listFilters, requireParticipant, requireTeamMember, teamFilter } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { paging, type PageQuery } from '../common/validation';
import { APP_CONFIG, type ResolvedConfig } from '../config/config';
import { Filter } from './filter';
import type { RecordTable } from './record-table';
import { ownForWorkers, periodInOrder } from './rules';
import type { CreateResult } from '../common/retry';
import {
  createOnce,
  findInTeam,
  listPage,
  requireVersion,
  scopeOf,
  updateReturning,
  updateVersioned,
  type CreateOnce,
  type Values,
} from './store';

/** What a list's scope is: its paging, its team and the filter so far. */
export interface ListScope {
  page: number;
  pageSize: number;
  offset: number;
  teamId: string | null;
  filter: Filter;
}

/** A written record as the audit trail names it: its id, team and person (when it has one). */
interface AuditedRecord {
  id: string;
  teamId: string;
  participantId?: string | null;
}

/** How a record list is read: its order, and the alias, joins and extra columns of its query. */
interface ListOptions {
  orderBy: string;
  alias?: string;
  joins?: string;
  extra?: string;
}

/** How a record is created (createOnce); its audit is the usual one unless given. */
type CreateHow<Row, Out extends object> = Omit<CreateOnce<Row, Out>, 'audit'> &
  Partial<Pick<CreateOnce<Row, Out>, 'audit'>>;

/** How a versioned record is changed (RecordContext.update). */
interface ChangeHow<Row> {
  /** Who may change it (a 403 otherwise), before its version is checked. */
  allowed?: (current: Row) => void;
  /** The record's rules, giving the values to write. */
  values: (current: Row, m: EntityManager) => Values<Row> | Promise<Values<Row>>;
  /** What the audit event adds to the fields the request named (a status's from and to, say). */
  audit?: (current: Row, saved: Row) => Record<string, unknown>;
}

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
   * The start of a record list: its paging, the team it is limited to
   * (teamFilter), once the participant and the worker it is filtered by are
   * found in the caller's reach (404 otherwise), and a Filter holding those
   * three conditions (columns prefixed with `alias.` when given).
   */
  async listScope(
    caller: AuthUser,
    q: ListScopeQuery & PageQuery,
    alias?: string,
  ): Promise<ListScope> {
    const teamId = teamFilter(caller, q.teamId);
    const m = this.db.manager;
    if (q.participantId) await requireParticipant(m, caller, q.participantId);
    if (q.workerId) await requireTeamMember(m, scopeOf(caller), q.workerId);
    const a = alias ? `${alias}.` : '';
    const filter = new Filter()
      .when(teamId, `${a}team_id = ?`)
      .when(q.participantId, `${a}participant_id = ?`)
      .when(q.workerId, `${a}worker_id = ?`);
    return { ...paging(q), teamId, filter };
  }

  /**
   * One page of a record list (listScope, then listRead): `where` adds the
   * list's own filters to the scope's, `toItem` answers each row; the order
   * is the record's own (`listOrder`) unless `orderBy` says. `ownWork`
   * makes it a list of records workers keep of their own work (supervision,
   * time entries): its period in order (periodInOrder), a worker's own only
   * (ownForWorkers, `what` naming them), and within `from`–`to` on column `on`.
   */
  async list<Row extends { id: string }, Out, Extra = object>(
    caller: AuthUser,
    t: RecordTable<Row>,
    q: ListScopeQuery & PageQuery & { from?: string | null; to?: string | null },
    toItem: (row: Row & Extra) => Out,
    opts: Partial<ListOptions> & {
      where?: (filter: Filter, scope: ListScope) => unknown;
      ownWork?: { what: string; on: string };
    },
  ): Promise<Page<Out>> {
    const { where, ownWork, orderBy = t.listOrder, ...read } = opts;
    if (!orderBy) throw new Error(`${t.table} has no list order`);
    if (ownWork) periodInOrder(q);
    const scope = await this.listScope(caller, q, opts.alias);
    if (ownWork) ownForWorkers(caller, scope, q.workerId, ownWork.what);
    await where?.(scope.filter, scope);
    if (ownWork) scope.filter.during(ownWork.on, q.from, q.to);
    return this.listRead<Row, Out, Extra>(caller, t, q, scope, { ...read, orderBy }, toItem);
  }

  /**
   * A create with the safe retry of SPEC §4 (createOnce) in its own
   * transaction, its `create` (or retry's `read`) audited in it; `how` is
   * given the transaction.
   */
  create<
    Row extends { id: string; teamId: string; participantId?: string | null },
    Out extends object,
  >(
    caller: AuthUser,
    t: RecordTable<Row>,
    dto: { id?: string | null },
    how: (m: EntityManager) => CreateHow<Row, Out> | Promise<CreateHow<Row, Out>>,
  ): Promise<CreateResult<Out>> {
    return this.db.transaction(async (m) =>
      createOnce(m, t, caller, dto, {
        audit: (entry) => this.audit.record(entry, m),
        ...(await how(m)),
      }),
    );
  }

  /**
   * A change to a record in its own transaction: the record in the caller's
   * reach (404 otherwise) and `allowed` to change it; a versioned record (one
   * with a `version` column) at the version the caller read (409 otherwise),
   * any other locked until the change commits. Then its rules give the
   * `values`, written as one row (a versioned one exactly, 409 otherwise) and
   * audited with the fields the request named. Answers the record as saved.
   */
  async update<Row extends AuditedRecord>(
    caller: AuthUser,
    t: RecordTable<Row>,
    id: string,
    dto: object,
    how: ChangeHow<Row>,
  ): Promise<Row> {
    const sent = (dto as { version?: unknown }).version;
    const versioned = 'version' in t.columns;
    if (versioned && typeof sent !== 'number') {
      throw new Error(`A change to ${t.table} names the version it read`);
    }
    // A versioned record's row has its version (its columns say so).
    type Versioned = Row & { version: number };
    return this.db.transaction(async (m) => {
      const current = await findInTeam(m, t, caller, id, versioned ? {} : { lock: 'update' });
      how.allowed?.(current);
      if (versioned) requireVersion(t, current as Versioned, sent as number);
      const values = await how.values(current, m);
      const saved: Row = versioned
        ? await updateVersioned<Versioned>(
            m,
            t as RecordTable<Versioned>,
            current as Versioned,
            sent as number,
            values as Values<Versioned>,
          )
        : (await updateReturning(m, t, current, values))!;
      await this.auditChange(m, caller, t, saved, dto, how.audit?.(current, saved));
      return saved;
    });
  }

  /** One page of a record list under `scope` (listScope), its read audited with its filters. */
  async listRead<Row extends { id: string }, Out, Extra = object>(
    caller: AuthUser,
    t: RecordTable<Row>,
    q: ListScopeQuery,
    scope: ListScope,
    opts: ListOptions,
    toItem: (row: Row & Extra) => Out,
  ): Promise<Page<Out>> {
    const { page, pageSize, offset, teamId, filter } = scope;
    const { rows, total } = await listPage<Row, string, Extra>(this.db.manager, t, filter, {
      ...opts,
      limit: pageSize,
      offset,
    });
    await this.auditList(caller, t, q, teamId);
    return { items: rows.map(toItem), total, page, pageSize };
  }

  /**
   * Audits `caller`'s read of a list of `t` with the filters `q` named (never
   * its paging): the team it was limited to, and the person it was filtered
   * by (`participantId`, when the list is one person's).
   */
  async auditList(
    caller: AuthUser,
    t: { entity: string },
    q: ListScopeQuery & object,
    teamId: string | null,
    participantId = q.participantId ?? null,
  ): Promise<void> {
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: t.entity,
      participantId,
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
    await this.auditRead(t, caller, row);
    return row;
  }

  /** Audits `caller`'s read of `row`, a record of `t` (with its person, when it has one). */
  async auditRead<Row extends { id: string; teamId: string; participantId?: string | null }>(
    t: RecordTable<Row>,
    caller: AuthUser,
    row: Row,
  ): Promise<void> {
    await this.audit.record({
      actorId: caller.id,
      action: 'read',
      entityType: t.entity,
      entityId: row.id,
      participantId: row.participantId ?? null,
      teamId: row.teamId,
    });
  }

  /**
   * Audits a change to a record in the transaction that made it: the fields the
   * request named (never their values), and `more` (a status's from and to, say).
   */
  async auditChange(
    m: EntityManager,
    caller: AuthUser,
    t: { entity: string },
    saved: AuditedRecord,
    dto: object,
    more: Record<string, unknown> = {},
  ): Promise<void> {
    const fields = Object.keys(dto).filter((k) => k !== 'version');
    await this.auditEvent(m, caller, 'update', t, saved, { fields, ...more });
  }

  /**
   * Audits `caller`'s `action` on `row`, a record of `t` (with its person, when
   * it has one), in the transaction `m` that did it, with `details` as given.
   */
  async auditEvent(
    m: EntityManager,
    caller: AuthUser,
    action: AuditAction,
    t: { entity: string },
    row: AuditedRecord,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        actorId: caller.id,
        action,
        entityType: t.entity,
        entityId: row.id,
        participantId: row.participantId ?? null,
        teamId: row.teamId,
        details,
      },
      m,
    );
  }
}
