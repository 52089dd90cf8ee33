import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, type Page } from '@peerpath/shared';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { api, describeError } from '../api';
import { RequireAuth, useCurrentUser } from '../auth';
import { DataTable, type DataTableColumn } from '../components/DataTable';
import { FilterBar } from '../components/FilterBar';
import { ErrorAlert } from '../components/ErrorAlert';
import { FilterSelect } from '../components/FilterSelect';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/dates';
import { useParticipants } from '../features/participants/api';
import { participantName } from '../features/participants/names';
import { useTeamMembers, useUserName } from '../features/users/api';
import { useListParams } from '../hooks/useListParams';
import { saveBlob } from '../lib/saveBlob';

const ACTION_LABEL: Record<AuditAction, string> = {
  read: 'Looked at',
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  export: 'Exported',
  login: 'Signed in',
  login_failed: 'Sign-in refused',
  access_denied: "Asked for another team's record",
};

type Filters = {
  participantId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
};

/** A CSV cell: quoted, and made inert for spreadsheets (OWASP CSV injection). */
/** The period's date fields: the filter's key and the field's label. */
const PERIOD = [
  ['from', 'From'],
  ['to', 'To'],
] as const;

const cell = (v: unknown) => {
  const text = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

function Audit() {
  const me = useCurrentUser();
  const { members } = useTeamMembers();
  const userName = useUserName();
  const people = useParticipants({ pageSize: 100, sort: 'name' });
  const { filters, setFilters, page, pageSize, paging } = useListParams({
    person: '',
    actor: '',
    action: '',
    from: '',
    to: '',
  });
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const auditFilters: Filters = {
    participantId: filters.person || undefined,
    actorId: filters.actor || undefined,
    action: filters.action || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const events = useQuery({
    queryKey: ['audit', auditFilters, page, pageSize],
    queryFn: ({ signal }) =>
      api<Page<AuditEvent>>('/audit', { query: { ...auditFilters, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
  const personName = new Map(
    (people.data?.items ?? []).map((p) => [p.id, participantName(p)] as const),
  );

  const columns: DataTableColumn<AuditEvent>[] = [
    { field: 'at', header: 'When', width: 190, value: (e) => formatDateTime(e.at) },
    {
      field: 'actorId',
      header: 'Who',
      minWidth: 150,
      value: (e) => (e.actorId ? userName(e.actorId) : '—'),
    },
    { field: 'action', header: 'What', width: 140, value: (e) => ACTION_LABEL[e.action] },
    {
      field: 'entityType',
      header: 'Record',
      width: 140,
      value: (e) => e.entityType.replaceAll('_', ' '),
    },
    {
      field: 'participantId',
      header: 'Person',
      minWidth: 150,
      value: (e) => (e.participantId ? (personName.get(e.participantId) ?? 'Participant') : '—'),
    },
  ];

  /** Every event the filters match (up to 5,000), as a CSV file. */
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const rows: AuditEvent[] = [];
      for (let p = 1; p <= 50; p++) {
        const res = await api<Page<AuditEvent>>('/audit', {
          query: { ...auditFilters, page: p, pageSize: 100 },
        });
        rows.push(...res.items);
        if (rows.length >= res.total || res.items.length === 0) break;
      }
      const header = [
        'at',
        'actor',
        'actorId',
        'action',
        'entityType',
        'entityId',
        'participantId',
        'teamId',
        'details',
      ];
      const lines = [
        header.join(','),
        ...rows.map((e) =>
          [
            e.at,
            e.actorId ? userName(e.actorId) : '',
            e.actorId,
            e.action,
            e.entityType,
            e.entityId,
            e.participantId,
            e.teamId,
            e.details,
          ]
            .map(cell)
            .join(','),
        ),
      ];
      saveBlob(
        new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }),
        `peerpath-audit-${new Date().toISOString().slice(0, 10)}.csv`,
      );
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle={
          me.role === 'admin'
            ? 'Who looked at or changed what, in every team. Newest first.'
            : 'Who looked at or changed your team’s records. Newest first.'
        }
        actions={
          <Button
            variant="outlined"
            startIcon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportCsv()}
          >
            Download CSV
          </Button>
        }
      />
      <FilterBar wide="repeat(5, minmax(0, 1fr))">
        <FilterSelect
          label="Person"
          value={filters.person}
          allLabel="Anyone"
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: participantName(p),
          }))}
          onChange={(v) => setFilters({ person: v })}
        />
        <FilterSelect
          label="Done by"
          value={filters.actor}
          allLabel="Any user"
          options={members.map((u) => ({ value: u.id, label: u.displayName }))}
          onChange={(v) => setFilters({ actor: v })}
        />
        <FilterSelect
          label="Action"
          value={filters.action}
          allLabel="Any action"
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: ACTION_LABEL[a] }))}
          onChange={(v) => setFilters({ action: v })}
        />
        {PERIOD.map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            type="date"
            size="small"
            value={filters[key]}
            onChange={(e) => setFilters({ [key]: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        ))}
      </FilterBar>
      {exportError && <ErrorAlert error={new Error(exportError)} />}
      {events.error && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-live="polite">
        {events.data ? `${events.data.total} ${events.data.total === 1 ? 'event' : 'events'}` : ''}
      </Typography>
      <DataTable<AuditEvent>
        label="Audit events"
        rows={events.data?.items ?? []}
        columns={columns}
        total={events.data?.total ?? 0}
        loading={events.isFetching}
        {...paging}
      />
    </>
  );
}

export function AuditPage() {
  return (
    <RequireAuth roles={['supervisor', 'admin']}>
      <Audit />
    </RequireAuth>
  );
}
