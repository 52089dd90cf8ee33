import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  DEFAULT_NOTE_FORMAT,
  formatOf,
  isOwnTeamAttendee,
  type Session,
  type SessionNote,
} from '@peerpath/shared';
import { useState } from 'react';
import { useCurrentUser } from '../../auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useParticipantLookup } from '../participants/api';
import { participantName } from '../participants/names';
import { useTeams } from '../teams/api';
import { useSessionNotes } from './api';
import { NoteEditor, type NotePerson } from './NoteEditor';

/**
 * Each attendee's note, written from one screen: a tab per person, a
 * "what the group covered" text that can start each note (edited per person),
 * signing by the facilitator, addenda after.
 */
export function SessionNotesPanel({ session }: { session: Session }) {
  const me = useCurrentUser();
  const notes = useSessionNotes(session.id);
  const teams = useTeams();
  const attended = session.attendance
    .filter(isOwnTeamAttendee)
    .filter((a) => a.status === 'attended');
  const { known } = useParticipantLookup(attended.map((a) => a.participantId));
  const [tab, setTab] = useState(0);
  const [shared, setShared] = useState('');

  if (session.voidedAt || attended.length === 0) return null;
  const people: (NotePerson & { first: string })[] = attended.map((a) => {
    const p = known.get(a.participantId);
    return {
      id: a.participantId,
      name: p ? participantName(p) : 'Participant',
      first: p ? p.preferredName?.trim() || p.firstName : '',
    };
  });
  const byPerson = new Map<string, SessionNote>(
    (notes.data?.items ?? []).map((n) => [n.participantId ?? '', n]),
  );
  const teamFormat =
    teams.data?.items.find((t) => t.id === session.teamId)?.noteFormat ?? DEFAULT_NOTE_FORMAT;
  const canWrite = me.role !== 'worker' || session.facilitatorId === me.id;
  const canSign = session.facilitatorId === me.id;
  const group = formatOf(session.type) === 'group';
  const current = Math.min(tab, people.length - 1);
  const person = people[current];

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960, mt: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {group ? 'A note for each person' : 'Session note'}
      </Typography>
      {notes.error && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {group && canWrite && (
        <TextField
          label="What the group covered"
          value={shared}
          onChange={(e) => setShared(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          sx={{ mb: 2 }}
          helperText="A starting point only: each note is copied from it and written for one person. Leave out everyone else’s names."
        />
      )}
      {people.length > 1 && (
        <Tabs
          value={current}
          onChange={(_e, v: number) => setTab(v)}
          variant="scrollable"
          allowScrollButtonsMobile
          aria-label="Attendees"
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          {people.map((p) => {
            const n = byPerson.get(p.id);
            const done = n && n.status !== 'draft';
            return (
              <Tab
                key={p.id}
                label={
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    {done ? (
                      <CheckCircleOutlined fontSize="small" color="success" aria-label="signed" />
                    ) : n ? (
                      <EditNoteOutlined fontSize="small" aria-label="draft" />
                    ) : null}
                    <span>{p.name}</span>
                  </Stack>
                }
                sx={{ minHeight: 48, textTransform: 'none' }}
              />
            );
          })}
        </Tabs>
      )}
      {notes.isLoading ? (
        <Typography color="text.secondary">Loading notes…</Typography>
      ) : (
        <NoteEditor
          key={`${person.id}:${byPerson.get(person.id)?.version ?? 0}`}
          sessionId={session.id}
          person={person}
          note={byPerson.get(person.id)}
          teamFormat={teamFormat}
          shared={shared}
          otherNames={people.filter((p) => p.id !== person.id && p.first).map((p) => p.first)}
          canWrite={canWrite}
          canSign={canSign}
          onDone={() => setTab((t) => Math.min(t + 1, people.length - 1))}
        />
      )}
    </Paper>
  );
}
