import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Box from '@mui/material/Box';
import type { ParticipantListItem } from '@peerpath/shared';
import { daysSince, formatDate } from '../../components/dates';

/** No attended session in the 30 days ending today (as the caseload report counts). */
export function needsContact(p: Pick<ParticipantListItem, 'lastContactOn' | 'status'>): boolean {
  return p.status === 'active' && (!p.lastContactOn || daysSince(p.lastContactOn) >= 30);
}

/** Last contact date, and a flag in words and an icon (never colour alone) when it is overdue. */
export function LastContact({ participant }: { participant: ParticipantListItem }) {
  const flag = needsContact(participant);
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        height: '100%',
        lineHeight: 1.3,
      }}
    >
      <span>
        {participant.lastContactOn ? formatDate(participant.lastContactOn) : 'No sessions yet'}
      </span>
      {flag && (
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            color: 'warning.main',
            fontWeight: 600,
            fontSize: '0.8125rem',
          }}
        >
          <ScheduleOutlined sx={{ fontSize: 16 }} aria-hidden />
          No contact in 30 days
        </Box>
      )}
    </Box>
  );
}
