import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CaseloadReport, CaseloadTotals } from '@peerpath/shared';

const COLUMNS: { key: keyof CaseloadTotals; label: string }[] = [
  { key: 'activeParticipants', label: 'Active participants' },
  { key: 'participantsWithoutRecentContact', label: 'No contact in 30 days' },
  { key: 'sessionsLast30Days', label: 'Sessions' },
  { key: 'serviceHoursLast30Days', label: 'Service hours' },
  { key: 'openAdvocacy', label: 'Open advocacy' },
  { key: 'overdueAdvocacy', label: 'Past due' },
  { key: 'referralsAwaitingFollowUp', label: 'Referrals to follow up' },
];

/** One row per worker and supervisor: the 30 days ending on the report date. */
export function CaseloadTable({
  report,
  labelledBy,
}: {
  report: CaseloadReport;
  labelledBy: string;
}) {
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Worker</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} scope="col" align="right">
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.workers.map((w) => (
            <TableRow key={w.workerId}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {w.displayName}
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.key} align="right">
                  {w[c.key]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700, color: 'text.primary' }}>
              Total
            </TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} align="right" sx={{ fontWeight: 700, color: 'text.primary' }}>
                {c.key === 'serviceHoursLast30Days'
                  ? Math.round(report.totals[c.key] * 10) / 10
                  : report.totals[c.key]}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </Paper>
  );
}
