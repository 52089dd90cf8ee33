import type { Client } from 'pg';

/**
 * The tables a bulk load fills. Loading them without their indexes and
 * foreign keys, then building those once, is several times faster than
 * updating them row by row; the definitions are read from the catalog and
 * restored verbatim, in the same transaction, and the result is compared with
 * the schema before the load.
 */
export const BULK_TABLES = [
  'participant',
  'support_session',
  'attendance',
  'handout',
  'advocacy_action',
  'decision_note',
  'recovery_plan',
  'recovery_plan_goal',
  'recovery_plan_review',
  'session_note',
  'measurement',
  'safety_alert',
  'time_entry',
  'supervision',
  'consent',
  'disclosure',
];

interface ConstraintDef {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  def: string;
}

interface IndexDef {
  name: string;
  def: string;
}

export interface DroppedSchema {
  keys: ConstraintDef[];
  foreignKeys: ConstraintDef[];
  indexes: IndexDef[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every constraint and index of the public schema, as text: equal before and after a load. */
export async function schemaSnapshot(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' ||
            pg_get_constraintdef(c.oid) || CASE WHEN c.convalidated THEN '' ELSE ' NOT VALID' END AS line
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid <> 0
     UNION ALL
     SELECT 'index ' || i.indexrelid::regclass::text || ' ' || pg_get_indexdef(i.indexrelid) ||
            CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'
      ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}

/** Drops the foreign keys, keys and indexes of `tables`; returns what `restore` needs. */
export async function dropForLoad(client: Client, tables: string[]): Promise<DroppedSchema> {
  const { rows: constraints } = await client.query<ConstraintDef>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type,
            pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u', 'f')
        AND (c.conrelid = ANY($1::regclass[]) OR (c.contype = 'f' AND c.confrelid = ANY($1::regclass[])))
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const { rows: indexes } = await client.query<IndexDef>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY 1`,
    [tables],
  );
  const foreignKeys = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f' && tables.includes(c.table));
  for (const fk of foreignKeys) {
    await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${ident(fk.name)}`);
  }
  for (const k of keys)
    await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${ident(k.name)}`);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  return { keys, foreignKeys, indexes };
}

/** Rebuilds what `dropForLoad` dropped: keys, then indexes, then foreign keys (checked). */
export async function restoreAfterLoad(
  client: Client,
  dropped: DroppedSchema,
  tick: (fraction: number) => void,
  beforeForeignKeys: () => Promise<void> = async () => undefined,
): Promise<void> {
  const build = [
    ...dropped.keys.map((k) => `ALTER TABLE ${k.table} ADD CONSTRAINT ${ident(k.name)} ${k.def}`),
    ...dropped.indexes.map((ix) => ix.def),
  ];
  const check = dropped.foreignKeys.map(
    (fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT ${ident(fk.name)} ${fk.def}`,
  );
  const total = build.length + check.length + 1;
  let done = 0;
  for (const sql of build) {
    await client.query(sql);
    tick(++done / total);
  }
  await beforeForeignKeys();
  tick(++done / total);
  for (const sql of check) {
    await client.query(sql);
    tick(++done / total);
  }
}
