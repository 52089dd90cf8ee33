import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { LABELS, isUnfinishedAdvocacy, type AdvocacyAction } from '@peerpath/shared';
import type { MouseEvent } from 'react';
import { DataTable, type DataTableColumn, type PagedRows } from '../../components/DataTable';
import { WarningFlag } from '../../components/WarningFlag';
import { formatDate, today } from '../../lib/dates';
import { useParticipantLookup } from '../participants/api';
import { participantName } from '../participants/names';
import { useUserName } from '../users/api';

export function isOverdue(a: AdvocacyAction) {
  return isUnfinishedAdvocacy(a.status) && Boolean(a.dueOn && a.dueOn < today());
}

export function AdvocacyList({
  onOpen,
  ...paged
}: PagedRows<AdvocacyAction> & { onOpen: (a: AdvocacyAction) => void }) {
  const userName = useUserName();
  const { known } = useParticipantLookup(
    paged.rows.flatMap((r) => (r.participantId ? [r.participantId] : [])),
  );
  const columns: DataTableColumn<AdvocacyAction>[] = [
    {
      field: 'title',
      header: 'What it is about',
      minWidth: 220,
      render: (row) => (
        <Link
          component="button"
          type="button"
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
      header: 'For',
      minWidth: 140,
      render: (row) => {
        if (!row.participantId) return 'Many people (systemic)';
        const p = known.get(row.participantId);
        return p ? (
          <Link href={`/participants/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {participantName(p)}
          </Link>
        ) : (
          '…'
        );
      },
    },
    {
      field: 'category',
      header: 'Category',
      width: 150,
      value: (row) => LABELS.advocacyCategory[row.category],
    },
    {
      field: 'status',
      header: 'Status',
      width: 110,
      value: (row) => LABELS.advocacyStatus[row.status],
    },
    {
      field: 'dueOn',
      header: 'Due by',
      width: 150,
      render: (row) => (
        <Box
          sx={{
            display: 'flex',
            flexDirection: 'column',
            lineHeight: 1.3,
          }}
        >
          <span>{row.dueOn ? formatDate(row.dueOn) : '—'}</span>
          {isOverdue(row) && (
            <WarningFlag icon={EventBusyOutlined} small>
              Past due date
            </WarningFlag>
          )}
        </Box>
      ),
    },
    {
      field: 'openedOn',
      header: 'Opened',
      width: 110,
      value: (row) => formatDate(row.openedOn),
    },
    {
      field: 'workerId',
      header: 'Worker',
      minWidth: 120,
      value: (row) => userName(row.workerId),
    },
  ];
  return (
    <DataTable<AdvocacyAction>
      label="Advocacy actions"
      columns={columns}
      {...paged}
      onRowClick={onOpen}
    />
  );
}
