import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import type { GridColDef } from '@mui/x-data-grid';
import { LABELS, type AdvocacyAction } from '@peerpath/shared';
import type { MouseEvent } from 'react';
import { DataTable } from '../../components/DataTable';
import { formatDate, today } from '../../components/dates';
import { useParticipantLookup } from '../participants/api';
import { participantName } from '../participants/names';
import { useUserName } from '../users/api';

export function isOverdue(a: AdvocacyAction) {
  return (
    (a.status === 'open' || a.status === 'in_progress') && Boolean(a.dueOn && a.dueOn < today())
  );
}

export function AdvocacyList({
  rows,
  total,
  loading,
  page,
  pageSize,
  onPageChange,
  onOpen,
}: {
  rows: AdvocacyAction[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (a: AdvocacyAction) => void;
}) {
  const userName = useUserName();
  const { known } = useParticipantLookup(
    rows.flatMap((r) => (r.participantId ? [r.participantId] : [])),
  );
  const columns: GridColDef<AdvocacyAction>[] = [
    {
      field: 'title',
      headerName: 'What it is about',
      flex: 2,
      minWidth: 300,
      renderCell: ({ row, tabIndex }) => (
        <Link
          component="button"
          type="button"
          tabIndex={tabIndex}
          onClick={(e: MouseEvent) => {
            e.stopPropagation();
            onOpen(row);
          }}
          sx={{ fontWeight: 600, textAlign: 'left' }}
        >
          {row.title}
        </Link>
      ),
    },
    {
      field: 'participantId',
      headerName: 'For',
      flex: 1,
      minWidth: 160,
      renderCell: ({ row, tabIndex }) => {
        if (!row.participantId) return 'Many people (systemic)';
        const p = known.get(row.participantId);
        return p ? (
          <Link
            href={`/participants/${p.id}`}
            tabIndex={tabIndex}
            onClick={(e) => e.stopPropagation()}
          >
            {participantName(p)}
          </Link>
        ) : (
          '…'
        );
      },
    },
    {
      field: 'category',
      headerName: 'Category',
      width: 180,
      valueGetter: (_v, row) => LABELS.advocacyCategory[row.category],
    },
    {
      field: 'status',
      headerName: 'Status',
      width: 120,
      valueGetter: (_v, row) => LABELS.advocacyStatus[row.status],
    },
    {
      field: 'dueOn',
      headerName: 'Due by',
      width: 170,
      renderCell: ({ row }) => (
        <Box
          sx={{
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
            height: '100%',
            lineHeight: 1.3,
          }}
        >
          <span>{row.dueOn ? formatDate(row.dueOn) : '—'}</span>
          {isOverdue(row) && (
            <Box
              component="span"
              sx={{
                display: 'inline-flex',
                alignItems: 'center',
                gap: 0.5,
                color: 'warning.main',
                fontWeight: 600,
                fontSize: '0.8125rem',
              }}
            >
              <EventBusyOutlined sx={{ fontSize: 16 }} aria-hidden />
              Past due date
            </Box>
          )}
        </Box>
      ),
    },
    {
      field: 'openedOn',
      headerName: 'Opened',
      width: 120,
      valueGetter: (_v, row) => formatDate(row.openedOn),
    },
    {
      field: 'workerId',
      headerName: 'Worker',
      flex: 1,
      minWidth: 150,
      valueGetter: (_v, row) => userName(row.workerId),
    },
  ];
  return (
    <DataTable<AdvocacyAction>
      label="Advocacy actions"
      rows={rows}
      columns={columns}
      total={total}
      loading={loading}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      onRowClick={onOpen}
    />
  );
}
