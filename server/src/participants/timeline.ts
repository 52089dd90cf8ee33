import {
  isClosedOutcome,
  LABELS,
  type AdvocacyCategory,
  type AdvocacyStatus,
  type AttendanceStatus,
  type HandoutMethod,
  type HandoutOutcome,
  type NoteStatus,
  type SessionType,
  type TimelineItem,
  type TimelineNote,
  type TimelineKind,
} from '@peerpath/shared';
import { sqlLiterals, UNFINISHED_ADVOCACY_STATUSES } from '../common/constants';
import { toIsoDate } from '../common/dates';

/**
 * Everything attached to one participant, newest first, in one query. A
 * date-only record sorts at that day's start in ORG_TIMEZONE (the connection's
 * TimeZone), so `date::timestamptz` compares correctly with session instants.
 * Columns a/b/c/n carry what the summary is built from; body/dueOn/late what
 * the snippet is (a session's notes or a note's decision; an advocacy action's
 * due date, past due when still open or in progress before today in
 * ORG_TIMEZONE; a handout's follow-up date; a plan's next review date). A
 * plan's activation and each review of it are entries of their own: c holds
 * the plan's id, n its version number. Another team's session reads no
 * notes at all.
 *
 * $1 the participant, $2 their team, $3 include voided sessions (of that
 * team; supervisors and admins only), $4 the caller is an admin. A session
 * another team delivered (the person moved since, SPEC §1) is not openable
 * except by an admin: only its type, instant and team are read.
 */
export const TIMELINE_SQL = `
  SELECT kind, id, at, on_date AS "onDate", a, b, c, n, openable, team_name AS "teamName", voided,
         body, due_on::text AS "dueOn", late, note
    FROM (
    SELECT 'session'::text AS kind, s.id, s.starts_at AS at, NULL::date AS on_date,
           s.type::text AS a,
           CASE WHEN s.team_id = $2 OR $4 THEN att.status::text END AS b,
           CASE WHEN s.team_id = $2 OR $4 THEN s.title::text END AS c,
           CASE WHEN s.team_id = $2 OR $4 THEN s.duration_minutes END AS n,
           s.team_id = $2 OR $4 AS openable,
           CASE WHEN s.team_id <> $2 AND NOT $4 THEN tm.name::text END AS team_name,
           s.voided_at IS NOT NULL AS voided,
           CASE WHEN s.team_id = $2 OR $4 THEN s.notes END AS body,
           NULL::date AS due_on, false AS late,
           CASE WHEN sn.id IS NOT NULL AND (s.team_id = $2 OR $4) THEN
             json_build_object('id', sn.id, 'status', sn.status, 'late', sn.late,
                               'goalIds', to_json(sn.goal_ids))
           END AS note
      FROM attendance att
      JOIN support_session s ON s.id = att.session_id
      JOIN team tm ON tm.id = s.team_id
      LEFT JOIN session_note sn ON sn.session_id = s.id AND sn.participant_id = att.participant_id
     WHERE att.participant_id = $1
       AND (s.voided_at IS NULL OR ($3 AND s.team_id = $2))
    UNION ALL
    SELECT 'advocacy', x.id, x.opened_on::timestamptz, x.opened_on,
           x.category, x.status, x.title, NULL, true, NULL, false,
           NULL, x.due_on, x.due_on < CURRENT_DATE AND x.status IN (${sqlLiterals(UNFINISHED_ADVOCACY_STATUSES)}), NULL
      FROM advocacy_action x
     WHERE x.participant_id = $1
    UNION ALL
    SELECT 'handout', h.id, h.given_on::timestamptz, h.given_on, r.name, h.outcome, h.method, NULL,
           true, NULL, false, NULL, h.follow_up_on, false, NULL
      FROM handout h JOIN resource r ON r.id = h.resource_id
     WHERE h.participant_id = $1
    UNION ALL
    SELECT 'decision_note', d.id, d.discussed_on::timestamptz, d.discussed_on, d.topic, NULL, NULL, NULL,
           true, NULL, false, d.decision, NULL, false, NULL
      FROM decision_note d
     WHERE d.participant_id = $1
    UNION ALL
    SELECT 'plan_activated', rp.id, rp.activated_on::timestamptz, rp.activated_on,
           rp.participant_agreed_on::text, NULL, rp.id::text, rp.version_no, true, NULL, false,
           NULL, rp.review_due_on, false, NULL
      FROM recovery_plan rp
     WHERE rp.participant_id = $1 AND rp.activated_on IS NOT NULL
    UNION ALL
    SELECT 'plan_reviewed', rr.id, rr.reviewed_on::timestamptz, rr.reviewed_on,
           NULL, NULL, rr.plan_id::text, rp.version_no, true, NULL, false,
           NULL, rr.review_due_on, false, NULL
      FROM recovery_plan_review rr JOIN recovery_plan rp ON rp.id = rr.plan_id
     WHERE rr.participant_id = $1
  ) t
  ORDER BY at DESC, kind, id`;

