import { formatOf, OTHER_TEAM_ATTENDEE, type SessionAttendee } from '@peerpath/shared';
import type { SessionEntity } from './session.entity';
import type { SessionResponse } from './session.response';

/**
 * The session columns under their entity property names, and its attendance
 * as a JSON array (by participant name). `s` is the table alias.
 *
 * An attendee who has since moved to another team (SPEC §1) stays on the
 * session, which is the delivering team's record, but only as
 * "Participant of another team" with their status: no id, no note. They come
 * last, in a stable order that does not follow their name.
 */
export const SESSION_COLUMNS = `
  s.id, s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.team_id AS "teamId",
  s.type, s.setting, s.starts_at AS "startsAt", s.duration_minutes AS "durationMinutes",
  s.title, s.activities, s.notes, s.facilitator_id AS "facilitatorId", s.version,
  s.voided_at AS "voidedAt", s.voided_by_id AS "voidedById", s.void_reason AS "voidReason",
  coalesce((
    SELECT json_agg(
             CASE WHEN ap.team_id = s.team_id
                  THEN json_build_object('participantId', a.participant_id, 'status', a.status, 'note', a.note)
                  ELSE json_build_object('participantId', NULL, 'displayName', '${OTHER_TEAM_ATTENDEE}',
                                         'status', a.status)
             END
             ORDER BY ap.team_id <> s.team_id,
                      CASE WHEN ap.team_id = s.team_id THEN lower(ap.last_name) END,
                      CASE WHEN ap.team_id = s.team_id THEN lower(ap.first_name) END,
                      a.status, ap.id)
      FROM attendance a JOIN participant ap ON ap.id = a.participant_id
     WHERE a.session_id = s.id
  ), '[]'::json) AS attendance`;

export type SessionRow = Omit<SessionEntity, 'team' | 'facilitator' | 'voidedBy' | 'attendance'> & {
  attendance: SessionAttendee[];
};

export function toSessionResponse(s: SessionRow): SessionResponse {
  return {
    id: s.id,
    type: s.type,
    format: formatOf(s.type),
    setting: s.setting,
    startsAt: s.startsAt.toISOString(),
    durationMinutes: s.durationMinutes,
    title: s.title,
    activities: s.activities,
    notes: s.notes,
    facilitatorId: s.facilitatorId,
    teamId: s.teamId,
    attendance: s.attendance.map((a) =>
      a.participantId === null
        ? { participantId: null, displayName: OTHER_TEAM_ATTENDEE, status: a.status }
        : { participantId: a.participantId, status: a.status, note: a.note },
    ),
    version: s.version,
    voidedAt: s.voidedAt ? s.voidedAt.toISOString() : null,
    voidedById: s.voidedById,
    voidReason: s.voidReason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
