import { stringify } from 'csv-stringify/sync';
import {
  BILLING_BLOCK_REASONS,
  CLAIM_CSV_COLUMNS,
  type BillingBlockReason,
  type ClaimLine,
} from '@peerpath/shared';
import { attendedBetween } from '../database/rollups';
import type { Queryable } from '../records';

/**
 * The claim lines of SPEC §13, computed in PostgreSQL: one line for each
 * `attended` row of a session that is not voided, whose day (ORG_TIMEZONE)
 * falls in the period, of one team or all. Every rule is an expression of the
 * row; the daily cap is a window over the person's billable lines of the day
 * in session start order, in every team (the line that crosses it is cut to
 * what remains, later ones are blocked): for one team, its people's lines in
 * other teams that period are computed too, to count toward the cap, and left
 * out of `lines`. Parameters: $1 from, $2 to (dates, inclusive), $3 team
 * (null: every team), $4 the organisation's time zone.
 *
 * A person with no profile has units counted as floor15 (the smaller figure).
 */
export const CLAIM_LINES_SQL = `
WITH own AS MATERIALIZED (
  SELECT a.session_id, a.participant_id
    FROM support_session s
    JOIN attendance a ON a.session_id = s.id AND a.status = 'attended'
   WHERE s.voided_at IS NULL
     AND s.starts_at >= ($1::date)::timestamp AT TIME ZONE $4
     AND s.starts_at < ($2::date + 1)::timestamp AT TIME ZONE $4
     AND ($3::uuid IS NULL OR s.team_id = $3::uuid)
),
attended AS (
  SELECT session_id, participant_id FROM own
  UNION ALL
  -- With one team: the same people's attendance in other teams that period (the cap is per person).
  SELECT a.session_id, a.participant_id
    FROM (SELECT DISTINCT participant_id FROM own) o
    JOIN attendance a ON a.participant_id = o.participant_id AND a.status = 'attended'
         -- Only people another team met in the period (participant_contact: the days each
         -- person attended, per team), not the whole organisation's period, are looked up.
         AND EXISTS (SELECT 1 FROM participant_contact pc
                      WHERE pc.participant_id = o.participant_id AND pc.team_id <> $3::uuid
                        AND ${attendedBetween('pc', '$1::date', '$2::date')})
    JOIN support_session s ON s.id = a.session_id
   WHERE $3::uuid IS NOT NULL AND s.team_id <> $3::uuid AND s.voided_at IS NULL
     AND s.starts_at >= ($1::date)::timestamp AT TIME ZONE $4
     AND s.starts_at < ($2::date + 1)::timestamp AT TIME ZONE $4
),
base AS (
  SELECT s.id AS session_id, s.team_id, s.starts_at, s.setting, s.duration_minutes,
         s.type <> 'one_to_one_mentoring' AS is_group,
         a.participant_id,
         p.team_id AS participant_team_id,
         btrim(p.first_name || ' ' || p.last_name) AS member_name,
         (s.starts_at AT TIME ZONE $4)::date AS service_date,
         CASE WHEN bp.active THEN bp.id END AS profile_id,
         bp.code, bp.unit_rate, bp.max_units_per_day,
         CASE WHEN bp.active THEN p.coverage_member_id END AS member_id,
         CASE WHEN bp.id IS NULL THEN '{}'::text[]
              WHEN s.type <> 'one_to_one_mentoring' AND bp.group_modifier IS NOT NULL
                THEN bp.modifiers || bp.group_modifier::text
              ELSE bp.modifiers END AS modifiers,
         CASE WHEN bp.rounding = 'eight_minute' THEN (s.duration_minutes + 7) / 15
              ELSE s.duration_minutes / 15 END AS raw_units,
         u.id AS worker_id, u.display_name AS worker_name, u.credential,
         n.id AS note_id,
         cl.batch_id,
         array_remove(ARRAY[
           CASE WHEN bp.id IS NULL OR NOT bp.active THEN 'no_coverage' END,
           CASE WHEN n.id IS NULL THEN 'no_note' END,
           CASE WHEN n.status = 'draft' THEN 'note_unsigned' END,
           CASE WHEN n.status = 'signed'
                 AND (n.cosign_required OR u.cosign_required OR coalesce(bp.requires_cosign, false))
                THEN 'awaiting_cosign' END,
           CASE WHEN bp.requires_active_plan AND NOT EXISTS (
                  SELECT 1 FROM recovery_plan rp
                   WHERE rp.participant_id = a.participant_id AND rp.status <> 'draft'
                     AND rp.activated_on <= (s.starts_at AT TIME ZONE $4)::date
                     AND (rp.superseded_on IS NULL OR (s.starts_at AT TIME ZONE $4)::date < rp.superseded_on))
                THEN 'no_active_plan' END,
           CASE WHEN (CASE WHEN bp.rounding = 'eight_minute' THEN (s.duration_minutes + 7) / 15
                           ELSE s.duration_minutes / 15 END) = 0 THEN 'zero_units' END,
           CASE WHEN u.credential IS NOT NULL
                 AND u.credential_expires_on < (s.starts_at AT TIME ZONE $4)::date
                THEN 'credential_expired' END,
           CASE WHEN bp.requires_credential AND u.credential IS NULL THEN 'no_credential' END,
           CASE WHEN s.type <> 'one_to_one_mentoring' AND bp.max_group_size IS NOT NULL
                 AND (SELECT count(*) FROM attendance x
                       WHERE x.session_id = s.id AND x.status = 'attended') > bp.max_group_size
                THEN 'group_too_large' END
         ], NULL) AS reasons
    FROM attended r
    JOIN support_session s ON s.id = r.session_id
    JOIN attendance a ON a.session_id = r.session_id AND a.participant_id = r.participant_id
    JOIN participant p ON p.id = a.participant_id
    JOIN app_user u ON u.id = s.facilitator_id
    LEFT JOIN billing_profile bp ON bp.id = p.coverage_profile_id
    LEFT JOIN session_note n ON n.session_id = a.session_id AND n.participant_id = a.participant_id
    LEFT JOIN billing_claim_line cl
           ON cl.session_id = s.id AND cl.participant_id = a.participant_id AND cl.live
),
capped AS (
  SELECT b.*,
         CASE WHEN cardinality(b.reasons) > 0 THEN 0
              WHEN b.max_units_per_day IS NULL THEN b.raw_units
              ELSE LEAST(b.raw_units, GREATEST(0, b.max_units_per_day - coalesce(sum(b.raw_units)
                     FILTER (WHERE cardinality(b.reasons) = 0) OVER (
                       PARTITION BY b.participant_id, b.service_date
                       ORDER BY b.starts_at, b.session_id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)))
         END::int AS units
    FROM base b
),
lines AS (
  SELECT c.*,
         CASE WHEN cardinality(c.reasons) = 0 AND c.units = 0
              THEN ARRAY['daily_cap']::text[] ELSE c.reasons END AS block_reasons
    FROM capped c
   WHERE $3::uuid IS NULL OR c.team_id = $3::uuid
)`;

