import { formatOf, type AttendanceStatus } from '@peerpath/shared';
import type { SessionEntity } from './session.entity';
import type { SessionResponse } from './session.response';

/**
 * The session columns under their entity property names, and its attendance
 * as a JSON array (by participant name). `s` is the table alias.
 */
export const SESSION_COLUMNS = `
  s.id, s.created_at AS "createdAt", s.updated_at AS "updatedAt", s.team_id AS "teamId",
  s.type, s.setting, s.starts_at AS "startsAt", s.duration_minutes AS "durationMinutes",
  s.title, s.activities, s.notes, s.facilitator_id AS "facilitatorId", s.version,
  coalesce((
    SELECT json_agg(
             json_build_object('participantId', a.participant_id, 'status', a.status, 'note', a.note)
             ORDER BY lower(ap.last_name), lower(ap.first_name), ap.id)
      FROM attendance a JOIN participant ap ON ap.id = a.participant_id
     WHERE a.session_id = s.id
  ), '[]'::json) AS attendance`;

export type SessionRow = Omit<SessionEntity, 'team' | 'facilitator' | 'attendance'> & {
  attendance: { participantId: string; status: AttendanceStatus; note: string | null }[];
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
    attendance: s.attendance.map((a) => ({
      participantId: a.participantId,
      status: a.status,
      note: a.note,
    })),
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
