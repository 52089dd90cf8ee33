import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import {
  addDays,
  type CaseloadReport,
  type CaseloadTotals,
  type CaseloadRow,
} from '@peerpath/shared';
import { useState } from 'react';
import { WarningFlag } from '../../components/WarningFlag';
import { listUrl } from '../../hooks/useUrlState';
import { formatDate } from '../../lib/dates';

type SortKey = keyof CaseloadTotals | 'displayName';

/**
 * Where a figure's people or records are listed (the list pages, filtered the
 * same way as the figure): for one worker, or (no worker) the whole team.
 */
type DrillDown = (worker: string | undefined, asOf: string) => string;

const since = (asOf: string) => addDays(asOf, -29);

const COLUMNS: { key: keyof CaseloadTotals; label: string; drill?: DrillDown; what?: string }[] = [
  {
    key: 'activeParticipants',
    label: 'Active participants',
    drill: (worker) => listUrl('/participants', { worker, status: 'active' }),
    what: 'active participants',
  },
  {
    key: 'participantsWithoutRecentContact',
    label: 'No contact in 30 days',
    drill: (worker, asOf) =>
      listUrl('/participants', {
        worker,
        status: 'active',
        noContactSince: since(asOf),
        sort: 'lastContact',
      }),
    what: 'participants with no contact in 30 days',
  },
  {
    key: 'sessionsLast30Days',
    label: 'Sessions',
    drill: (facilitator, asOf) =>
      listUrl('/sessions', { facilitator, from: since(asOf), to: asOf }),
    what: 'sessions in 30 days',
  },
  {
    key: 'serviceHoursLast30Days',
    label: 'Service hours',
    drill: (facilitator, asOf) =>
      listUrl('/sessions', { facilitator, from: since(asOf), to: asOf }),
    what: 'sessions behind these service hours',
  },
  {
    key: 'openAdvocacy',
    label: 'Open advocacy',
    drill: (worker) => listUrl('/advocacy', { worker }),
    what: 'advocacy',
  },
  {
    key: 'overdueAdvocacy',
    label: 'Past due',
    drill: (worker) => listUrl('/advocacy', { worker, due: 'overdue' }),
    what: 'advocacy past its due date',
  },
  {
    key: 'referralsAwaitingFollowUp',
    label: 'Referrals to follow up',
    drill: (worker) => listUrl('/resources', { worker }),
    what: 'referrals awaiting follow-up',
  },
];

/**
 * A credential ending in the next 90 days, or ended (SPEC §11), under the
 * worker's name: the same window as the reminders on their agenda.
 */
function CredentialFlag({ expiresOn, asOf }: { expiresOn: string | null; asOf: string }) {
  if (!expiresOn || expiresOn > addDays(asOf, 90)) return null;
  return (
    <Box>
      <WarningFlag small>
        {expiresOn < asOf ? 'Credential ended' : 'Credential ends'} {formatDate(expiresOn)}
      </WarningFlag>
    </Box>
  );
}

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
  const total = (key: keyof CaseloadTotals) =>
    key === 'serviceHoursLast30Days'
      ? Math.round(report.totals[key] * 10) / 10
      : report.totals[key];
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
                <CredentialFlag expiresOn={w.credentialExpiresOn} asOf={report.asOf} />
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.key} align="right">
                  {c.drill && w[c.key] > 0 ? (
                    <Link
                      href={c.drill(w.workerId, report.asOf)}
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
                {c.drill && report.totals[c.key] > 0 ? (
                  <Link
                    href={c.drill(undefined, report.asOf)}
                    aria-label={`${total(c.key)}: the team's ${c.what}`}
                  >
                    {total(c.key)}
                  </Link>
                ) : (
                  total(c.key)
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableFooter>
      </Table>
    </Paper>
  );
}
