import AddOutlined from '@mui/icons-material/AddOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Pagination from '@mui/material/Pagination';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  RESOURCE_CATEGORIES,
  type Resource,
  type ResourceCategory,
} from '@peerpath/shared';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { describeError } from '../api';
import { exportDirectory } from '../features/resources/hsdsApi';
import { isAdmin, useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions, oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { SearchField } from '../components/SearchField';
import { CardGridSkeleton } from '../components/Skeletons';
import { useNotify } from '../lib/notify';
import { useResources, useVerifyResource } from '../features/resources/api';
import { useUserName } from '../features/users/api';
import { FollowUps } from '../features/resources/FollowUps';
import { HandoutDialog } from '../features/resources/HandoutDialog';
import { ResourceCard } from '../features/resources/ResourceCard';
import { ResourceDialog } from '../features/resources/ResourceDialog';
import { useUrlState } from '../hooks/useUrlState';

const PAGE_SIZE = 24;

export function ResourcesPage() {
  const me = useCurrentUser();
  const admin = isAdmin(me.role);
  const notify = useNotify();
  const userName = useUserName();
  const [state, set] = useUrlState({
    search: '',
    category: '',
    page: '1',
    worker: '',
    stale: '',
  });
  const needsChecking = state.stale === 'true';
  const verify = useVerifyResource();
  // `?worker=` (from the caseload report): one worker's follow-ups.
  const followUpWorker = me.role === 'worker' ? '' : state.worker;
  const page = Number(state.page) || 1;
  const category = oneOf(RESOURCE_CATEGORIES, state.category);
  const list = useResources({
    search: state.search || undefined,
    category,
    page,
    pageSize: PAGE_SIZE,
    includeInactive: admin || undefined,
    stale: needsChecking || undefined,
  });
  const [sharing, setSharing] = useState<Resource | null>(null);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const addResource = admin && (
    <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
      Add resource
    </Button>
  );
  const [exporting, setExporting] = useState(false);
  const exportButton = (
    <Button
      variant="outlined"
      startIcon={<FileDownloadOutlined />}
      disabled={exporting}
      onClick={() => {
        setExporting(true);
        exportDirectory()
          .catch((e: unknown) => notify(`Could not download the directory: ${describeError(e)}`))
          .finally(() => setExporting(false));
      }}
    >
      {exporting ? 'Preparing…' : 'Download directory'}
    </Button>
  );
  const headerActions = (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {exportButton}
      {admin && (
        <Button
          component={RouterLink}
          to="/resources/import"
          variant="outlined"
          startIcon={<UploadFileOutlined />}
        >
          Import directory
        </Button>
      )}
      {addResource}
    </Box>
  );

  return (
    <>
      <PageHeader
        title="Resources"
        subtitle="Services and groups to share with the people you support."
        actions={headerActions}
      />
      {!admin && (
        <FollowUps
          workerId={followUpWorker || undefined}
          workerName={followUpWorker ? userName(followUpWorker) : undefined}
        />
      )}
      <Typography variant="h2" sx={{ mb: 1.5 }}>
        Directory
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 2fr) minmax(0, 1fr)' },
          gap: 2,
          mb: 2,
          maxWidth: 720,
        }}
      >
        <SearchField
          label="Search by name, description or tag"
          value={state.search}
          onSearch={(v) => set({ search: v, page: 1 })}
        />
        <FilterSelect<ResourceCategory>
          label="Category"
          value={category ?? ''}
          allLabel="All categories"
          options={enumOptions(RESOURCE_CATEGORIES, LABELS.resourceCategory)}
          onChange={(v) => set({ category: v, page: 1 })}
        />
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Chip
          component="button"
          clickable
          label="Needs checking"
          color={needsChecking ? 'primary' : 'default'}
          variant={needsChecking ? 'filled' : 'outlined'}
          aria-pressed={needsChecking}
          onClick={() => set({ stale: needsChecking ? '' : 'true', page: 1 })}
          sx={{ minHeight: 40, px: 1 }}
        />
      </Box>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <CardGridSkeleton label="Loading the directory…" />}
      {list.data && list.data.total === 0 && (
        <EmptyState
          icon={<MenuBookOutlined />}
          title={
            state.search || category || needsChecking
              ? needsChecking && !state.search && !category
                ? 'Everything has been checked this year'
                : 'Nothing matches'
              : 'The directory is empty'
          }
          action={
            state.search || category || needsChecking ? (
              <Button onClick={() => set({ search: '', category: '', stale: '', page: 1 })}>
                Clear all filters
              </Button>
            ) : (
              addResource
            )
          }
        >
          {state.search || category || needsChecking
            ? needsChecking && !state.search && !category
              ? 'Every resource was checked in the last year. Thank you for keeping the directory right.'
              : 'Try another word, or a different category.'
            : admin
              ? 'Add the services and groups your teams refer people to.'
              : 'Your administrator can add the services and groups your team refers people to.'}
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
            {list.data.total} {list.data.total === 1 ? 'resource' : 'resources'}
          </Typography>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
              gap: 2,
              opacity: list.isFetching ? 0.7 : 1,
            }}
          >
            {list.data.items.map((r) => (
              <ResourceCard
                key={r.id}
                resource={r}
                onShare={() => setSharing(r)}
                onEdit={admin ? () => setEditing(r) : undefined}
                onVerify={
                  admin
                    ? () =>
                        verify.mutate(r.id, {
                          onSuccess: (saved) => notify(`“${saved.name}” marked checked today`),
                          onError: () => notify(`Could not mark “${r.name}” checked — try again`),
                        })
                    : undefined
                }
                verifying={verify.isPending && verify.variables === r.id}
              />
            ))}
          </Box>
          {pages > 1 && (
            <Pagination
              sx={{ mt: 2 }}
              count={pages}
              page={page}
              onChange={(_e, p) => set({ page: p })}
              getItemAriaLabel={(type, p) =>
                type === 'page'
                  ? `Page ${p}`
                  : type === 'next'
                    ? 'Next page'
                    : type === 'previous'
                      ? 'Previous page'
                      : type
              }
            />
          )}
        </>
      )}
      {sharing && (
        <HandoutDialog
          open
          resource={sharing}
          onClose={() => setSharing(null)}
          onSaved={(message) => {
            setSharing(null);
            notify(message);
          }}
        />
      )}
      {editing && (
        <ResourceDialog
          open
          resource={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setEditing(null);
            notify(`“${r.name}” saved`);
          }}
        />
      )}
    </>
  );
}
