import Link from '@mui/material/Link';
import { LABELS, type Session } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable, type DataTableColumn, type PagedRows } from '../../components/DataTable';
import { formatDateTime, formatMinutes } from '../../lib/dates';
import { useParticipantLookup } from '../participants/api';
import { participantName } from '../participants/names';
import { useUserName } from '../users/api';

/** The one person a one-to-one was with; undefined for a group. */
const oneToOneWith = (s: Session) =>
  s.format === 'one_to_one' ? s.attendance[0]?.participantId : undefined;

export function attendanceSummary(s: Session): string {
  const attended = s.attendance.filter((a) => a.status === 'attended').length;
  if (s.format === 'one_to_one')
    return attended ? 'Attended' : LABELS.attendanceStatus[s.attendance[0]?.status ?? 'absent'];
  return `${attended} of ${s.attendance.length} attended`;
}

export function SessionList(paged: PagedRows<Session>) {
  const navigate = useNavigate();
  const userName = useUserName();
  const people = useParticipantLookup(paged.rows.flatMap((r) => oneToOneWith(r) ?? []));
  const withWhom = (row: Session) => {
    const id = oneToOneWith(row);
    if (!id) return '';
    const p = people.known.get(id);
    if (p)
      return (
        <Link href={`/participants/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {participantName(p)}
        </Link>
      );
    // Not readable here: the person has moved to another team since.
    return people.isLoading ? '…' : 'Participant of another team';
  };
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
      field: 'with',
      header: 'With',
      minWidth: 150,
      render: withWhom,
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
      columns={columns}
      {...paged}
      onRowClick={(row) => void navigate(`/sessions/${row.id}`)}
    />
  );
}
