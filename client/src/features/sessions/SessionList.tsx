import Link from '@mui/material/Link';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { LABELS, type Session } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/DataTable';
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
  const columns: DataTableColumn<Session>[] = [
    {
      field: 'startsAt',
      header: 'When',
      minWidth: 200,
      render: (row) => (
        <Link
          href={`/sessions/${row.id}`}
          sx={{ fontWeight: 600 }}
          onClick={(e) => e.stopPropagation()}
        >
          {formatDateTime(row.startsAt)}
        </Link>
      ),
    },
    {
      field: 'type',
      header: 'Type',
      minWidth: 150,
      value: (row) => LABELS.sessionType[row.type],
    },
    {
      field: 'title',
      header: 'Title',
      minWidth: 140,
      value: (row) => row.title ?? '',
    },
    {
      field: 'attendance',
      header: 'People',
      minWidth: 120,
      value: (row) => attendanceSummary(row),
    },
    {
      field: 'durationMinutes',
      header: 'Length',
      width: 100,
      value: (row) => formatMinutes(row.durationMinutes),
    },
    {
      field: 'setting',
      header: 'Setting',
      width: 110,
      value: (row) => LABELS.sessionSetting[row.setting],
    },
    {
      field: 'facilitatorId',
      header: 'Facilitator',
      minWidth: 130,
      value: (row) => userName(row.facilitatorId),
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
