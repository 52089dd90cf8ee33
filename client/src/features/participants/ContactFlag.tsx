import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import SpaOutlined from '@mui/icons-material/SpaOutlined';
import Box from '@mui/material/Box';
import type { ParticipantListItem } from '@peerpath/shared';
import { daysSince, formatDate } from '../../lib/dates';

/** No attended session in the 30 days ending today (as the caseload report counts). */
export function needsContact(p: Pick<ParticipantListItem, 'lastContactOn' | 'status'>): boolean {
  return p.status === 'active' && (!p.lastContactOn || daysSince(p.lastContactOn) >= 30);
}

/**
 * Enrolled within the last 30 days and not yet at a session: new, not neglected.
 * (The caseload report still counts them without recent contact, as SPEC §5 defines it.)
 */
export function isNewWithoutSession(
  p: Pick<ParticipantListItem, 'lastContactOn' | 'status' | 'enrolledOn'>,
): boolean {
  return p.status === 'active' && !p.lastContactOn && daysSince(p.enrolledOn) < 30;
}

/** The table cell's lines: the date, and under it the flag, centred in the row's height. */
const CELL_SX = {
  display: 'flex',
  flexDirection: 'column',
  justifyContent: 'center',
  height: '100%',
  lineHeight: 1.3,
} as const;

const FLAG_SX = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 0.5,
  fontWeight: 600,
  fontSize: '0.8125rem',
} as const;

/** Last contact date, and a flag in words and an icon (never colour alone) when it is overdue. */
export function LastContact({ participant }: { participant: ParticipantListItem }) {
  if (isNewWithoutSession(participant)) {
    return (
      <Box sx={CELL_SX}>
        <span>Enrolled {formatDate(participant.enrolledOn)}</span>
        <Box component="span" sx={{ ...FLAG_SX, color: 'info.main' }}>
          <SpaOutlined sx={{ fontSize: 16 }} aria-hidden />
          New — no session yet
        </Box>
      </Box>
    );
  }
  const flag = needsContact(participant);
  return (
    <Box sx={CELL_SX}>
      <span>
        {participant.lastContactOn ? formatDate(participant.lastContactOn) : 'No sessions yet'}
      </span>
      {flag && (
        <Box component="span" sx={{ ...FLAG_SX, color: 'warning.main' }}>
          <ScheduleOutlined sx={{ fontSize: 16 }} aria-hidden />
          No contact in 30 days
        </Box>
      )}
    </Box>
  );
}
