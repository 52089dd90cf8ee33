import AddOutlined from '@mui/icons-material/AddOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { LABELS, PARTICIPANT_STATUSES, type ParticipantStatus } from '@peerpath/shared';
import { lazy, Suspense } from 'react';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions, oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { SearchField } from '../components/SearchField';
import { AccessWarnings } from '../features/audit/AccessWarnings';
import { EmergencyDisclosures } from '../features/consents/EmergencyDisclosures';
import { useParticipants } from '../features/participants/api';
import { CaseloadSummary } from '../features/reports/CaseloadSummary';
import { useListParams } from '../hooks/useListParams';
import { TodayAgenda } from '../features/agenda/TodayAgenda';
import { TableSkeleton } from '../components/Skeletons';

// Below Today and the figures on a phone: its table loads while they paint.
const ParticipantList = lazy(() =>
  import('../features/participants/ParticipantList').then((m) => ({ default: m.ParticipantList })),
);

type Scope = 'mine' | 'team';

/** A worker's home: the people they walk alongside, and who has not been seen lately. */
export function CaseloadPage() {
  const me = useCurrentUser();
  const canSeeTeam = me.role !== 'worker';
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    scope: me.role === 'admin' ? 'team' : 'mine',
    search: '',
    status: 'active',
  });
  const scope: Scope = canSeeTeam && filters.scope === 'team' ? 'team' : 'mine';
  const status = oneOf(PARTICIPANT_STATUSES, filters.status);
  const list = useParticipants({
    page,
    pageSize,
    search: filters.search || undefined,
    status,
    primaryWorkerId: scope === 'mine' ? me.id : undefined,
  });
  const rows = list.data?.items ?? [];
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
      <TodayAgenda />
      <EmergencyDisclosures enabled={me.role !== 'worker'} />
      {me.role !== 'admin' && <CaseloadSummary scope={scope} />}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        {canSeeTeam && (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={scope}
            onChange={(_e, v: Scope | null) => v && setFilters({ scope: v })}
            aria-label="Whose participants"
          >
            <ToggleButton value="mine">Mine</ToggleButton>
            <ToggleButton value="team">
              {me.role === 'admin' ? 'All teams' : 'Whole team'}
            </ToggleButton>
          </ToggleButtonGroup>
        )}
        <Box sx={{ flex: '1 1 240px', maxWidth: 360 }}>
          <SearchField
            label="Search by name"
            value={filters.search}
            onSearch={(v) => setFilters({ search: v })}
          />
        </Box>
        <Box sx={{ flex: '0 1 200px', minWidth: 160 }}>
          <FilterSelect<ParticipantStatus>
            label="Status"
            value={status ?? ''}
            allLabel="Any status"
            options={enumOptions(PARTICIPANT_STATUSES, LABELS.participantStatus)}
            onChange={(v) => setFilters({ status: v || 'all' })}
          />
        </Box>
      </Box>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && !list.isFetching ? (
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
            {list.data ? `${list.data.total} ${list.data.total === 1 ? 'person' : 'people'}` : ''}
          </Typography>
          <Suspense fallback={<TableSkeleton />}>
            <ParticipantList
              label={scope === 'mine' ? 'Your caseload' : 'Team caseload'}
              rows={rows}
              total={list.data?.total ?? 0}
              loading={list.isFetching}
              {...paging}
              show={
                scope === 'mine'
                  ? ['name', 'pronouns', 'nextStep', 'lastContact']
                  : ['name', 'pronouns', 'nextStep', 'lastContact', 'primaryWorker']
              }
            />
          </Suspense>
        </>
      )}
    </>
  );
}
