import AddOutlined from '@mui/icons-material/AddOutlined';
import DrawOutlined from '@mui/icons-material/DrawOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { LABELS, SESSION_TYPES, type SessionType } from '@peerpath/shared';
import { EmptyState } from '../components/EmptyState';
import { FilterBar } from '../components/FilterBar';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions, oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { periodEndField, PickersProvider, UrlDatePicker } from '../components/pickers';
import { useSessions } from '../features/sessions/api';
import { SessionList } from '../features/sessions/SessionList';
import { useWorkerOptions } from '../features/users/api';
import { useListParams } from '../hooks/useListParams';

export function SessionsPage() {
  const facilitatorOptions = useWorkerOptions({ includeInactive: true });
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    from: '',
    to: '',
    type: '',
    facilitator: '',
    notesToSign: '',
  });
  const notesToSign = filters.notesToSign === '1';
  const type = oneOf(SESSION_TYPES, filters.type);
  const badRange = Boolean(filters.from && filters.to && filters.from > filters.to);
  const sessions = useSessions({
    page,
    pageSize,
    from: filters.from || undefined,
    to: badRange ? undefined : filters.to || undefined,
    type,
    facilitatorId: filters.facilitator || undefined,
    notesToSign: notesToSign || undefined,
  });
  const filtered = Boolean(
    filters.from || filters.to || type || filters.facilitator || notesToSign,
  );

  return (
    <PickersProvider>
      <PageHeader
        title="Sessions"
        subtitle="Group and one-to-one sessions, newest first."
        actions={
          <Button variant="contained" href="/sessions/new" startIcon={<AddOutlined />}>
            Log a session
          </Button>
        }
      />
      <FilterBar>
        <UrlDatePicker
          label="From"
          value={filters.from}
          onChange={(from) => setFilters({ from })}
          slotProps={{ textField: { size: 'small', fullWidth: true }, field: { clearable: true } }}
        />
        <UrlDatePicker
          label="To"
          value={filters.to}
          onChange={(to) => setFilters({ to })}
          slotProps={{
            textField: periodEndField(badRange),
            field: { clearable: true },
          }}
        />
        <FilterSelect<SessionType>
          label="Type"
          value={type ?? ''}
          allLabel="All types"
          options={enumOptions(SESSION_TYPES, LABELS.sessionType)}
          onChange={(v) => setFilters({ type: v })}
        />
        <FilterSelect
          label="Facilitator"
          value={filters.facilitator}
          allLabel="Anyone"
          options={facilitatorOptions}
          onChange={(v) => setFilters({ facilitator: v })}
        />
      </FilterBar>
      {notesToSign && (
        <Alert
          severity="info"
          icon={<DrawOutlined />}
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" onClick={() => setFilters({ notesToSign: '' })}>
              Show every session
            </Button>
          }
        >
          Only sessions where someone who came still needs a signed note. Open one to write and sign
          them.
        </Alert>
      )}
      {sessions.error && (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      )}
      {sessions.data && sessions.data.total === 0 && !sessions.isFetching ? (
        <EmptyState
          icon={<EventNoteOutlined />}
          title={filtered ? 'No sessions match these filters' : 'No sessions logged yet'}
          action={
            filtered ? (
              <Button
                onClick={() =>
                  setFilters({ from: '', to: '', type: '', facilitator: '', notesToSign: '' })
                }
              >
                Clear filters
              </Button>
            ) : (
              <Button variant="contained" href="/sessions/new" startIcon={<AddOutlined />}>
                Log a session
              </Button>
            )
          }
        >
          {notesToSign
            ? 'Every note of these sessions is signed. Well done.'
            : filtered
              ? 'Try a wider period or another type.'
              : 'Log your first group or one-to-one session.'}
        </EmptyState>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
            {sessions.data
              ? `${sessions.data.total} ${sessions.data.total === 1 ? 'session' : 'sessions'}`
              : ''}
          </Typography>
          <SessionList
            rows={sessions.data?.items ?? []}
            total={sessions.data?.total ?? 0}
            loading={sessions.isFetching}
            {...paging}
          />
        </>
      )}
    </PickersProvider>
  );
}
