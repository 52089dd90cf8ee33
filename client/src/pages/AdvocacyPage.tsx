import AddOutlined from '@mui/icons-material/AddOutlined';
import CampaignOutlined from '@mui/icons-material/CampaignOutlined';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import {
  ADVOCACY_LEVELS,
  ADVOCACY_STATUSES,
  LABELS,
  type AdvocacyAction,
  type AdvocacyLevel,
  type AdvocacyStatus,
} from '@peerpath/shared';
import { useState } from 'react';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { FilterBar } from '../components/FilterBar';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../lib/notify';
import { AdvocacyDialog } from '../features/advocacy/AdvocacyDialog';
import { AdvocacyList } from '../features/advocacy/AdvocacyList';
import { useAdvocacyActions } from '../features/advocacy/api';
import { useWorkerOptions } from '../features/users/api';
import { useListParams } from '../hooks/useListParams';

export function AdvocacyPage() {
  const me = useCurrentUser();
  const notify = useNotify();
  const workerOptions = useWorkerOptions({ includeInactive: true });
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    status: '',
    level: '',
    worker: me.role === 'worker' ? me.id : '',
    due: '',
  });
  const [editing, setEditing] = useState<AdvocacyAction | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useAdvocacyActions({
    page,
    pageSize,
    status: (filters.status || undefined) as AdvocacyStatus | undefined,
    level: (filters.level || undefined) as AdvocacyLevel | undefined,
    workerId: filters.worker || undefined,
    overdue: filters.due === 'overdue' ? true : undefined,
  });
  const filtered = Boolean(filters.status || filters.level || filters.due);

  return (
    <>
      <PageHeader
        title="Advocacy"
        subtitle="Standing with people: for one person, or for change that helps many."
        actions={
          <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
            New advocacy action
          </Button>
        }
      />
      <FilterBar>
        <FilterSelect<AdvocacyStatus>
          label="Status"
          value={(filters.status as AdvocacyStatus) || ''}
          allLabel="Any status"
          options={enumOptions(ADVOCACY_STATUSES, LABELS.advocacyStatus)}
          onChange={(v) => setFilters({ status: v })}
        />
        <FilterSelect<AdvocacyLevel>
          label="Level"
          value={(filters.level as AdvocacyLevel) || ''}
          allLabel="Individual and systemic"
          options={enumOptions(ADVOCACY_LEVELS, LABELS.advocacyLevel)}
          onChange={(v) => setFilters({ level: v })}
        />
        <FilterSelect
          label="Worker"
          value={filters.worker}
          allLabel={me.role === 'admin' ? 'Anyone' : 'Anyone in the team'}
          options={workerOptions}
          onChange={(v) => setFilters({ worker: v })}
        />
        <FilterSelect<'overdue'>
          label="Due date"
          value={(filters.due as 'overdue') || ''}
          allLabel="Any"
          options={[{ value: 'overdue', label: 'Past due date' }]}
          onChange={(v) => setFilters({ due: v })}
        />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.total === 0 && !list.isFetching ? (
        <EmptyState
          icon={<CampaignOutlined />}
          title={filtered ? 'Nothing matches these filters' : 'No advocacy recorded yet'}
          action={
            filtered ? (
              <Button onClick={() => setFilters({ status: '', level: '', due: '' })}>
                Clear filters
              </Button>
            ) : (
              <Button
                variant="contained"
                startIcon={<AddOutlined />}
                onClick={() => setCreating(true)}
              >
                New advocacy action
              </Button>
            )
          }
        >
          {filtered
            ? 'Try another status, level or due date.'
            : 'Record what you are doing to help someone be heard — with housing, benefits or health services — or change that would help many people.'}
        </EmptyState>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
            {list.data ? `${list.data.total} ${list.data.total === 1 ? 'action' : 'actions'}` : ''}
          </Typography>
          <AdvocacyList
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            {...paging}
            onOpen={setEditing}
          />
        </>
      )}
      {creating && (
        <AdvocacyDialog
          open
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            notify('Advocacy action saved');
          }}
        />
      )}
      {editing && (
        <AdvocacyDialog
          key={`${editing.id}-${editing.version}`}
          open
          action={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('Advocacy updated');
          }}
        />
      )}
    </>
  );
}
