import AddOutlined from '@mui/icons-material/AddOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  PARTICIPANT_LIST_SORTS,
  PARTICIPANT_STATUSES,
  isIsoDate,
  type ParticipantListSort,
  type ParticipantStatus,
} from '@peerpath/shared';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { FilterBar } from '../components/FilterBar';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../lib/dates';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions, oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { SearchField } from '../components/SearchField';
import { useParticipants } from '../features/participants/api';
import { ParticipantList } from '../features/participants/ParticipantList';
import { useTeams } from '../features/teams/api';
import { useWorkerOptions } from '../features/users/api';
import { useListParams } from '../hooks/useListParams';

/** The caseload's search and filters when none is set (the sort order aside). */
const NO_FILTERS = {
  search: '',
  status: 'all',
  worker: '',
  team: '',
  noContactSince: '',
  planReviewDueBy: '',
  withoutPlanEnrolledBy: '',
  measuresDueBy: '',
};

export function ParticipantsPage() {
  const me = useCurrentUser();
  const workerOptions = useWorkerOptions({ includeInactive: true });
  const teams = useTeams();
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    ...NO_FILTERS,
    sort: 'name',
  });
  const dateFilter = (v: string) => (isIsoDate(v) ? v : undefined);
  // The lists behind the caseload's plan and measure figures, each with its plain-words banner.
  const figureFilters = (
    [
      [
        'planReviewDueBy',
        (d: string) => `Only people whose recovery plan is due for review by ${formatDate(d)}.`,
      ],
      [
        'withoutPlanEnrolledBy',
        (d: string) =>
          `Only people enrolled by ${formatDate(d)} who do not have a recovery plan in use yet.`,
      ],
      [
        'measuresDueBy',
        (d: string) => `Only people with an outcome measure due by ${formatDate(d)}.`,
      ],
    ] as const
  ).filter(([key]) => isIsoDate(filters[key]));
  const status = oneOf(PARTICIPANT_STATUSES, filters.status);
  const sort = oneOf(PARTICIPANT_LIST_SORTS, filters.sort) ?? 'name';
  const list = useParticipants({
    page,
    pageSize,
    search: filters.search || undefined,
    status,
    primaryWorkerId: filters.worker || undefined,
    teamId: me.role === 'admin' ? filters.team || undefined : undefined,
    noContactSince: dateFilter(filters.noContactSince),
    planReviewDueBy: dateFilter(filters.planReviewDueBy),
    withoutPlanEnrolledBy: dateFilter(filters.withoutPlanEnrolledBy),
    measuresDueBy: dateFilter(filters.measuresDueBy),
    sort,
  });
  const filtered = Boolean(
    filters.search ||
    status ||
    filters.worker ||
    filters.team ||
    filters.noContactSince ||
    figureFilters.length,
  );

  return (
    <>
      <PageHeader
        title="Participants"
        subtitle={
          me.role === 'admin' ? 'Everyone enrolled, in every team.' : 'Everyone your team supports.'
        }
        actions={
          <Button variant="contained" href="/participants/new" startIcon={<AddOutlined />}>
            Add participant
          </Button>
        }
      />
      <FilterBar wide="minmax(0, 2fr) repeat(4, minmax(0, 1fr))">
        <SearchField
          label="Search by name"
          value={filters.search}
          onSearch={(v) => setFilters({ search: v })}
        />
        <FilterSelect<ParticipantStatus>
          label="Status"
          value={status ?? ''}
          allLabel="Any status"
          options={enumOptions(PARTICIPANT_STATUSES, LABELS.participantStatus)}
          onChange={(v) => setFilters({ status: v || 'all' })}
        />
        <FilterSelect
          label="Primary worker"
          value={filters.worker}
          allLabel="Anyone"
          options={workerOptions}
          onChange={(v) => setFilters({ worker: v })}
        />
        {me.role === 'admin' && (
          <FilterSelect
            label="Team"
            value={filters.team}
            allLabel="All teams"
            options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            onChange={(v) => setFilters({ team: v })}
          />
        )}
        <FilterSelect<ParticipantListSort>
          label="Sort by"
          value={sort}
          options={[
            { value: 'name', label: 'Name' },
            { value: 'lastContact', label: 'Last contact, longest ago first' },
          ]}
          onChange={(v) => setFilters({ sort: v || 'name' })}
        />
      </FilterBar>
      {isIsoDate(filters.noContactSince) && (
        <Alert
          severity="info"
          icon={<ScheduleOutlined />}
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={() => setFilters({ noContactSince: '' })}>
              Show everyone
            </Button>
          }
        >
          Only people with no session attended since {formatDate(filters.noContactSince)}.
        </Alert>
      )}
      {figureFilters.map(([key, text]) => (
        <Alert
          key={key}
          severity="info"
          icon={<EventAvailableOutlined />}
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={() => setFilters({ [key]: '' })}>
              Show everyone
            </Button>
          }
        >
          {text(filters[key])}
        </Alert>
      ))}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && !list.isFetching ? (
        <EmptyState
          icon={<PeopleOutlined />}
          title={filtered ? 'No one matches these filters' : 'No participants yet'}
          action={
            filtered ? (
              <Button onClick={() => setFilters(NO_FILTERS)}>Clear search and filters</Button>
            ) : (
              <Button variant="contained" href="/participants/new" startIcon={<AddOutlined />}>
                Add participant
              </Button>
            )
          }
        >
          {filtered
            ? 'Try another spelling, or search by first, last or preferred name.'
            : 'Enrol the first person your team supports.'}
        </EmptyState>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
            {list.data ? `${list.data.total} ${list.data.total === 1 ? 'person' : 'people'}` : ''}
          </Typography>
          <ParticipantList
            label="Participants"
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            {...paging}
            show={['name', 'pronouns', 'nextStep', 'lastContact', 'status', 'primaryWorker']}
          />
        </>
      )}
    </>
  );
}
