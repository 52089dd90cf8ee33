import type { TeamRecordType } from '../common/access';

/**
 * What the record layer knows of one kind of team-owned record: its table, the
 * name the audit trail and the 404 use, and its columns by property name. One
 * declaration a record feature; the SELECT list, RETURNING, INSERT and UPDATE
 * are all made from it, so a field is named in the entity, the migration and
 * here, and nowhere else.
 */
export interface RecordTable<Row extends { id: string; teamId: string }> {
  /** The table, e.g. `advocacy_action`. */
  readonly table: string;
  /** The record's name in the audit trail and in `access_denied` events. */
  readonly entity: TeamRecordType;
  /** The 404 message: "Advocacy action not found". */
  readonly notFound: string;
  /** The 409 message when `version` is stale. */
  readonly stale: string;
  /** Column by property. */
  readonly columns: { readonly [K in keyof Row]-?: string };
  /** `col AS "prop"` for every column, for SELECT and RETURNING. */
  readonly select: string;
  /** The same, each column prefixed with an alias (`a.`), for joins. */
  selectAs(alias: string): string;
}

export interface RecordDeclaration<Row> {
  table: string;
  entity: TeamRecordType;
  notFound: string;
  stale: string;
  columns: { readonly [K in keyof Row]-?: string };
}

/** Declares a record kind; see `RecordTable`. */
export function defineRecord<Row extends { id: string; teamId: string }>(
  d: RecordDeclaration<Row>,
): RecordTable<Row> {
  const list = (alias: string) =>
    Object.entries(d.columns as Record<string, string>)
      .map(([prop, col]) => (prop === col ? `${alias}${col}` : `${alias}${col} AS "${prop}"`))
      .join(', ');
  return {
    ...d,
    select: list(''),
    selectAs: (alias) => list(`${alias}.`),
  };
}
