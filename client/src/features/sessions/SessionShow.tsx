import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { isOwnTeamAttendee, LABELS, OTHER_TEAM_ATTENDEE, type Session } from '@peerpath/shared';
import type { ReactNode } from 'react';
import { DetailList } from '../../components/DetailList';
import { formatDateTime, formatMinutes } from '../../lib/dates';
import { useParticipantLookup } from '../participants/api';
import { participantName } from '../participants/names';
import { useUserName } from '../users/api';

const none = (
  <Box component="span" sx={{ color: 'text.secondary' }}>
    None recorded
  </Box>
);

export function SessionShow({ session: s }: { session: Session }) {
  const userName = useUserName();
  const { known } = useParticipantLookup(
    s.attendance.filter(isOwnTeamAttendee).map((a) => a.participantId),
  );
  const items: [string, ReactNode][] = [
    ['Type', LABELS.sessionType[s.type]],
    ['When', formatDateTime(s.startsAt)],
    ['Length', formatMinutes(s.durationMinutes)],
    ['Setting', LABELS.sessionSetting[s.setting]],
    ['Facilitator', userName(s.facilitatorId)],
    ['Title', s.title || none],
    [
      'What was done',
      s.activities.length ? s.activities.map((a) => LABELS.sessionActivity[a]).join(', ') : none,
    ],
  ];
  return (
    <Box>
      <DetailList items={items} />
      <Typography variant="h3" component="h2" sx={{ mt: 3, mb: 1 }}>
        Attendance
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {s.attendance.map((a, i) => {
          const p = isOwnTeamAttendee(a) ? known.get(a.participantId) : undefined;
          return (
            <Box
              component="li"
              key={a.participantId ?? `other-${i}`}
              sx={{
                display: 'flex',
                justifyContent: 'space-between',
                gap: 2,
                py: 0.75,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              {!isOwnTeamAttendee(a) ? (
                // Someone who has moved to another team since: their record is theirs now.
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {OTHER_TEAM_ATTENDEE}
                </Box>
              ) : p ? (
                <Link href={`/participants/${p.id}`}>{participantName(p)}</Link>
              ) : (
                <span>Loading…</span>
              )}
              <Typography component="span" sx={{ fontWeight: a.status === 'attended' ? 400 : 600 }}>
                {LABELS.attendanceStatus[a.status]}
                {isOwnTeamAttendee(a) && a.note ? ` — ${a.note}` : ''}
              </Typography>
            </Box>
          );
        })}
      </Box>
      <Typography variant="h3" component="h2" sx={{ mt: 3, mb: 1 }}>
        Notes
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {s.notes || none}
      </Typography>
    </Box>
  );
}
