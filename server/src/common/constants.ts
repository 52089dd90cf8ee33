import type { AdvocacyStatus, Role } from '@peerpath/shared';

/**
 * Server-side vocabulary that more than one feature compares with. Values the
 * client needs too live in `@peerpath/shared` (PAGE_SIZE_DEFAULT,
 * HANDOUT_METHODS, …); these are the server's own readings of them.
 */

/** Advocacy still being worked on: what can be overdue, the caseload's open count, a next step. */
export const UNFINISHED_ADVOCACY_STATUSES: readonly AdvocacyStatus[] = ['open', 'in_progress'];

/** The roles that carry a caseload: who can be a primary worker, a facilitator or an assignee. */
export const CASELOAD_ROLES: readonly Role[] = ['worker', 'supervisor'];

/** A list of constant values as SQL literals, for SQL text that must stay fixed (prepared statements). */
export function sqlLiterals(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
