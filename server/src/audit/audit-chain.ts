import { createHash } from 'node:crypto';

/** Runs one SQL statement and returns its rows (a TypeORM DataSource/EntityManager or a pg client adapter). */
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Rows younger than this are left for the next seal, so a transaction still open is never skipped. */
export const SEAL_MIN_AGE_SECONDS = 60;
const SEAL_LOCK = 7_350_043;
const GENESIS = '0'.repeat(64);
const BATCH = 5000;

/**
 * The canonical text of an audit row: fixed keys, UTC timestamps with
 * microseconds, jsonb text for details — the same whatever session settings.
 */
const CANONICAL = `jsonb_build_object(
    'seq', e.seq, 'id', e.id,
    'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actorId', e.actor_id, 'action', e.action, 'entityType', e.entity_type,
    'entityId', e.entity_id, 'participantId', e.participant_id, 'teamId', e.team_id,
    'details', e.details)::text`;

export function link(previous: string, canonical: string): string {
  return createHash('sha256').update(previous).update('\n').update(canonical).digest('hex');
}

async function head(query: Query): Promise<{ seq: string; hash: string }> {
  const rows = await query(
    // `c.seq`, the bigint: a bare `seq` would sort by the text alias, where '99' > '100'.
    `SELECT c.seq::text AS seq, c.hash FROM audit_chain c ORDER BY c.seq DESC LIMIT 1`,
  );
  return rows[0]
    ? { seq: rows[0].seq as string, hash: rows[0].hash as string }
    : { seq: '0', hash: GENESIS };
}

/**
 * Extends the chain over audit rows older than `minAgeSeconds`, in `seq`
 * order. Call inside a transaction; only one sealer runs at a time (advisory
 * lock), so several replicas can all call it. Returns how many rows it sealed.
 */
export async function sealAuditTrail(
  query: Query,
  minAgeSeconds = SEAL_MIN_AGE_SECONDS,
): Promise<number> {
  const [{ locked }] = await query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SEAL_LOCK]);
  if (!locked) return 0;
  let { seq, hash } = await head(query);
  let sealed = 0;
  for (;;) {
    const rows = await query(
      `SELECT e.seq::text AS seq, ${CANONICAL} AS canonical
         FROM audit_event e
        WHERE e.seq > $1 AND e.at < clock_timestamp() - make_interval(secs => $2)
        ORDER BY e.seq
        LIMIT ${BATCH}`,
      [seq, minAgeSeconds],
    );
    if (rows.length === 0) return sealed;
    const seqs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      hash = link(hash, r.canonical as string);
      seqs.push(r.seq as string);
      hashes.push(hash);
    }
    await query(
      `INSERT INTO audit_chain (seq, hash) SELECT * FROM unnest($1::bigint[], $2::char(64)[])`,
      [seqs, hashes],
    );
    seq = seqs[seqs.length - 1];
    sealed += rows.length;
  }
}

export interface AuditProblem {
  seq: string;
  kind: 'edited' | 'deleted' | 'unsealed';
}

export interface AuditVerification {
  ok: boolean;
  /** Rows whose chain link was checked. */
  checked: number;
  /** The last sealed row and its hash: keep a copy elsewhere to detect a rewritten chain. */
  head: { seq: string; hash: string };
  /** Rows newer than the last seal, not yet covered. */
  pending: number;
  problems: AuditProblem[];
}

/**
 * Recomputes the chain from the first row. An edited row breaks its own link;
 * a deleted row leaves a link with no row; a row slipped in below the head has
 * no link. After a problem the walk re-anchors on the stored link, so every
 * independent problem is reported.
 */
export async function verifyAuditTrail(
  query: Query,
  maxProblems = 100,
): Promise<AuditVerification> {
  const top = await head(query);
  const problems: AuditProblem[] = [];
  let checked = 0;
  let previous = GENESIS;
  let after = '0';
  for (;;) {
    const rows = await query(
      `WITH ev AS (
         SELECT e.seq, ${CANONICAL} AS canonical FROM audit_event e
          WHERE e.seq > $1 AND e.seq <= $2 ORDER BY e.seq LIMIT ${BATCH}
       ), ch AS (
         SELECT c.seq, c.hash FROM audit_chain c
          WHERE c.seq > $1 AND c.seq <= $2 ORDER BY c.seq LIMIT ${BATCH}
       ), upto AS (
         SELECT least(
           coalesce((SELECT max(seq) FROM ev), $2::bigint),
           coalesce((SELECT max(seq) FROM ch), $2::bigint)) AS s
       )
       SELECT coalesce(ev.seq, ch.seq)::text AS seq, ev.canonical, ch.hash
         FROM ev FULL JOIN ch ON ch.seq = ev.seq
        WHERE coalesce(ev.seq, ch.seq) <= (SELECT s FROM upto)
        ORDER BY coalesce(ev.seq, ch.seq)`,
      [after, top.seq],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = r.seq as string;
      if (r.hash === null) {
        problems.push({ seq, kind: 'unsealed' });
      } else if (r.canonical === null) {
        problems.push({ seq, kind: 'deleted' });
        previous = r.hash as string;
      } else {
        const expected = link(previous, r.canonical as string);
        if (expected !== r.hash) problems.push({ seq, kind: 'edited' });
        previous = r.hash as string;
        checked++;
      }
      after = seq;
      if (problems.length >= maxProblems) break;
    }
    if (problems.length >= maxProblems) break;
  }
  const [{ pending }] = await query(
    `SELECT count(*)::int AS pending FROM audit_event WHERE seq > $1`,
    [top.seq],
  );
  return { ok: problems.length === 0, checked, head: top, pending: pending as number, problems };
}
