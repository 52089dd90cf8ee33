import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { LABELS, type ParticipantListItem } from '@peerpath/shared';
import { useNavigate } from 'react-router';
import { DataTable, type DataTableColumn, type PagedRows } from '../../components/DataTable';
import { formatDate, today } from '../../lib/dates';
import { useUserName } from '../users/api';
import { LastContact } from './ContactFlag';
import { fullNameIfDifferent, participantName } from './names';

export type ParticipantColumn =
  'name' | 'pronouns' | 'status' | 'nextStep' | 'primaryWorker' | 'lastContact';

/** What comes next for the person, and by when ("past due" in words when it is). */
function NextStepCell({ row }: { row: ParticipantListItem }) {
  const step = row.nextStep;
  if (!step)
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        —
      </Box>
    );
  const late = step.dueOn !== null && step.dueOn < today();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3, minWidth: 0 }}>
      <Box
        component="span"
        title={step.text}
        sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {step.text}
      </Box>
      {step.dueOn && (
        <Box
          component="span"
          sx={{
            fontSize: '0.8125rem',
            color: late ? 'warning.main' : 'text.secondary',
            fontWeight: late ? 600 : undefined,
          }}
        >
          {late ? `Past due · ${formatDate(step.dueOn)}` : `By ${formatDate(step.dueOn)}`}
        </Box>
      )}
    </Box>
  );
}

/** Participants in a server-paged table; a row, or the name in it, opens the participant. */
export function ParticipantList({
  show,
  ...table
}: PagedRows<ParticipantListItem> & { label: string; show: ParticipantColumn[] }) {
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
    nextStep: {
      field: 'nextStep',
      header: 'Next step',
      minWidth: 220,
      render: (row) => <NextStepCell row={row} />,
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
      columns={show.map((c) => all[c])}
      {...table}
      onRowClick={(row) => void navigate(`/participants/${row.id}`)}
    />
  );
}
