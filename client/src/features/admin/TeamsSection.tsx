import AddOutlined from '@mui/icons-material/AddOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { NOTE_FORMATS, NOTE_LABELS, type NoteFormat } from '@peerpath/shared';
import { useState } from 'react';
import { describeError } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { visuallyHidden } from '../../lib/visuallyHidden';
import { useTeams, useUpdateTeam } from '../teams/api';
import { CreateTeamDialog } from './CreateTeamDialog';

export function TeamsSection() {
  const teams = useTeams();
  const notify = useNotify();
  const update = useUpdateTeam();
  const [creating, setCreating] = useState(false);
  const items = teams.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="teams-heading" sx={{ mb: 5 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 2,
          mb: 1.5,
          flexWrap: 'wrap',
        }}
      >
        <Typography variant="h2" id="teams-heading">
          Teams
        </Typography>
        <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
          Create team
        </Button>
      </Box>
      {teams.isLoading && <TableSkeleton rows={3} label="Loading teams…" />}
      {teams.error && <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && items.length === 0 && (
        <EmptyState
          icon={<GroupsOutlined />}
          title="No teams yet"
          action={
            <Button
              variant="contained"
              startIcon={<AddOutlined />}
              onClick={() => setCreating(true)}
            >
              Create the first team
            </Button>
          }
        >
          Create a team first; then add its supervisor and peer support workers.
        </EmptyState>
      )}
      {items.length > 0 && (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="teams-heading">
            <TableHead>
              <TableRow>
                <TableCell scope="col">Name</TableCell>
                <TableCell scope="col">Notes written as</TableCell>
                <TableCell scope="col">Created</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((t) => (
                <TableRow key={t.id}>
                  <TableCell scope="row" component="th" sx={{ fontWeight: 500 }}>
                    {t.name}
                  </TableCell>
                  <TableCell sx={{ minWidth: 200 }}>
                    <TextField
                      select
                      size="small"
                      fullWidth
                      label={`${t.name}: notes written as`}
                      slotProps={{ inputLabel: { sx: visuallyHidden } }}
                      value={t.noteFormat}
                      disabled={update.isPending}
                      onChange={(e) =>
                        update.mutate(
                          { id: t.id, noteFormat: e.target.value as NoteFormat },
                          {
                            onSuccess: (saved) =>
                              notify(
                                `${saved.name} now writes notes as ${NOTE_LABELS.format[saved.noteFormat]}`,
                              ),
                            onError: (error) => notify(describeError(error)),
                          },
                        )
                      }
                    >
                      {NOTE_FORMATS.map((f) => (
                        <MenuItem key={f} value={f}>
                          {NOTE_LABELS.format[f]}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                  <TableCell>{formatDate(t.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <CreateTeamDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(team) => {
          setCreating(false);
          notify(`Team “${team.name}” created`);
        }}
      />
    </Box>
  );
}
