import AddOutlined from '@mui/icons-material/AddOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { INSTRUMENTS, NOTE_LABELS, type Team } from '@peerpath/shared';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionHeader } from '../../components/SectionHeader';
import { TableSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useTeams } from '../teams/api';
import { CreateTeamDialog } from './CreateTeamDialog';
import { TeamSettingsDialog } from './TeamSettingsDialog';

/** Shown from a tablet up; a phone's table keeps to what fits. */
const ON_WIDE_SCREENS = { display: { xs: 'none', sm: 'table-cell' } } as const;

export function TeamsSection() {
  const teams = useTeams();
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Team | null>(null);
  const items = teams.data?.items ?? [];
  return (
    <Box component="section" aria-labelledby="teams-heading" sx={{ mb: 5 }}>
      <SectionHeader
        id="teams-heading"
        title="Teams"
        action={
          <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setCreating(true)}>
            Create team
          </Button>
        }
      />
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
                <TableCell scope="col">Outcome measures</TableCell>
                <TableCell scope="col">Notes start as</TableCell>
                <TableCell scope="col" sx={ON_WIDE_SCREENS}>
                  Created
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((t) => (
                <TableRow key={t.id}>
                  <TableCell scope="row" component="th" sx={{ fontWeight: 500 }}>
                    <Box
                      sx={{
                        display: 'flex',
                        alignItems: 'center',
                        justifyContent: 'space-between',
                        gap: 1,
                      }}
                    >
                      {t.name}
                      <Button
                        startIcon={<TuneOutlined />}
                        onClick={() => setEditing(t)}
                        aria-label={`Settings of ${t.name}`}
                        sx={{
                          minHeight: 44,
                          minWidth: 44,
                          '& .MuiButton-startIcon': { mx: { xs: 0, sm: 1 } },
                        }}
                      >
                        <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
                          Settings
                        </Box>
                      </Button>
                    </Box>
                  </TableCell>
                  <TableCell>{t.instruments.map((k) => INSTRUMENTS[k].name).join(', ')}</TableCell>
                  <TableCell>
                    <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
                      {NOTE_LABELS.format[t.noteFormat]}
                    </Box>
                    <Box component="span" sx={{ display: { xs: 'inline', sm: 'none' } }}>
                      {t.noteFormat === 'free' ? 'Free text' : t.noteFormat.toUpperCase()}
                    </Box>
                  </TableCell>
                  <TableCell sx={ON_WIDE_SCREENS}>{formatDate(t.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <TeamSettingsDialog
        team={editing}
        onClose={() => setEditing(null)}
        onSaved={(team) => {
          setEditing(null);
          notify(`Settings of “${team.name}” saved`);
        }}
      />
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
