import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Participant } from '@peerpath/shared';
import { useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RecordPageSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { describeError } from '../../api';
import { ACTIVE_ROSTER, useParticipantLookup, useParticipants } from '../participants/api';
import { participantLabel, participantName } from '../participants/names';
import { useGroup, useGroupAttendance, useJoinGroup, useLeaveGroup } from './api';
import { AttendanceChart } from './AttendanceChart';
import { GroupDialog } from './GroupDialog';
import { logMeetingPath, scheduleOf } from './schedule';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={title}
      sx={{ p: { xs: 2, sm: 3 }, mb: 2 }}
    >
      <Typography variant="h2" sx={{ fontSize: '1.25rem', mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** One recurring group: log today's meeting, its attendance over time, and its roster. */
export function GroupPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  const attendance = useGroupAttendance(id);
  const join = useJoinGroup(id);
  const leave = useLeaveGroup(id);
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const g = group.data;
  const everyone = useMemo(
    () => [...new Set((g?.memberships ?? []).map((m) => m.participantId))],
    [g],
  );
  const lookup = useParticipantLookup(everyone);
  const roster = useParticipants(ACTIVE_ROSTER);
  const nameOf = (pid: string) => {
    const p = lookup.known.get(pid);
    return p ? participantName(p) : 'Someone';
  };

  if (group.isLoading) return <RecordPageSkeleton label="Opening the group…" />;
  if (group.error || !g)
    return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;

  const current = g.memberships.filter((m) => !m.leftOn);
  const past = g.memberships.filter((m) => m.leftOn);
  const candidates: Participant[] = (roster.data?.items ?? []).filter(
    (p) => !g.members.includes(p.id),
  );
  const notSeen = attendance.data?.notSeenForThree ?? [];

  return (
    <>
      <PageHeader
        title={g.name}
        subtitle={scheduleOf(g)}
        actions={
          <Button variant="outlined" size="large" onClick={() => setEditing(true)}>
            Edit group
          </Button>
        }
      />
      {!g.active && (
        <Alert severity="info" sx={{ mb: 2 }}>
          This group is not meeting now. Edit it to start it again.
        </Alert>
      )}
      {g.active && (
        <Button
          variant="contained"
          size="large"
          component={RouterLink}
          to={logMeetingPath(g.id)}
          sx={{ mb: 3, py: 2, px: 4, fontSize: '1.15rem', width: { xs: '100%', sm: 'auto' } }}
        >
          Log today’s meeting
        </Button>
      )}

      <Section title="Attendance over time">
        {attendance.error && <ErrorAlert error={attendance.error} />}
        {attendance.data && <AttendanceChart meetings={attendance.data.meetings} />}
      </Section>

      {notSeen.length > 0 && (
        <Section title="We haven’t seen these members for three meetings">
          <Typography color="text.secondary" sx={{ mb: 1 }}>
            They are still part of the group. A friendly call or message can let them know they are
            missed and welcome back any time.
          </Typography>
          <List aria-label="Not seen for three meetings" dense>
            {notSeen.map((pid) => (
              <ListItem key={pid} disableGutters>
                <Link
                  component={RouterLink}
                  to={`/participants/${pid}`}
                  sx={{ fontSize: '1.05rem', py: 0.5 }}
                >
                  {nameOf(pid)}
                </Link>
              </ListItem>
            ))}
          </List>
        </Section>
      )}

      <Section title={`Members (${current.length})`}>
        {error && (
          <Alert severity="error" sx={{ mb: 1 }}>
            {error}
          </Alert>
        )}
        <List aria-label="Members">
          {current.map((m) => (
            <ListItem
              key={m.participantId}
              disableGutters
              secondaryAction={
                <Button
                  onClick={() =>
                    leave.mutate(m.participantId, {
                      onSuccess: () => notify(`${nameOf(m.participantId)} left the group today`),
                      onError: (e) => setError(describeError(e)),
                    })
                  }
                  aria-label={`${nameOf(m.participantId)} leaves the group`}
                >
                  Leaves today
                </Button>
              }
            >
              <ListItemText
                primary={
                  <Link component={RouterLink} to={`/participants/${m.participantId}`}>
                    {nameOf(m.participantId)}
                  </Link>
                }
                secondary={`Joined ${formatDate(m.joinedOn)}`}
              />
            </ListItem>
          ))}
        </List>
        {current.length === 0 && (
          <Typography color="text.secondary">No members yet. Add the first below.</Typography>
        )}
        <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Autocomplete
            sx={{ flex: '1 1 260px' }}
            options={candidates.map((p) => p.id)}
            getOptionLabel={(pid) => {
              const p = candidates.find((x) => x.id === pid);
              return p ? participantLabel(p) : '';
            }}
            value={adding}
            onChange={(_e, v) => setAdding(v)}
            renderInput={(params) => <TextField {...params} label="Add a member" />}
          />
          <Button
            variant="contained"
            size="large"
            disabled={!adding || join.isPending}
            sx={{ minHeight: 56 }}
            onClick={() =>
              adding &&
              join.mutate(
                { participantId: adding },
                {
                  onSuccess: () => {
                    notify('Joined the group today');
                    setAdding(null);
                  },
                  onError: (e) => setError(describeError(e)),
                },
              )
            }
          >
            Joins today
          </Button>
        </Box>
        {past.length > 0 && (
          <>
            <Typography variant="h3" sx={{ fontSize: '1rem', mt: 3, mb: 1 }}>
              Past members
            </Typography>
            <List aria-label="Past members" dense>
              {past.map((m) => (
                <ListItem key={`${m.participantId}-${m.joinedOn}`} disableGutters>
                  <ListItemText
                    primary={nameOf(m.participantId)}
                    secondary={`${formatDate(m.joinedOn)} to ${formatDate(m.leftOn)}`}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </Section>

      {editing && (
        <GroupDialog
          open
          group={g}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notify('Group saved');
          }}
        />
      )}
    </>
  );
}
