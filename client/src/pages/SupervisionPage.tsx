import AddOutlined from '@mui/icons-material/AddOutlined';
import SupervisorAccountOutlined from '@mui/icons-material/SupervisorAccountOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { SUPERVISION_FORMAT_LABELS, type Supervision } from '@peerpath/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useLastSupervised, useSupervisions } from '../features/supervision/api';
import { SupervisionDialog } from '../features/supervision/SupervisionDialog';
import { useTeamMembers, useUserName } from '../features/users/api';
import { formatDate, formatMinutes } from '../lib/dates';
import { useNotify } from '../lib/notify';

/** Four weeks: a worker not supervised for longer is flagged for their supervisor. */
const DUE_AFTER_DAYS = 28;

function since(days: number | null): string {
  if (days === null) return 'Not supervised yet';
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return `${days} days ago`;
}

/**
 * Supervision: a supervisor sees when each worker of the team was last
 * supervised, logs a supervision in one dialog, and keeps the records; a
 * worker reads their own; an admin reads every team's.
 */
export function SupervisionPage() {
  const me = useCurrentUser();
  const notify = useNotify();
  const nameOf = useUserName();
  const { members } = useTeamMembers();
  const [params, setParams] = useSearchParams();
  const workerFilter = params.get('worker') ?? '';
  const isSupervisor = me.role === 'supervisor';
  const last = useLastSupervised(me.teamId, isSupervisor);
  const list = useSupervisions({
    pageSize: 50,
    ...(workerFilter ? { workerId: workerFilter } : {}),
  });
  const [logging, setLogging] = useState<{ workerId?: string } | null>(null);
  const [editing, setEditing] = useState<Supervision | null>(null);
  const workers = members
    .filter((u) => u.role === 'worker' && u.active)
    .map((u) => ({ value: u.id, label: u.displayName }));
  const records = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Supervision"
        subtitle={
          isSupervisor
            ? 'Time to reflect, celebrate and plan with each worker.'
            : me.role === 'worker'
              ? 'Your supervision: what you talked about and the next steps you agreed.'
              : 'Supervision across the organisation.'
        }
        actions={
          isSupervisor && (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setLogging({})}>
              Log supervision
            </Button>
          )
        }
      />
      {isSupervisor && (
        <Box component="section" aria-labelledby="last-supervised" sx={{ mb: 3 }}>
          <Typography id="last-supervised" component="h2" variant="h6" sx={{ mb: 1 }}>
            When each worker was last supervised
          </Typography>
          {last.error && <ErrorAlert error={last.error} onRetry={() => void last.refetch()} />}
          <Paper variant="outlined">
            <List aria-label="Workers and their last supervision">
              {(last.data ?? []).map((row) => {
                const due = row.daysSince === null || row.daysSince > DUE_AFTER_DAYS;
                const name = nameOf(row.workerId);
                return (
                  <ListItem
                    key={row.workerId}
                    divider
                    sx={{ flexWrap: 'wrap', gap: 1 }}
                    secondaryAction={undefined}
                  >
                    <ListItemButton
                      href={`/supervision?worker=${row.workerId}`}
                      aria-label={`${name}: ${since(row.daysSince)}. Show their supervision`}
                      sx={{ flex: '1 1 200px', borderRadius: 1, minHeight: 48 }}
                    >
                      <ListItemText
                        primary={name}
                        secondary={
                          row.lastOn
                            ? `${formatDate(row.lastOn)} · ${since(row.daysSince)}`
                            : since(null)
                        }
                      />
                      {due && (
                        <Chip
                          size="small"
                          color="warning"
                          label={row.daysSince === null ? 'Not yet' : 'Over 4 weeks'}
                          sx={{ ml: 1 }}
                        />
                      )}
                    </ListItemButton>
                    <Button
                      variant="outlined"
                      onClick={() => setLogging({ workerId: row.workerId })}
                      aria-label={`Log supervision with ${name}`}
                      sx={{ minHeight: 44 }}
                    >
                      Log supervision
                    </Button>
                  </ListItem>
                );
              })}
            </List>
          </Paper>
        </Box>
      )}
      <Box component="section" aria-labelledby="supervision-records">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
          <Typography id="supervision-records" component="h2" variant="h6">
            {workerFilter ? `Supervision of ${nameOf(workerFilter)}` : 'Supervision records'}
          </Typography>
          {workerFilter && (
            <Button size="small" onClick={() => setParams({}, { replace: true })}>
              Show everyone
            </Button>
          )}
        </Box>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && records.length === 0 ? (
          <EmptyState icon={<SupervisorAccountOutlined />} title="No supervision recorded yet">
            {isSupervisor
              ? 'Log a supervision to keep what you talked about and the next steps you agreed.'
              : 'Your supervisor records your supervision here.'}
          </EmptyState>
        ) : (
          <Paper variant="outlined">
            <List aria-label="Supervision records">
              {records.map((s) => {
                const text = (
                  <ListItemText
                    primary={`${formatDate(s.on)} · ${nameOf(s.workerId)} · ${SUPERVISION_FORMAT_LABELS[s.format]}, ${formatMinutes(s.minutes)}`}
                    secondary={
                      <>
                        {s.topics && <span style={{ display: 'block' }}>{s.topics}</span>}
                        {s.actionItems && (
                          <span style={{ display: 'block' }}>Next steps: {s.actionItems}</span>
                        )}
                        <span style={{ display: 'block' }}>With {nameOf(s.supervisorId)}</span>
                      </>
                    }
                  />
                );
                return (
                  <ListItem key={s.id} divider disablePadding={isSupervisor}>
                    {isSupervisor ? (
                      <ListItemButton onClick={() => setEditing(s)} sx={{ minHeight: 56 }}>
                        {text}
                      </ListItemButton>
                    ) : (
                      text
                    )}
                  </ListItem>
                );
              })}
            </List>
          </Paper>
        )}
      </Box>
      {logging && (
        <SupervisionDialog
          workers={workers}
          workerId={logging.workerId}
          onClose={() => setLogging(null)}
          onSaved={() => {
            setLogging(null);
            notify('Supervision saved');
          }}
        />
      )}
      {editing && (
        <SupervisionDialog
          key={`${editing.id}-${editing.version}`}
          workers={workers}
          supervision={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('Supervision updated');
          }}
        />
      )}
    </>
  );
}
