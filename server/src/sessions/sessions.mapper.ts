import { formatOf, OTHER_TEAM_ATTENDEE, type SessionAttendee } from '@peerpath/shared';
import { computed, defineRecord } from '../records';
import type { SessionEntity } from './session.entity';
import type { SessionResponse } from './session.response';

/**
 * The session as the record layer reads and writes it, with its attendance
 * (its own table, written by the service) read as a JSON array by participant
 * name.
 *
 * An attendee who has since moved to another team (SPEC §1) stays on the
 * session, which is the delivering team's record, but only as
 * "Participant of another team" with their status: no id, no note. They come
 * last, in a stable order that does not follow their name.
 */
export const SESSION = defineRecord<SessionRow>({
  table: 'support_session',
  entity: 'session',
  notFound: 'Session not found',
  stale: 'This session was changed by someone else; reload it and try again',
  columns: {
    id: 'id',
    teamId: 'team_id',
    type: 'type',
    setting: 'setting',
    startsAt: 'starts_at',
    durationMinutes: 'duration_minutes',
    title: 'title',
    activities: 'activities',
    notes: 'notes',
    facilitatorId: 'facilitator_id',
    version: 'version',
    voidedAt: 'voided_at',
    voidedById: 'voided_by_id',
    voidReason: 'void_reason',
    groupId: 'group_id',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    attendance: computed(
      (s) => `coalesce((
    SELECT json_agg(
             CASE WHEN ap.team_id = ${s}.team_id
                  THEN json_build_object('participantId', a.participant_id, 'status', a.status, 'note', a.note)
                  ELSE json_build_object('participantId', NULL, 'displayName', '${OTHER_TEAM_ATTENDEE}',
                                         'status', a.status)
             END
             ORDER BY ap.team_id <> ${s}.team_id,
                      CASE WHEN ap.team_id = ${s}.team_id THEN lower(ap.last_name) END,
                      CASE WHEN ap.team_id = ${s}.team_id THEN lower(ap.first_name) END,
                      a.status, ap.id)
      FROM attendance a JOIN participant ap ON ap.id = a.participant_id
     WHERE a.session_id = ${s}.id
  ), '[]'::json)`,
    ),
  },
});

export type SessionRow = Omit<
  SessionEntity,
  'recordKey' | 'team' | 'facilitator' | 'voidedBy' | 'attendance' | 'group'
> & {
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
    groupId: s.groupId,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