/** The columns every line query selects, as the API's ClaimLine. */
const LINE_COLUMNS = `
  l.session_id AS "sessionId",
  CASE WHEN l.participant_team_id = l.team_id THEN l.participant_id END AS "participantId",
  l.member_name AS "memberName",
  l.member_id AS "memberId",
  to_char(l.service_date, 'YYYY-MM-DD') AS "serviceDate",
  l.profile_id AS "profileId",
  l.code,
  l.modifiers,
  l.raw_units AS "rawUnits",
  l.units,
  CASE WHEN l.unit_rate IS NULL THEN NULL ELSE round(l.units * l.unit_rate, 2)::float8 END AS amount,
  CASE l.setting WHEN 'clinic' THEN '11' WHEN 'home_visit' THEN '12' WHEN 'online' THEN '02'
                 WHEN 'phone' THEN '02' WHEN 'hospital' THEN '22' ELSE '99' END AS "placeOfService",
  l.worker_id AS "renderingWorkerId",
  l.worker_name AS "renderingWorkerName",
  l.credential,
  l.note_id AS "noteId",
  l.batch_id AS "batchId",
  l.block_reasons AS reasons`;

export type LineRow = ClaimLine;

/** The billable lines (`billable`) or the blocked ones, in service order, with the totals. */
export async function queryClaimLines(
  m: Queryable,
  p: { from: string; to: string; teamId: string | null; timezone: string },
  billable: boolean,
): Promise<{
  items: LineRow[];
  totals: { lines: number; units: number; amount: number | null };
}> {
  const rows: (LineRow & { t_lines: number; t_units: number; t_amount: number | null })[] =
    await m.query(
      `${CLAIM_LINES_SQL}
       SELECT ${LINE_COLUMNS},
              count(*) OVER ()::int AS t_lines,
              sum(l.units) OVER ()::int AS t_units,
              round(sum(l.units * l.unit_rate) OVER (), 2)::float8 AS t_amount
         FROM lines l
        WHERE cardinality(l.block_reasons) ${billable ? '= 0' : '> 0'}
        ORDER BY l.service_date, l.starts_at, l.session_id, l.member_name, l.participant_id`,
      [p.from, p.to, p.teamId, p.timezone],
    );
  const first = rows[0];
  const totals = first
    ? { lines: first.t_lines, units: first.t_units, amount: first.t_amount }
    : { lines: 0, units: 0, amount: null };
  return {
    items: rows.map(({ t_lines: _l, t_units: _u, t_amount: _a, ...line }) => line),
    totals,
  };
}

/** Blocked lines by reason (a line with two reasons counts under both), every reason present. */
export async function blockedByReason(
  m: Queryable,
  p: { from: string; to: string; teamId: string | null; timezone: string },
): Promise<Record<BillingBlockReason, number>> {
  const rows: { reason: BillingBlockReason; n: number }[] = await m.query(
    `${CLAIM_LINES_SQL}
     SELECT r.reason, count(*)::int AS n
       FROM lines l, unnest(l.block_reasons) AS r(reason)
      GROUP BY r.reason`,
    [p.from, p.to, p.teamId, p.timezone],
  );
  const out = Object.fromEntries(BILLING_BLOCK_REASONS.map((r) => [r, 0])) as Record<
    BillingBlockReason,
    number
  >;
  for (const r of rows) out[r.reason] = r.n;
  return out;
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function inert(text: string | null): string {
  if (text === null) return '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Claim lines as CSV, columns CLAIM_CSV_COLUMNS (README "Billing"). */
export function claimLinesCsv(items: ClaimLine[]): Buffer {
  const rows = items.map((l) => [
    l.serviceDate,
    inert(l.memberId),
    inert(l.memberName),
    inert(l.code),
    l.modifiers.join(':'),
    String(l.units),
    l.amount === null ? '' : l.amount.toFixed(2),
    l.placeOfService,
    inert(l.renderingWorkerName),
    inert(l.credential),
    l.sessionId,
    l.noteId ?? '',
  ]);
  return Buffer.from(stringify([[...CLAIM_CSV_COLUMNS], ...rows]), 'utf8');
}
