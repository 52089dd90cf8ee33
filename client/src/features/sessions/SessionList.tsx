import Link from '@mui/material/Link';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { GridColDef } from '@mui/x-data-grid';
import { LABELS, type Session } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { formatDateTime, formatMinutes } from '../../components/dates';
import { useUserName } from '../users/api';

export function attendanceSummary(s: Session): string {
  const attended = s.attendance.filter((a) => a.status === 'attended').length;
  if (s.format === 'one_to_one')
    return attended ? 'Attended' : LABELS.attendanceStatus[s.attendance[0]?.status ?? 'absent'];
  return `${attended} of ${s.attendance.length} attended`;
}

export function SessionList({
  rows,
  total,
  loading,
  page,
  pageSize,
  onPageChange,
}: {
  rows: Session[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const navigate = useNavigate();
  const userName = useUserName();
  const narrow = useMediaQuery(useTheme().breakpoints.down('sm'));
  const columns: GridColDef<Session>[] = [
    {
      field: 'startsAt',
      headerName: 'When',
      minWidth: 225,
      flex: 1,
      renderCell: ({ row, tabIndex }) => (
        <Link
          href={`/sessions/${row.id}`}
          tabIndex={tabIndex}
          sx={{ fontWeight: 600 }}
          onClick={(e) => e.stopPropagation()}
        >
          {formatDateTime(row.startsAt)}
        </Link>
      ),
    },
    {
      field: 'type',
      headerName: 'Type',
      minWidth: 190,
      flex: 1,
      valueGetter: (_v, row) => LABELS.sessionType[row.type],
    },
    {
      field: 'title',
      headerName: 'Title',
      minWidth: 160,
      flex: 1.2,
      valueGetter: (_v, row) => row.title ?? '',
    },
    {
      field: 'attendance',
      headerName: 'People',
      minWidth: 140,
      valueGetter: (_v, row) => attendanceSummary(row),
    },
    {
      field: 'durationMinutes',
      headerName: 'Length',
      width: 100,
      valueGetter: (_v, row) => formatMinutes(row.durationMinutes),
    },
    {
      field: 'setting',
      headerName: 'Setting',
      width: 150,
      valueGetter: (_v, row) => LABELS.sessionSetting[row.setting],
    },
    {
      field: 'facilitatorId',
      headerName: 'Facilitator',
      minWidth: 150,
      flex: 1,
      valueGetter: (_v, row) => userName(row.facilitatorId),
    },
  ];
  return (
    <DataTable<Session>
      label="Sessions"
      rows={rows}
      columns={
        narrow
          ? columns.filter((c) => ['startsAt', 'type', 'attendance'].includes(c.field))
          : columns
      }
      total={total}
      loading={loading}
      page={page}
      pageSize={pageSize}
      onPageChange={onPageChange}
      onRowClick={(row) => void navigate(`/sessions/${row.id}`)}
    />
  );
}
