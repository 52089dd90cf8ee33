import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { LABELS, type ParticipantListItem } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
import { useUserName } from '../users/api';
import { LastContact } from './ContactFlag';
import { fullNameIfDifferent, participantName } from './names';

export type ParticipantColumn =
  'name' | 'pronouns' | 'status' | 'focusAreas' | 'primaryWorker' | 'lastContact';

/** Participants in a server-paged table; a row, or the name in it, opens the participant. */
export function ParticipantList({
  label,
  rows,
  total,
  loading,
  page,
  pageSize,
  onPageChange,
  show,
}: {
  label: string;
  rows: ParticipantListItem[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  show: ParticipantColumn[];
}) {
  const navigate = useNavigate();
  const userName = useUserName();
  const all: Record<ParticipantColumn, DataTableColumn<ParticipantListItem>> = {
    name: {
      field: 'name',
      header: 'Name',
      minWidth: 190,
      render: (row) => {
        const full = fullNameIfDifferent(row);
        return (
          <Box
            sx={{
              display: 'flex',
              flexDirection: 'column',
              lineHeight: 1.3,
            }}
          >
            <Link
              href={`/participants/${row.id}`}
              sx={{ fontWeight: 600 }}
              onClick={(e) => e.stopPropagation()}
            >
              {participantName(row)}
            </Link>
            {full && (
              <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8125rem' }}>
                {full}
              </Box>
            )}
          </Box>
        );
      },
    },
    pronouns: {
      field: 'pronouns',
      header: 'Pronouns',
      width: 130,
      value: (row) => row.pronouns ?? '',
    },
    status: {
      field: 'status',
      header: 'Status',
      width: 110,
      value: (row) => LABELS.participantStatus[row.status],
    },
    focusAreas: {
      field: 'focusAreas',
      header: 'Focus areas',
      minWidth: 180,
      value: (row) => row.focusAreas.map((f) => LABELS.focusArea[f]).join(', '),
    },
    primaryWorker: {
      field: 'primaryWorkerId',
      header: 'Primary worker',
      minWidth: 150,
      value: (row) => userName(row.primaryWorkerId),
    },
    lastContact: {
      field: 'lastContactOn',
      header: 'Last contact',
      width: 215,
      render: (row) => <LastContact participant={row} />,
    },
  };
  return (
    <DataTable<ParticipantListItem>
      label={label}
      rows={rows}
      columns={show.map((c) => all[c])}
      total={total}
      loading={loading}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      onRowClick={(row) => void navigate(`/participants/${row.id}`)}
    />
  );
}
