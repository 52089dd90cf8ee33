/**
 * Server-side helpers for the shared vocabulary. The values themselves
 * (UNFINISHED_ADVOCACY_STATUSES, CASELOAD_ROLES, PAGE_SIZE_DEFAULT, …) live in
 * `@peerpath/shared`, so the client and the server read one list.
 */
export { CASELOAD_ROLES, UNFINISHED_ADVOCACY_STATUSES } from '@peerpath/shared';

/** A list of constant values as SQL literals, for SQL text that must stay fixed (prepared statements). */
export function sqlLiterals(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
