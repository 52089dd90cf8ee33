import { ConflictException } from '@nestjs/common';
import type { AuditEntry } from '../audit/audit.service';
import { NotInTeamException } from '../common/access';
import type { AuthUser } from '../common/auth.decorators';
import { assertSameAsStored, retryRead, type CreateResult } from '../common/retry';
import type { Filter } from './filter';
import type { RecordTable } from './record-table';

/**
 * The record layer: the reads and writes every team-owned record makes, written
 * once. Plain SQL through the transaction's manager; the team boundary of SPEC
 * §1 is in every id lookup (another team's record is a 404, never a 403).
 */

type Keyed = { id: string; teamId: string };
type Lock = 'update' | 'share' | undefined;

const LOCKS = { update: 'FOR UPDATE', share: 'FOR SHARE' } as const;

/** What a query runs on: a transaction's manager, or the data source. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** A timestamp written as the transaction's time (`now()`), as `updated_at` is. */
export const NOW: unique symbol = Symbol('now()');

/** Property values to write: a timestamp may be given as its ISO text, or NOW. */
export type Values<Row> = { [K in keyof Row]?: Loose<Row[K]> };
type Loose<T> = T extends Date ? T | string | typeof NOW : T;

/** The team an id lookup is limited to: the caller's, or none (null) for an admin. */
export function scopeOf(caller: AuthUser): string | null {
  return caller.role === 'admin' ? null : caller.teamId;
}

/**
 * Runs an UPDATE or DELETE (with or without RETURNING). TypeORM answers those
 * with `[rows, affected count]` rather than the rows; this is the one place
 * that reads that shape.
 */
export async function writeRows<T = unknown>(
  m: Queryable,
  sql: string,
  params: unknown[],
): Promise<{ rows: T[]; count: number }> {
  const [rows, count]: [T[], number] = await m.query(sql, params);
  return { rows, count };
}

/**
 * The record with this id if it is in the caller's reach (their team's; any
 * team's for an admin), optionally locked; `NotInTeamException` (404)
 * otherwise. `where` adds a condition without parameters (`voided_at IS NULL`).
 */
export async function findInTeam<Row extends Keyed>(
  m: Queryable,
  t: RecordTable<Row>,
  caller: AuthUser,
  id: string,
  opts: { lock?: Lock; where?: string } = {},
): Promise<Row> {
  const team = scopeOf(caller);
  const rows: Row[] = await m.query(
    `SELECT ${t.select} FROM ${t.table}
      WHERE id = $1 ${team ? 'AND team_id = $2' : ''} ${opts.where ? `AND ${opts.where}` : ''}
      ${opts.lock ? LOCKS[opts.lock] : ''}`,
    team ? [id, team] : [id],
  );
  if (rows.length === 0) throw new NotInTeamException(t.entity, id, t.notFound);
  return rows[0];
}

/** The record with this id in any team, for a safe retry's look-up; never sent to a caller unchecked. */
export async function findStored<Row extends { id: string }, E extends string>(
  m: Queryable,
  t: RecordTable<Row, E>,
  id: string,
): Promise<Row | undefined> {
  const rows: Row[] = await m.query(`SELECT ${t.select} FROM ${t.table} WHERE id = $1`, [id]);
  return rows[0];
}

