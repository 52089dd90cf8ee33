import AddOutlined from '@mui/icons-material/AddOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import PlaceOutlined from '@mui/icons-material/PlaceOutlined';
import ShareOutlined from '@mui/icons-material/ShareOutlined';
import LanguageOutlined from '@mui/icons-material/LanguageOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  LABELS,
  RESOURCE_CATEGORIES,
  type Resource,
  type ResourceCategory,
} from '@peerpath/shared';
import { useState, type ReactNode } from 'react';
import { isAdmin, useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { enumOptions, oneOf } from '../lib/options';
import { PageHeader } from '../components/PageHeader';
import { SearchField } from '../components/SearchField';
import { CardGridSkeleton } from '../components/Skeletons';
import { useNotify } from '../lib/notify';
import { useResources } from '../features/resources/api';
import { useUserName } from '../features/users/api';
import { FollowUps } from '../features/resources/FollowUps';
import { HandoutDialog } from '../features/resources/HandoutDialog';
import { ResourceDialog } from '../features/resources/ResourceDialog';
import { useUrlState } from '../hooks/useUrlState';
import { visuallyHidden } from '../lib/visuallyHidden';

const PAGE_SIZE = 24;

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        color: 'text.secondary',
        '& svg': { fontSize: 18, mt: '2px' },
      }}
    >
      <Box aria-hidden sx={{ display: 'flex' }}>
        {icon}
      </Box>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function ResourceCard({
  resource: r,
  onShare,
  onEdit,
}: {
  resource: Resource;
  onShare: () => void;
  onEdit?: () => void;
}) {
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={`resource-${r.id}`}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box>
        <Typography variant="h3" component="h3" id={`resource-${r.id}`}>
          {r.name}
        </Typography>
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 0.5 }}>
          <Chip size="small" label={LABELS.resourceCategory[r.category]} />
          {!r.active && <Chip size="small" variant="outlined" label="Not listed" />}
        </Box>
      </Box>
      {r.description && <Typography variant="body2">{r.description}</Typography>}
      {r.phone && (
        <Line icon={<PhoneOutlined />}>
          <Link href={`tel:${r.phone.replace(/[^\d+]/g, '')}`}>{r.phone}</Link>
        </Line>
      )}
      {r.url && (
        <Line icon={<LanguageOutlined />}>
          <Link href={r.url} target="_blank" rel="noopener noreferrer">
            {r.url.replace(/^https?:\/\//, '')}
            <Box component="span" sx={visuallyHidden}>
              {' '}
              (opens in a new tab)
            </Box>
          </Link>
        </Line>
      )}
      {r.address && <Line icon={<PlaceOutlined />}>{r.address}</Line>}
      {r.tags.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Tags: {r.tags.join(', ')}
        </Typography>
      )}
      <Box sx={{ mt: 'auto', pt: 1, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {r.active && (
          <Button
            size="small"
            variant="outlined"
            startIcon={<ShareOutlined />}
            onClick={onShare}
            aria-label={`Share ${r.name} with someone`}
          >
            Share with someone
          </Button>
        )}
        {onEdit && (
          <Button
            size="small"
            startIcon={<EditOutlined />}
            onClick={onEdit}
            aria-label={`Edit ${r.name}`}
          >
            Edit
          </Button>
        )}
      </Box>
    </Paper>
  );
}

export function ResourcesPage() {
  const me = useCurrentUser();
  const admin = isAdmin(me.role);
  const notify = useNotify();
  const userName = useUserName();
  const [state, set] = useUrlState({ search: '', category: '', page: '1', worker: '' });
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
  });
  const [sharing, setSharing] = useState<Resource | null>(null);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const addResource = admin && (
    <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
      Add resource
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Resources"
        subtitle="Services and groups to share with the people you support."
        actions={addResource}
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
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isLoading && <CardGridSkeleton label="Loading the directory…" />}
      {list.data && list.data.total === 0 && (
        <EmptyState
          icon={<MenuBookOutlined />}
          title={state.search || category ? 'Nothing matches' : 'The directory is empty'}
          action={
            state.search || category ? (
              <Button onClick={() => set({ search: '', category: '', page: 1 })}>
                Clear search and category
              </Button>
            ) : (
              addResource
            )
          }
        >
          {state.search || category
            ? 'Try another word, or a different category.'
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
