import type { TeamRecordType } from '../common/access';

/**
 * How a property is stored: a column name, or one of
 * - `json('options')`: a jsonb column, written as JSON text;
 * - `computed((alias) => sql)`: read-only, an expression over the row (e.g. its
 *   child rows as a JSON array); `alias` names the record's row in the query.
 */
export type ColumnSpec = string | JsonColumn | ComputedColumn;
interface JsonColumn {
  readonly kind: 'json';
  readonly column: string;
}
interface ComputedColumn {
  readonly kind: 'computed';
  readonly sql: (alias: string) => string;
}

/** A jsonb column: values are written as JSON text (`$n::jsonb`). */
export function json(column: string): JsonColumn {
  return { kind: 'json', column };
}

/** A read-only property computed in SQL from the row; `alias` is how the row is named. */
export function computed(sql: (alias: string) => string): ComputedColumn {
  return { kind: 'computed', sql };
}

/**
 * What the record layer knows of one kind of record: its table, the name the
 * audit trail and the 404 use, and its columns by property name. One
 * declaration a record feature; the SELECT list, RETURNING, INSERT and UPDATE
 * are all made from it, so a field is named in the entity, the migration and
 * here, and nowhere else. `Entity` is a team-owned kind (`TEAM_RECORD_TABLES`)
 * unless said otherwise (the resource directory is shared by all teams).
 */
export interface RecordTable<Row extends { id: string }, Entity extends string = TeamRecordType> {
  /** The table, e.g. `advocacy_action`. */
  readonly table: string;
  /** The record's name in the audit trail and in `access_denied` events. */
  readonly entity: Entity;
  /** The 404 message: "Advocacy action not found". */
  readonly notFound: string;
  /** The 409 message when `version` is stale (versioned records). */
  readonly stale: string;
  /** How each property is stored. */
  readonly columns: { readonly [K in keyof Row]-?: ColumnSpec };
  /** The order its lists take unless told otherwise (an SQL ORDER BY over its columns). */
  readonly listOrder?: string;
  /** `col AS "prop"` for every property, for SELECT and RETURNING from the unaliased table. */
  readonly select: string;
  /** The same, each column prefixed with an alias (`a.`), for joins. */
  selectAs(alias: string): string;
  /** The column a property is written to, and the cast of its parameter; throws for a computed one. */
  writable(prop: string): { column: string; json: boolean };
}

export interface RecordDeclaration<Row, Entity extends string> {
  table: string;
  entity: Entity;
  notFound: string;
  stale?: string;
  columns: { readonly [K in keyof Row]-?: ColumnSpec };
  listOrder?: string;
}

/** Declares a record kind; see `RecordTable`. */
export function defineRecord<Row extends { id: string }, Entity extends string = TeamRecordType>(
  d: RecordDeclaration<Row, Entity>,
): RecordTable<Row, Entity> {
  const specs = Object.entries(d.columns as Record<string, ColumnSpec>);
  // Computed expressions refer to the row by the table's name when it has no alias.
  const list = (alias: string | null) =>
    specs
      .map(([prop, spec]) => {
        if (typeof spec !== 'string' && spec.kind === 'computed') {
          return `${spec.sql(alias ?? d.table)} AS "${prop}"`;
        }
        const col = typeof spec === 'string' ? spec : spec.column;
        const ref = alias ? `${alias}.${col}` : col;
        return prop === col ? ref : `${ref} AS "${prop}"`;
      })
      .join(', ');
  return {
    ...d,
    stale: d.stale ?? 'This record was changed by someone else; reload it and try again',
    select: list(null),
    selectAs: (alias) => list(alias),
    writable(prop) {
      const spec = (d.columns as Record<string, ColumnSpec | undefined>)[prop];
      if (spec === undefined) throw new Error(`${d.table} has no column for ${prop}`);
      if (typeof spec === 'string') return { column: spec, json: false };
      if (spec.kind === 'json') return { column: spec.column, json: true };
      throw new Error(`${d.table}.${prop} is computed and cannot be written`);
    },
  };
}
