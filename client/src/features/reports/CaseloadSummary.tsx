import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Link from '@mui/material/Link';
import { addDays } from '@peerpath/shared';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useCurrentUser } from '../../auth';
import { SummarySkeleton } from '../../components/Skeletons';
import { StatTiles } from '../../components/StatTiles';
import { listUrl } from '../../hooks/useUrlState';
import { useCaseloadReport } from './api';
import { useDeferredAnswer } from '../../api/deferred';

/** The caseload figures of the caller (`mine`) or their team, each opening the list behind it. */
export function CaseloadSummary({ scope }: { scope: 'mine' | 'team' }) {
  const me = useCurrentUser();
  const { search, hash } = useLocation();
  const report = useCaseloadReport({}, me.role !== 'admin');
  const { data, isLoading } = useDeferredAnswer(report);
  // Following the safety alerts figure (or the app bar's alert button) brings the list into view.
  useEffect(() => {
    if (hash === '#safety-alerts' && data) {
      document.getElementById('safety-alerts')?.scrollIntoView({ block: 'start' });
    }
  }, [hash, data]);
  if (isLoading) {
    return <SummarySkeleton tiles={11} chart={false} label="Loading your figures…" />;
  }
  if (!data) return null;
  const row = scope === 'mine' ? data.workers.find((w) => w.workerId === me.id) : data.totals;
  if (!row) return null;
  // The lists behind the figures: the same people and records, for the same 30 days.
  const { asOf } = data;
  const since = addDays(asOf, -29);
  const worker = scope === 'mine' ? me.id : undefined;
  const warn = (n: number) =>
    n > 0 && <ErrorOutlineOutlined sx={{ color: 'warning.main', fontSize: 22 }} aria-hidden />;
  return (
    <>
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
      <StatTiles
        label={
          scope === 'mine'
            ? 'Your plans, notes and measures'
            : 'Your team’s plans, notes and measures'
        }
        stats={[
          {
            label: 'Notes to write or sign',
            value: row.notesAwaitingSignature,
            note: 'from the last 30 days',
            href: listUrl('/sessions', {
              facilitator: worker,
              from: since,
              to: asOf,
              notesToSign: '1',
            }),
            hrefLabel: 'sessions with notes to write or sign',
            icon: warn(row.notesAwaitingSignature),
          },
          {
            label: 'Waiting for co-signature',
            value: row.notesAwaitingCosign,
            href: listUrl('/notes/cosign', { signer: worker }),
            hrefLabel:
              scope === 'mine'
                ? 'your notes waiting for a co-signature'
                : 'notes waiting for a co-signature',
          },
          {
            label: 'Plans due for review',
            value: row.plansDueForReview,
            href: listUrl('/participants', { worker, status: 'active', planReviewDueBy: asOf }),
            hrefLabel: 'people whose plan is due for review',
            icon: warn(row.plansDueForReview),
          },
          {
            label: 'No recovery plan yet',
            value: row.participantsWithoutPlan,
            note: 'enrolled over 30 days ago',
            href: listUrl('/participants', {
              worker,
              status: 'active',
              withoutPlanEnrolledBy: addDays(asOf, -30),
            }),
            hrefLabel: 'people with no recovery plan yet',
          },
          {
            label: 'Measures due',
            value: row.measuresDue,
            href: listUrl('/participants', { worker, status: 'active', measuresDueBy: asOf }),
            hrefLabel: 'people with a measure due',
          },
          {
            label: 'Safety alerts open',
            value: row.openSafetyAlerts,
            // The open alerts are listed at the top of this page (the home page).
            href: `/${search}#safety-alerts`,
            hrefLabel: 'open safety alerts',
            icon: row.openSafetyAlerts > 0 && (
              <WarningAmberOutlined sx={{ color: 'error.main', fontSize: 22 }} aria-hidden />
            ),
          },
        ]}
      />
    </>
  );
}
