import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { LABELS, SESSION_TYPES, type ActivitySummary } from '@peerpath/shared';
import { StatTiles } from '../../components/StatTiles';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** The activity summary of a period: headline figures, and sessions by type as a chart and a table. */
export function ActivitySummaryView({ summary: s }: { summary: ActivitySummary }) {
  const theme = useTheme();
  const byType = SESSION_TYPES.map((t) => ({
    type: LABELS.sessionType[t],
    sessions: s.sessions.byType[t],
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
            note: `${s.sessions.byFormat.group} group · ${s.sessions.byFormat.one_to_one} one-to-one`,
          },
          {
            label: 'Service hours',
            value: s.serviceHours,
            note: `${s.contactHours} contact hours`,
          },
          {
            label: 'Average at a group',
            value: s.groupAttendance.averagePerGroupSession ?? '—',
            note: `${s.groupAttendance.attended} attendances`,
          },
          {
            label: 'Resources shared',
            value: s.handouts.total,
            note: `${pct(s.handouts.connectionRate)} connected`,
          },
          {
            label: 'Advocacy opened',
            value: s.advocacy.opened,
            note: `${s.advocacy.completed} completed`,
          },
          { label: 'Decision notes', value: s.decisionNotes },
        ]}
      />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
          gap: 2,
        }}
      >
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="h3" component="h3" id="by-type-chart" sx={{ mb: 1 }}>
            Sessions by type
          </Typography>
          {/* The table beside it holds the same figures for screen readers. */}
          <Box aria-hidden>
            <BarChart
              dataset={byType}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', dataKey: 'type', width: 170 }]}
              xAxis={[{ tickMinStep: 1 }]}
              series={[
                { dataKey: 'sessions', label: 'Sessions', color: theme.palette.primary.main },
              ]}
              height={300}
              hideLegend
            />
          </Box>
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="by-type-chart">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Type</TableCell>
                <TableCell scope="col" align="right">
                  Sessions
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {byType.map((r) => (
                <TableRow key={r.type}>
                  <TableCell component="th" scope="row">
                    {r.type}
                  </TableCell>
                  <TableCell align="right">{r.sessions}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Box>
    </Box>
  );
}
