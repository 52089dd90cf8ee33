import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { GroupMeeting } from '@peerpath/shared';
import { Link as RouterLink } from 'react-router';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';

const HEIGHT = 140;
const BAR = 28;
const GAP = 12;

/**
 * How many came to each of the last meetings, oldest first: one bar a
 * meeting, plain SVG. Each bar opens its session.
 */
export function AttendanceChart({ meetings }: { meetings: GroupMeeting[] }) {
  const theme = useTheme();
  if (meetings.length === 0) {
    return (
      <Typography color="text.secondary">
        No meetings logged yet. The first one you log shows here.
      </Typography>
    );
  }
  const max = Math.max(1, ...meetings.map((m) => m.attended));
  const width = meetings.length * (BAR + GAP) + GAP;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg
        role="img"
        aria-label={`Attendance at the last ${meetings.length} meetings: ${meetings
          .map((m) => `${formatDate(m.date)}, ${m.attended}`)
          .join('; ')}`}
        width={width}
        height={HEIGHT + 40}
        viewBox={`0 0 ${width} ${HEIGHT + 40}`}
      >
        <line
          x1={0}
          x2={width}
          y1={HEIGHT}
          y2={HEIGHT}
          stroke={theme.palette.divider}
          strokeWidth={1}
        />
        {meetings.map((m, i) => {
          const h = Math.max(2, (m.attended / max) * (HEIGHT - 24));
          const x = GAP + i * (BAR + GAP);
          const day = m.date.slice(8, 10).replace(/^0/, '');
          const month = new Date(`${m.date}T12:00:00Z`).toLocaleString('en', {
            month: 'short',
            timeZone: 'UTC',
          });
          return (
            <RouterLink
              key={m.sessionId}
              to={`/sessions/${m.sessionId}`}
              aria-label={`${formatDate(m.date)}: ${m.attended} came`}
            >
              <rect
                x={x}
                y={HEIGHT - h}
                width={BAR}
                height={h}
                rx={4}
                fill={theme.palette.primary.main}
              />
              <BarText x={x} y={HEIGHT - h - 6} size={13} fill={theme.palette.text.primary}>
                {m.attended}
              </BarText>
              <BarText x={x} y={HEIGHT + 16} size={12} fill={theme.palette.text.secondary}>
                {day}
              </BarText>
              <BarText x={x} y={HEIGHT + 32} size={11} fill={theme.palette.text.secondary}>
                {month}
              </BarText>
            </RouterLink>
          );
        })}
      </svg>
    </Box>
  );
}

/** A line of the chart's text centred on the bar that starts at `x`. */
function BarText({
  x,
  y,
  size,
  fill,
  children,
}: {
  x: number;
  y: number;
  size: number;
  fill: string;
  children: ReactNode;
}) {
  return (
    <text x={x + BAR / 2} y={y} textAnchor="middle" fontSize={size} fill={fill}>
      {children}
    </text>
  );
}
