import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Link from '@mui/material/Link';
import { addDays } from '@peerpath/shared';
import { useCurrentUser } from '../../auth';
import { SummarySkeleton } from '../../components/Skeletons';
import { StatTiles } from '../../components/StatTiles';
import { listUrl } from '../../hooks/useUrlState';
import { useCaseloadReport } from './api';

/** The caseload figures of the caller (`mine`) or their team, each opening the list behind it. */
export function CaseloadSummary({ scope }: { scope: 'mine' | 'team' }) {
  const me = useCurrentUser();
  const report = useCaseloadReport({}, me.role !== 'admin');
  if (report.isLoading) {
    return <SummarySkeleton tiles={5} chart={false} label="Loading your figures…" />;
  }
  if (!report.data) return null;
  const row =
    scope === 'mine' ? report.data.workers.find((w) => w.workerId === me.id) : report.data.totals;
  if (!row) return null;
  // The lists behind the figures: the same people and records, for the same 30 days.
  const { asOf } = report.data;
  const since = addDays(asOf, -29);
  const worker = scope === 'mine' ? me.id : undefined;
  return (
    <StatTiles
      label={scope === 'mine' ? 'Your last 30 days' : 'Your team’s last 30 days'}
      stats={[
        {
          label: 'Active participants',
          value: row.activeParticipants,
          href: listUrl('/participants', { worker, status: 'active' }),
          hrefLabel: 'active participants',
        },
        {
          label: 'No contact in 30 days',
          value: row.participantsWithoutRecentContact,
          href: listUrl('/participants', {
            worker,
            status: 'active',
            noContactSince: since,
            sort: 'lastContact',
          }),
          hrefLabel: 'people with no contact in 30 days',
          icon: row.participantsWithoutRecentContact > 0 && (
            <ScheduleOutlined sx={{ color: 'warning.main', fontSize: 22 }} aria-hidden />
          ),
        },
        {
          label: 'Sessions in 30 days',
          value: row.sessionsLast30Days,
          note: `${row.serviceHoursLast30Days} hours`,
          href: listUrl('/sessions', { facilitator: worker, from: since, to: asOf }),
          hrefLabel: 'sessions in 30 days',
        },
        {
          label: 'Open advocacy',
          value: row.openAdvocacy,
          href: listUrl('/advocacy', { worker }),
          hrefLabel: 'open advocacy actions',
          note: row.overdueAdvocacy ? (
            <Link
              href={listUrl('/advocacy', { worker, due: 'overdue' })}
              // Above the tile's own link, so it opens its own list.
              sx={{ position: 'relative', zIndex: 1 }}
            >
              {row.overdueAdvocacy} past due date
            </Link>
          ) : undefined,
        },
        {
          label: 'Referrals to follow up',
          value: row.referralsAwaitingFollowUp,
          href: listUrl('/resources', { worker }),
          hrefLabel: 'referrals to follow up',
        },
      ]}
    />
  );
}
