import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { HANDOUT_OUTCOMES, LABELS, SESSION_TYPES, type ActivitySummary } from '@peerpath/shared';
import { lazy, useId } from 'react';
import { StatTiles } from '../../components/StatTiles';
import { WhenNearScreen } from '../../components/WhenNearScreen';
import { listUrl } from '../../hooks/useUrlState';
import { HoursHelp } from './HoursHelp';

// The charts' code (MUI X Charts) is fetched when the first of them comes near the screen.
const BarChart = lazy(() =>
  import('@mui/x-charts/BarChart').then((m) => ({ default: m.BarChart })),
);

/** A bar chart of some figures, with a table holding the same figures for screen readers. */
function FigureChart({
  title,
  rowLabel,
  column,
  rows,
  color,
}: {
  title: string;
  rowLabel: string;
  column: string;
  rows: { label: string; value: number; href?: string }[];
  color: string;
}) {
  const id = useId();
  const height = Math.max(160, rows.length * 44 + 40);
  return (
    <Box
      component="section"
      aria-labelledby={id}
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
        gap: 2,
        mb: 2,
      }}
    >
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="h3" id={id} sx={{ mb: 1 }}>
          {title}
        </Typography>
        {/* The table beside it holds the same figures for screen readers and keyboards. */}
        <Box aria-hidden inert>
          <WhenNearScreen height={height}>
            <BarChart
              dataset={rows}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'label', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[{ dataKey: 'value', label: column, color }]}
              height={height}
              hideLegend
            />
          </WhenNearScreen>
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
        <Table size="small" aria-labelledby={id}>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{rowLabel}</TableCell>
              <TableCell scope="col" align="right">
                {column}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.label}>
                <TableCell component="th" scope="row">
                  {r.label}
                </TableCell>
                <TableCell align="right">
                  {r.href && r.value > 0 ? (
                    <Link href={r.href} aria-label={`${r.value} ${r.label}: see the list`}>
                      {r.value}
                    </Link>
                  ) : (
                    r.value
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The activity summary of a period: headline figures, and sessions by type as a chart and a table. */
export function ActivitySummaryView({ summary: s }: { summary: ActivitySummary }) {
  const theme = useTheme();
  const { from, to } = s.period;
  const sessions = (type?: string) => listUrl('/sessions', { from, to, type });
  const byType = SESSION_TYPES.map((t) => ({
    type: LABELS.sessionType[t],
    sessions: s.sessions.byType[t],
    href: sessions(t),
  }));
  return (
    <Box>
      <StatTiles
        label="Activity in the period"
        stats={[
          { label: 'People supported', value: s.participantsServed },
          { label: 'New participants', value: s.newParticipants },
          { label: 'Discharged', value: s.dischargedParticipants },
          {
            label: 'Sessions',
            value: s.sessions.total,
            href: sessions(),
            hrefLabel: 'sessions in the period',
            note: `${s.sessions.byFormat.group} group · ${s.sessions.byFormat.one_to_one} one-to-one`,
          },
          {
            label: 'Service hours',
            value: s.serviceHours,
            note: `${s.contactHours} contact hours`,
            href: sessions(),
            hrefLabel: 'service hours: the sessions behind them',
          },
          {
            label: 'Average at a group',
            value: s.groupAttendance.averagePerGroupSession ?? '—',
            note: `${s.groupAttendance.attended} attendances`,
          },
          {
            label: 'Resources shared',
            value: s.handouts.total,
            note:
              `${pct(s.handouts.connectionRate)} of closed referrals connected` +
              (s.handouts.medianDaysToOutcome === null
                ? ''
                : ` · ${s.handouts.medianDaysToOutcome} days to an outcome (median)`),
          },
          {
            label: 'Advocacy opened',
            value: s.advocacy.opened,
            note: `${s.advocacy.completed} completed`,
          },
          { label: 'Decision notes', value: s.decisionNotes },
        ]}
      />
      <HoursHelp />
      <FigureChart
        title="Sessions by type"
        rowLabel="Type"
        column="Sessions"
        rows={byType.map((r) => ({ label: r.type, value: r.sessions, href: r.href }))}
        color={theme.palette.primary.main}
      />
      <FigureChart
        title="Attendance"
        rowLabel="Figure"
        column="Count"
        rows={[
          { label: 'People supported', value: s.participantsServed },
          { label: 'Attendances at groups', value: s.groupAttendance.attended },
          { label: 'Group sessions', value: s.sessions.byFormat.group },
          { label: 'One-to-one sessions', value: s.sessions.byFormat.one_to_one },
        ]}
        color={theme.palette.secondary.main}
      />
      <FigureChart
        title="How shared resources went"
        rowLabel="Outcome"
        column="Resources shared"
        rows={HANDOUT_OUTCOMES.map((o) => ({
          label: LABELS.handoutOutcome[o],
          value: s.handouts.byOutcome[o],
        }))}
        color={theme.palette.success.main}
      />
    </Box>
  );
}
