import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { CaseloadReport, CaseloadTotals, CaseloadRow } from '@peerpath/shared';
import { useState } from 'react';

type SortKey = keyof CaseloadTotals | 'displayName';

/** Where a figure's people or records are listed (the existing list pages, filtered). */
type DrillDown = (workerId: string) => string;

const COLUMNS: { key: keyof CaseloadTotals; label: string; drill?: DrillDown; what?: string }[] = [
  {
    key: 'activeParticipants',
    label: 'Active participants',
    drill: (w) => `/participants?worker=${w}&status=active`,
    what: 'active participants',
  },
  {
    key: 'participantsWithoutRecentContact',
    label: 'No contact in 30 days',
    // The list shows each person's last contact; the ones without recent contact are flagged.
    drill: (w) => `/participants?worker=${w}&status=active`,
    what: 'participants, to find those without recent contact',
  },
  { key: 'sessionsLast30Days', label: 'Sessions' },
  { key: 'serviceHoursLast30Days', label: 'Service hours' },
  {
    key: 'openAdvocacy',
    label: 'Open advocacy',
    drill: (w) => `/advocacy?worker=${w}`,
    what: 'advocacy',
  },
  {
    key: 'overdueAdvocacy',
    label: 'Past due',
    drill: (w) => `/advocacy?worker=${w}&due=overdue`,
    what: 'advocacy past its due date',
  },
  {
    key: 'referralsAwaitingFollowUp',
    label: 'Referrals to follow up',
    drill: (w) => `/resources?worker=${w}`,
    what: 'referrals awaiting follow-up',
  },
];

function compare(a: CaseloadRow, b: CaseloadRow, key: SortKey) {
  if (key === 'displayName') return a.displayName.localeCompare(b.displayName);
  return a[key] - b[key];
}

/**
 * One row per worker and supervisor: the 30 days ending on the report date.
 * Sort by any column; the figures that name people or records link to them.
 */
export function CaseloadTable({
  report,
  labelledBy,
}: {
  report: CaseloadReport;
  labelledBy: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({
    key: 'displayName',
    dir: 'asc',
  });
  const rows = [...report.workers].sort(
    (a, b) => compare(a, b, sort.key) * (sort.dir === 'asc' ? 1 : -1),
  );
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'displayName' ? 'asc' : 'desc' },
    );
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell scope="col" aria-sort={ariaSort('displayName')}>
              <TableSortLabel
                active={sort.key === 'displayName'}
                direction={sort.key === 'displayName' ? sort.dir : 'asc'}
                onClick={() => sortBy('displayName')}
              >
                Worker
              </TableSortLabel>
            </TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.key} scope="col" align="right" aria-sort={ariaSort(c.key)}>
                <TableSortLabel
                  active={sort.key === c.key}
                  direction={sort.key === c.key ? sort.dir : 'desc'}
                  onClick={() => sortBy(c.key)}
                >
                  {c.label}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((w) => (
            <TableRow key={w.workerId}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {w.displayName}
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.key} align="right">
                  {c.drill && w[c.key] > 0 ? (
                    <Link
                      href={c.drill(w.workerId)}
                      aria-label={`${w[c.key]}: ${w.displayName}'s ${c.what}`}
                    >
                      {w[c.key]}
                    </Link>
                  ) : (
                    w[c.key]
                  )}
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