/** `col = $n` for each property given (undefined ones left out), numbered after `offset` parameters. */
function assignments<Row extends { id: string }, E extends string>(
  t: RecordTable<Row, E>,
  values: Values<Row>,
  offset: number,
): { columns: string[]; marks: string[]; params: unknown[] } {
  const columns: string[] = [];
  const marks: string[] = [];
  const params: unknown[] = [];
  for (const [prop, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const { column, json } = t.writable(prop);
    columns.push(column);
    if (value === NOW) {
      marks.push('now()');
      continue;
    }
    params.push(json && value !== null ? JSON.stringify(value) : value);
    marks.push(`$${offset + params.length}${json ? '::jsonb' : ''}`);
  }
  return { columns, marks, params };
}

/**
 * Inserts one row from property values (those left undefined take the
 * column's default) and returns it; `undefined` when a row with the same id
 * already exists (ON CONFLICT (id) DO NOTHING), which a safe retry answers.
 */
export async function insertReturning<Row extends { id: string }, E extends string>(
  m: Queryable,
  t: RecordTable<Row, E>,
  values: Values<Row>,
): Promise<Row | undefined> {
  const { columns, marks, params } = assignments(t, values, 0);
  const rows: Row[] = await m.query(
    `INSERT INTO ${t.table} (${columns.join(', ')})
     VALUES (${marks.join(', ')})
     ON CONFLICT (id) DO NOTHING
     RETURNING ${t.select}`,
    params,
  );
  return rows[0];
}

/**
 * Sets the given properties of the record at `version`, bumps the version and
 * `updated_at`, and returns the row. Exactly one row or an error: the row was
 * found a moment ago, so no row means a concurrent change won (409), or the
 * record left the team meanwhile (a move to another team: 404).
 */
export async function updateVersioned<Row extends Keyed & { version: number }>(
  m: Queryable,
  t: RecordTable<Row>,
  current: Pick<Row, 'id' | 'teamId'>,
  version: number,
  changes: Values<Row>,
): Promise<Row> {
  const { columns, marks, params } = assignments(t, changes, 3);
  const set = columns.map((c, i) => `${c} = ${marks[i]}`);
  const { rows } = await writeRows<Row>(
    m,
    `UPDATE ${t.table}
        SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND team_id = $2 AND version = $3
      RETURNING ${t.select}`,
    [current.id, current.teamId, version, ...params],
  );
  if (rows.length === 1) return rows[0];
  const still = await m.query(`SELECT 1 FROM ${t.table} WHERE id = $1 AND team_id = $2`, [
    current.id,
    current.teamId,
  ]);
  if (still.length === 0) throw new NotInTeamException(t.entity, current.id, t.notFound);
  throw staleVersion(t);
}

/**
 * Sets the given properties of a record without a version (the last write
 * wins) and `updated_at`, and returns the row; `undefined` when there is no
 * such record (in `key.teamId`, when given).
 */
export async function updateReturning<Row extends { id: string }, E extends string>(
  m: Queryable,
  t: RecordTable<Row, E>,
  key: { id: string; teamId?: string },
  changes: Values<Row>,
): Promise<Row | undefined> {
  const { columns, marks, params } = assignments(t, changes, 2);
  const set = columns.map((c, i) => `${c} = ${marks[i]}`);
  const { rows } = await writeRows<Row>(
    m,
    `UPDATE ${t.table}
        SET ${[...set, 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND ${key.teamId ? 'team_id = $2' : '$2::uuid IS NULL'}
      RETURNING ${t.select}`,
    [key.id, key.teamId ?? null, ...params],
  );
  return rows[0];
}

/** The 409 of a stale `version`, naming the field. */
export function staleVersion(t: { stale: string }): ConflictException {
  return new ConflictException({
    message: t.stale,
    errors: { version: ['is not the current version'] },
  });
}

/** Fails with a 409 before a write when the version sent is not the one stored. */
export function requireVersion(
  t: { stale: string },
  current: { version: number },
  sent: number,
): void {
  if (current.version !== sent) throw staleVersion(t);
}

/**
 * One page of a record list: the total and the rows, under the filter's
 * conditions. With `alias`, the table is named so in the filter, the order
 * and `joins`; `extra` adds columns to the rows (from the joins).
 */
export async function listPage<Row extends { id: string }, E extends string, Extra = object>(
  m: Queryable,
  t: RecordTable<Row, E>,
  filter: Filter,
  opts: {
    orderBy: string;
    limit: number;
    offset: number;
    alias?: string;
    joins?: string;
    extra?: string;
  },
): Promise<{ rows: (Row & Extra)[]; total: number }> {
  const from = opts.alias ? `${t.table} ${opts.alias}` : t.table;
  const [{ total }] = await m.query(
    `SELECT count(*)::int AS total FROM ${from} ${filter.where}`,
    filter.params,
  );
  const columns = opts.alias ? t.selectAs(opts.alias) : t.select;
  const rows: (Row & Extra)[] = await m.query(
    `SELECT ${columns}${opts.extra ? `, ${opts.extra}` : ''}
       FROM ${from} ${opts.joins ?? ''}
       ${filter.where}
      ORDER BY ${opts.orderBy} LIMIT ${Number(opts.limit)} OFFSET ${Number(opts.offset)}`,
    filter.params,
  );
  return { rows, total };
}

export interface CreateOnce<Row, Out extends object> {
  /** The record as the API returns it (may read what the record holds in other tables). */
  toResponse: (row: Row) => Out | Promise<Out>;
  /**
   * Checks the request and inserts, returning the stored row;
   * `undefined` when the id was taken meanwhile (insertReturning).
   */
  insert: () => Promise<Row | undefined>;
  /** Fields compared as sets when a retry is checked against the stored record. */
  unordered?: string[];
  /**
   * Whether a stored record a retry names may be compared and returned; any
   * other is a 409 that reveals nothing. By default one in the caller's reach
   * (their team's; any team's for an admin).
   */
  reusable?: (stored: Row) => boolean;
  /**
   * Writes the audit event (in the transaction) of the row: a `create`, or
   * the `read` of a safe retry that returns it.
   */
  audit: (entry: AuditEntry, row: Row) => Promise<void>;
}

/**
 * A create with the safe retry of SPEC §4, the one way: a request naming an id
 * already stored gets the stored record (200, `created: false`) when every
 * field it sends matches, else 409 — answered before anything else is
 * checked, since the world may have moved on since the first attempt. Another
 * team's id is a 409 that reveals nothing. Run inside the create's transaction.
 */
export async function createOnce<
  Row extends Keyed & { participantId?: string | null },
  Out extends object,
>(
  m: Queryable,
  t: RecordTable<Row>,
  caller: AuthUser,
  dto: { id?: string | null },
  how: CreateOnce<Row, Out>,
): Promise<CreateResult<Out>> {
  const reusable =
    how.reusable ?? ((s: Row) => caller.role === 'admin' || s.teamId === caller.teamId);
  const replay = async (stored: Row): Promise<CreateResult<Out>> => {
    if (!reusable(stored)) {
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const record = assertSameAsStored(dto, await how.toResponse(stored), how.unordered);
    await how.audit(retryRead(caller, t.entity, stored), stored);
    return { record, created: false };
  };
  if (dto.id) {
    const stored = await findStored(m, t, dto.id);
    if (stored) return replay(stored);
  }
  const saved = await how.insert();
  if (!saved) {
    // A concurrent request with the same id won the insert: this one is its retry.
    const stored = dto.id ? await findStored(m, t, dto.id) : undefined;
    if (!stored) throw new ConflictException('A record with this id was just written; retry');
    return replay(stored);
  }
  await how.audit(
    {
      actorId: caller.id,
      action: 'create',
      entityType: t.entity,
      entityId: saved.id,
      participantId: saved.participantId ?? null,
      teamId: saved.teamId,
    },
    saved,
  );
  return { record: await how.toResponse(saved), created: true };
}
