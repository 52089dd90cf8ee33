import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

/** The team an id lookup is limited to: the caller's, or none (null) for an admin. */
export function scopeOf(caller: AuthUser): string | null {
  return caller.role === 'admin' ? null : caller.teamId;
}

/**
 * The record with this id if it is in the caller's reach (their team's; any
 * team's for an admin), optionally locked; `NotInTeamException` (404) otherwise.
 */
export async function findInTeam<Row extends Keyed>(
  m: EntityManager,
  t: RecordTable<Row>,
  caller: AuthUser,
  id: string,
  opts: { lock?: Lock } = {},
): Promise<Row> {
  const team = scopeOf(caller);
  const rows: Row[] = await m.query(
    `SELECT ${t.select} FROM ${t.table}
      WHERE id = $1 ${team ? 'AND team_id = $2' : ''} ${opts.lock ? LOCKS[opts.lock] : ''}`,
    team ? [id, team] : [id],
  );
  if (rows.length === 0) throw new NotInTeamException(t.entity, id, t.notFound);
  return rows[0];
}

/** The record with this id in any team, for a safe retry's look-up; never sent to a caller unchecked. */
export async function findStored<Row extends Keyed>(
  m: EntityManager,
  t: RecordTable<Row>,
  id: string,
): Promise<Row | undefined> {
  const rows: Row[] = await m.query(`SELECT ${t.select} FROM ${t.table} WHERE id = $1`, [id]);
  return rows[0];
}

/**
 * Inserts one row from property values (those left undefined take the
 * column's default) and returns it; `undefined` when a row with the same id
 * already exists (ON CONFLICT (id) DO NOTHING), which a safe retry answers.
 */
export async function insertReturning<Row extends Keyed>(
  m: EntityManager,
  t: RecordTable<Row>,
  values: Partial<Row>,
): Promise<Row | undefined> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  const columns = entries.map(([prop]) => column(t, prop));
  const rows: Row[] = await m.query(
    `INSERT INTO ${t.table} (${columns.join(', ')})
     VALUES (${entries.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (id) DO NOTHING
     RETURNING ${t.select}`,
    entries.map(([, v]) => v),
  );
  return rows[0];
}

/**
 * Sets the given properties of the record at `version`, bumps the version and
 * `updated_at`, and returns the row. Exactly one row or a 409: the row was
 * found a moment ago, so no row means a concurrent change won.
 */
export async function updateVersioned<Row extends Keyed & { version: number }>(
  m: EntityManager,
  t: RecordTable<Row>,
  current: Pick<Row, 'id' | 'teamId'>,
  version: number,
  changes: Partial<Row>,
): Promise<Row> {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const set = entries.map(([prop], i) => `${column(t, prop)} = $${i + 4}`);
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const [rows]: [Row[], number] = await m.query(
    `UPDATE ${t.table}
        SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND team_id = $2 AND version = $3
      RETURNING ${t.select}`,
    [current.id, current.teamId, version, ...entries.map(([, v]) => v)],
  );
  if (rows.length !== 1) throw staleVersion(t);
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

/** One page of a record list: the total and the rows, under the filter's conditions. */
export async function listPage<Row extends Keyed>(
  m: EntityManager,
  t: RecordTable<Row>,
  filter: Filter,
  opts: { orderBy: string; limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  const [{ total }] = await m.query(
    `SELECT count(*)::int AS total FROM ${t.table} ${filter.where}`,
    filter.params,
  );
  const rows: Row[] = await m.query(
    `SELECT ${t.select} FROM ${t.table} ${filter.where}
      ORDER BY ${opts.orderBy} LIMIT ${Number(opts.limit)} OFFSET ${Number(opts.offset)}`,
    filter.params,
  );
  return { rows, total };
}

export interface CreateOnce<Row, Out extends object> {
  /** The record as the API returns it (may read what the record holds in other tables). */
  toResponse: (row: Row) => Out | Promise<Out>;
  /** Checks the request and inserts; `undefined` when the id was taken meanwhile (insertReturning). */
  insert: () => Promise<Row | undefined>;
  /** Fields compared as sets when a retry is checked against the stored record. */
  unordered?: string[];
  /** Writes the create's audit event (in the transaction); by default a `create` of the record. */
  audit: (entry: AuditEntry) => Promise<void>;
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
  m: EntityManager,
  t: RecordTable<Row>,
  caller: AuthUser,
  dto: { id?: string | null },
  how: CreateOnce<Row, Out>,
): Promise<CreateResult<Out>> {
  const replay = async (stored: Row): Promise<CreateResult<Out>> => {
    if (caller.role !== 'admin' && stored.teamId !== caller.teamId) {
      throw new ConflictException({
        message: 'This id is already in use',
        errors: { id: ['is already in use'] },
      });
    }
    const record = assertSameAsStored(dto, await how.toResponse(stored), how.unordered);
    await how.audit(retryRead(caller, t.entity, stored));
    return { record, created: false };
  };
  if (dto.id) {
    const stored = await findStored(m, t, dto.id);
    if (stored) return replay(stored);
  }
  const saved = await how.insert();
  if (!saved) return replay((await findStored(m, t, dto.id!))!);
  await how.audit({
    actorId: caller.id,
    action: 'create',
    entityType: t.entity,
    entityId: saved.id,
    participantId: saved.participantId ?? null,
    teamId: saved.teamId,
  });
  return { record: await how.toResponse(saved), created: true };
}

function column<Row extends Keyed>(t: RecordTable<Row>, prop: string): string {
  const col = (t.columns as Record<string, string>)[prop];
  if (!col) throw new Error(`${t.table} has no column for ${prop}`);
  return col;
}
