import type { Coverage } from '@peerpath/shared';
import { fieldError } from '../common/access';
import type { Queryable } from '../records';

/**
 * The coverage columns for a participant write (SPEC §13): `undefined` leaves
 * them as they are, `null` clears them, otherwise the profile must exist and
 * be active (400 naming `coverage.profileId`).
 */
export async function coverageColumns(
  m: Queryable,
  coverage: Coverage | null | undefined,
): Promise<{ coverageProfileId?: string | null; coverageMemberId?: string | null }> {
  if (coverage === undefined) return {};
  if (coverage === null) return { coverageProfileId: null, coverageMemberId: null };
  const found: unknown[] = await m.query(`SELECT 1 FROM billing_profile WHERE id = $1 AND active`, [
    coverage.profileId,
  ]);
  if (found.length === 0) {
    throw fieldError(
      'coverage.profileId',
      'coverage.profileId must name an active billing profile',
    );
  }
  return { coverageProfileId: coverage.profileId, coverageMemberId: coverage.memberId };
}

/** The API's `coverage` from the stored columns. */
export function toCoverage(p: {
  coverageProfileId: string | null;
  coverageMemberId: string | null;
}): Coverage | null {
  return p.coverageProfileId && p.coverageMemberId
    ? { profileId: p.coverageProfileId, memberId: p.coverageMemberId }
    : null;
}
