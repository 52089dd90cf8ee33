import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { REPORT_MAX_YEARS } from '@peerpath/shared';
import type { AuthUser } from '../common/auth.decorators';

/** The team a report covers. */
export interface ReportScope {
  /** null: the whole organisation (admins only). */
  teamId: string | null;
  teamName: string | null;
}

/**
 * The team a report covers. Workers and supervisors: their own (another
 * team's id is refused with 403, SPEC §4). Admins: the team they name, or
 * the whole organisation (SPEC §5: an admin's reports default to it).
 */
export async function reportScope(
  db: Pick<DataSource, 'query'>,
  caller: AuthUser,
  requested: string | undefined,
): Promise<ReportScope> {
  let teamId: string;
  if (caller.role !== 'admin') {
    if (requested && requested !== caller.teamId) {
      throw new ForbiddenException('You can only see reports for your own team');
    }
    teamId = caller.teamId!;
  } else if (requested) {
    teamId = requested;
  } else {
    return { teamId: null, teamName: null };
  }
  const rows: { name: string }[] = await db.query(`SELECT name FROM team WHERE id = $1`, [teamId]);
  if (rows.length === 0) throw new NotFoundException('Team not found');
  return { teamId, teamName: rows[0].name };
}

/** The first day that is more than REPORT_MAX_YEARS after `from`. */
export function periodLimit(from: string): string {
  const [y, m, d] = from.split('-').map(Number);
  return new Date(Date.UTC(y + REPORT_MAX_YEARS, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * A report's team as it appears in its file's name: lower-case letters, digits
 * and hyphens, accents dropped from their letters ("Équipe Nord" →
 * "equipe-nord"), at most 60 characters; "all" for the whole organisation.
 */
export function fileSlug(teamName: string | null): string {
  if (teamName === null) return 'all';
  const slug = teamName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'team';
}
