import { ConflictException } from '@nestjs/common';
import type { AuditEntry } from '../audit/audit.service';

function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? v : new Date(t).toISOString();
  }
  return v;
}

/** True when every field `sent` carries equals the same field of `stored` (deeply). */
function matches(sent: unknown, stored: unknown, unordered: boolean): boolean {
  if (Array.isArray(sent)) {
    if (!Array.isArray(stored) || sent.length !== stored.length) return false;
    if (!unordered) return sent.every((x, i) => matches(x, stored[i], false));
    const left = [...stored];
    return sent.every((x) => {
      const i = left.findIndex((y) => matches(x, y, false));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
  }
  if (sent && typeof sent === 'object') {
    if (!stored || typeof stored !== 'object') return false;
    return Object.entries(sent as Record<string, unknown>).every(
      ([k, v]) => v === undefined || matches(v, (stored as Record<string, unknown>)[k], false),
    );
  }
  return normalise(sent) === normalise(stored);
}

/**
 * Safe retries (SPEC §4): a create that names an `id` already stored gets the
 * stored record back when every field it sends equals the stored value, and a
 * 409 otherwise. `stored` is the record as the API returns it. Fields listed in
 * `unordered` (enum sets, attendance) are compared as sets.
 */
export function assertSameAsStored<T extends object>(
  sent: object,
  stored: T,
  unordered: string[] = [],
): T {
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue;
    if (!matches(value, (stored as Record<string, unknown>)[key], unordered.includes(key))) {
      throw new ConflictException({
        message: `A record with this id already exists and its ${key} differs`,
        errors: { [key]: ['differs from the stored record with this id'] },
      });
    }
  }
  return stored;
}

/** What a create returns: the record, and whether it was written now (201) or found stored by a safe retry (200). */
export interface CreateResult<T> {
  record: T;
  /** false when a safe retry found the same record already stored. */
  created: boolean;
}

/**
 * The audit event of a safe retry that returns a stored record: nothing is
 * written to the record, but its contents go back to the caller, so it is a
 * read of it (SPEC §3), named as any other read of that record is.
 */
export function retryRead(
  caller: { id: string },
  entityType: string,
  record: { id: string; participantId?: string | null; teamId: string },
): AuditEntry {
  return {
    actorId: caller.id,
    action: 'read',
    entityType,
    entityId: record.id,
    participantId: record.participantId ?? null,
    teamId: record.teamId,
    details: { retry: true },
  };
}
