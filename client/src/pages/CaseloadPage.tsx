import AddOutlined from '@mui/icons-material/AddOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { PARTICIPANT_STATUSES } from '@peerpath/shared';
import { lazy, memo, Suspense } from 'react';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { AccessWarnings } from '../features/audit/AccessWarnings';
import { EmergencyDisclosures } from '../features/consents/EmergencyDisclosures';
import { useParticipants } from '../features/participants/api';
import { useDeferredAnswer } from '../api/deferred';
import { CaseloadSummary } from '../features/reports/CaseloadSummary';
import { useListParams } from '../hooks/useListParams';
import { TodayAgenda } from '../features/agenda/TodayAgenda';
import { CaseloadFiltersSkeleton, TableSkeleton } from '../components/Skeletons';
import type { CaseloadScope } from '../features/participants/CaseloadFilters';

// Below Today and the figures on a phone: its table, and the filters above it (a select and
// a search box), load while they paint.
const ParticipantList = lazy(() =>
  import('../features/participants/ParticipantList').then((m) => ({ default: m.ParticipantList })),
);
const CaseloadFilters = lazy(() =>
  import('../features/participants/CaseloadFilters').then((m) => ({
    default: m.CaseloadFilters,
  })),
);

// Each section above the list is drawn again only when its own answer changes, not with every
// change of the list (on a slow phone the three take a fifth of a second to draw).
const Today = memo(TodayAgenda);
const Disclosures = memo(EmergencyDisclosures);
const Summary = memo(CaseloadSummary);

/** A worker's home: the people they walk alongside, and who has not been seen lately. */
export function CaseloadPage() {
  const me = useCurrentUser();
  const canSeeTeam = me.role !== 'worker';
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    scope: me.role === 'admin' ? 'team' : 'mine',
    search: '',
    status: 'active',
  });
  const scope: CaseloadScope = canSeeTeam && filters.scope === 'team' ? 'team' : 'mine';
  const status = oneOf(PARTICIPANT_STATUSES, filters.status);
  const list = useParticipants({
    page,
    pageSize,
    search: filters.search || undefined,
    status,
    primaryWorkerId: scope === 'mine' ? me.id : undefined,
  });
  const { data, isLoading } = useDeferredAnswer(list);
  const rows = data?.items ?? [];
  const filtered = Boolean(filters.search) || filters.status !== 'active';

  return (
    <>
      <PageHeader
        title={
          scope === 'mine' ? 'Your caseload' : me.role === 'admin' ? 'Caseloads' : 'Team caseload'
        }
        documentTitle="Caseload"
        subtitle={
          scope === 'mine'
            ? 'The people you are primary worker for.'
            : me.role === 'admin'
              ? 'Participants of every team.'
              : 'Everyone your team supports.'
        }
        actions={
          <>
            <Button variant="outlined" href="/participants/new" startIcon={<AddOutlined />}>
              Add participant
            </Button>
            <Button variant="contained" href="/sessions/new">
              Log a session
            </Button>
          </>
        }
      />
      {me.role === 'admin' && <AccessWarnings />}
      <Today />
      <Disclosures enabled={me.role !== 'worker'} />
      {me.role !== 'admin' && <Summary scope={scope} />}
      {/* Drawn with the list's first answer, in its transition, like the table below. */}
      {isLoading ? (
        <CaseloadFiltersSkeleton toggle={canSeeTeam} />
      ) : (
        <Suspense fallback={<CaseloadFiltersSkeleton toggle={canSeeTeam} />}>
          <CaseloadFilters
            scope={scope}
            allTeams={me.role === 'admin'}
            canSeeTeam={canSeeTeam}
            search={filters.search}
            status={status}
            onChange={setFilters}
          />
        </Suspense>
      )}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {data && data.total === 0 && !list.isFetching ? (
        filtered ? (
          <EmptyState
            icon={<PeopleOutlined />}
            title={
              filters.search ? `No one matches “${filters.search}”` : 'No one with this status'
            }
            action={
              <Button onClick={() => setFilters({ search: '', status: 'active' })}>
                Clear search and filters
              </Button>
            }
          >
            Check the spelling, or search by first, last or preferred name.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<PeopleOutlined />}
            title={scope === 'mine' ? 'No one on your caseload yet' : 'No active participants yet'}
            action={
              <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center', flexWrap: 'wrap' }}>
                <Button variant="contained" href="/participants/new" startIcon={<AddOutlined />}>
                  Add participant
                </Button>
                <Button href="/participants">See all participants</Button>
              </Box>
            }
          >
            {scope === 'mine'
              ? 'When you enrol someone, or a supervisor names you as their primary worker, they will appear here.'
              : 'Add the first participant to get started.'}
          </EmptyState>
        )
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
            {data ? `${data.total} ${data.total === 1 ? 'person' : 'people'}` : ''}
          </Typography>
          {/* The table is first drawn with its rows, in the answer's transition. */}
          {isLoading ? (
            <TableSkeleton />
          ) : (
            <Suspense fallback={<TableSkeleton />}>
              <ParticipantList
                label={scope === 'mine' ? 'Your caseload' : 'Team caseload'}
                rows={rows}
                total={data?.total ?? 0}
                loading={list.isFetching}
                {...paging}
                show={
                  scope === 'mine'
                    ? ['name', 'pronouns', 'nextStep', 'lastContact']
                    : ['name', 'pronouns', 'nextStep', 'lastContact', 'primaryWorker']
                }
              />
            </Suspense>
          )}
        </>
      )}
    </>
  );
}
