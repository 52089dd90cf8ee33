import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { GridColDef } from '@mui/x-data-grid';
import { LABELS, type ParticipantListItem } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { useUserName } from '../users/api';
import { LastContact } from './ContactFlag';
import { fullNameIfDifferent, participantName } from './names';

export type ParticipantColumn =
  'name' | 'pronouns' | 'status' | 'focusAreas' | 'primaryWorker' | 'lastContact';

/** Participants in a server-paged grid; the name is a link, so keyboard users can open a row. */
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
  const narrow = useMediaQuery(useTheme().breakpoints.down('sm'));
  const all: Record<ParticipantColumn, GridColDef<ParticipantListItem>> = {
    name: {
      field: 'name',
      headerName: 'Name',
      flex: 1.3,
      minWidth: 190,
      valueGetter: (_v, row) => participantName(row),
      renderCell: ({ row, tabIndex }) => {
        const full = fullNameIfDifferent(row);
        return (
          <Box
            sx={{
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
              height: '100%',
              lineHeight: 1.3,
            }}
          >
            <Link
              href={`/participants/${row.id}`}
              tabIndex={tabIndex}
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
      headerName: 'Pronouns',
      width: 130,
      valueGetter: (_v, row) => row.pronouns ?? '',
    },
    status: {
      field: 'status',
      headerName: 'Status',
      width: 110,
      valueGetter: (_v, row) => LABELS.participantStatus[row.status],
    },
    focusAreas: {
      field: 'focusAreas',
      headerName: 'Focus areas',
      flex: 1.2,
      minWidth: 180,
      valueGetter: (_v, row) => row.focusAreas.map((f) => LABELS.focusArea[f]).join(', '),
    },
    primaryWorker: {
      field: 'primaryWorkerId',
      headerName: 'Primary worker',
      flex: 1,
      minWidth: 150,
      valueGetter: (_v, row) => userName(row.primaryWorkerId),
    },
    lastContact: {
      field: 'lastContactOn',
      headerName: 'Last contact',
      width: 215,
      renderCell: ({ row }) => <LastContact participant={row} />,
    },
  };
  return (
    <DataTable<ParticipantListItem>
      label={label}
      rows={rows}
      columns={
        narrow
          ? [
              { ...all.name, minWidth: 140 },
              { ...all.lastContact, width: undefined, flex: 1, minWidth: 170 },
            ].filter((c) => show.includes(c.field === 'name' ? 'name' : 'lastContact'))
          : show.map((c) => all[c])
      }
      total={total}
      loading={loading}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      onRowClick={(row) => void navigate(`/participants/${row.id}`)}
    />
  );
}