export interface TimelineRow {
  kind: TimelineKind;
  id: string;
  at: Date;
  onDate: string | null;
  a: string | null;
  b: string | null;
  c: string | null;
  n: number | null;
  openable: boolean;
  teamName: string | null;
  voided: boolean;
  body: string | null;
  dueOn: string | null;
  late: boolean;
  /** A session's note for this person (SPEC §8); its goals are named by the service. */
  note: { id: string; status: NoteStatus; late: boolean; goalIds: string[] } | null;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** One line a worker can scan: "Support group · attended · 90 min". */
export function timelineSummary(r: TimelineRow): string {
  switch (r.kind) {
    case 'session':
      return [
        LABELS.sessionType[r.a as SessionType],
        lower(LABELS.attendanceStatus[r.b as AttendanceStatus]),
        `${r.n} min`,
      ].join(' · ');
    case 'advocacy':
      return [
        `${LABELS.advocacyCategory[r.a as AdvocacyCategory]} advocacy`,
        r.c,
        lower(LABELS.advocacyStatus[r.b as AdvocacyStatus]),
      ].join(' · ');
    case 'handout':
      return [
        r.a,
        lower(LABELS.handoutMethod[r.c as HandoutMethod]),
        lower(LABELS.handoutOutcome[r.b as HandoutOutcome]),
      ].join(' · ');
    case 'decision_note':
      return r.a ?? '';
    case 'plan_activated':
      return `Recovery plan · version ${r.n} agreed`;
    case 'plan_reviewed':
      return `Recovery plan · version ${r.n} reviewed`;
  }
}

/** At most this many characters of notes or a decision in a snippet. */
export const SNIPPET_LENGTH = 120;

/** Free text on one line, cut at a word near SNIPPET_LENGTH with "…". */
export function oneLine(text: string | null): string | null {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const cut = flat.slice(0, SNIPPET_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SNIPPET_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A calendar date as the organisation writes it: "4 Dec 2026" in en-GB. */
function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * What happened, in one line under the summary: a session's notes, an
 * advocacy action's status and due date ("past due" when late), a handout's
 * status (and follow-up date while open), a decision note's decision.
 */
export function timelineSnippet(r: TimelineRow, locale = 'en-GB'): string | null {
  switch (r.kind) {
    case 'session':
      return oneLine(r.body);
    case 'advocacy': {
      const parts = [LABELS.advocacyStatus[r.b as AdvocacyStatus]];
      if (r.dueOn) parts.push(`due ${dayLabel(r.dueOn, locale)}`);
      if (r.late) parts.push('past due');
      return parts.join(' · ');
    }
    case 'handout': {
      const parts = [LABELS.handoutOutcome[r.b as HandoutOutcome]];
      if (!isClosedOutcome(r.b as HandoutOutcome) && r.dueOn)
        parts.push(`follow up ${dayLabel(r.dueOn, locale)}`);
      return parts.join(' · ');
    }
    case 'decision_note':
      return oneLine(r.body) ?? 'No decision yet';
    case 'plan_activated': {
      const parts = [];
      if (r.a) parts.push(`Agreed on ${dayLabel(r.a, locale)}`);
      if (r.dueOn) parts.push(`review due ${dayLabel(r.dueOn, locale)}`);
      return parts.join(' · ') || null;
    }
    case 'plan_reviewed':
      return r.dueOn ? `Next review ${dayLabel(r.dueOn, locale)}` : null;
  }
}

export function toTimelineItem(
  r: TimelineRow,
  locale = 'en-GB',
  goals: ReadonlyMap<string, string> = new Map(),
): TimelineItem {
  const date = r.kind === 'session' ? r.at.toISOString() : toIsoDate(r.onDate)!;
  if (!r.openable) {
    // Another team's session: what, when and by whom only (SPEC §1).
    const type = r.a as SessionType;
    return {
      kind: r.kind,
      id: r.id,
      date,
      type,
      teamName: r.teamName!,
      summary: `${LABELS.sessionType[type]} · ${r.teamName}`,
      snippet: null,
      openable: false,
    };
  }
  return {
    kind: r.kind,
    id: r.id,
    date,
    summary: timelineSummary(r),
    snippet: timelineSnippet(r, locale),
    openable: true,
    ...(r.voided ? { voided: true } : {}),
    ...(r.kind === 'plan_activated' || r.kind === 'plan_reviewed' ? { planId: r.c! } : {}),
    ...(r.note ? { note: timelineNote(r.note, goals) } : {}),
  };
}

/** A session's note as the timeline shows it: status, late flag and the goals it worked on as chips. */
function timelineNote(
  n: NonNullable<TimelineRow['note']>,
  goals: ReadonlyMap<string, string>,
): TimelineNote {
  return {
    id: n.id,
    status: n.status,
    late: n.late,
    goals: n.goalIds.map((id) => ({ id, statement: goals.get(id) ?? '' })),
  };
}
