import EditOutlined from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { LABELS } from '@peerpath/shared';
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormSkeleton, RecordPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { formatDate } from '../lib/dates';
import { useNotify } from '../lib/notify';
import { useDecisionNote } from '../features/decision-notes/api';
import {
  BackToParticipant,
  DecisionNoteCopy,
  NO_PRINT,
  PrintButton,
  PrintStyles,
} from '../features/decision-notes/DecisionNoteShow';
import { useParticipant } from '../features/participants/api';
import { participantName } from '../features/participants/names';
import { useCurrentUser } from '../auth';
import { useTeamMembers } from '../features/users/api';
import { RecordLoadError } from './NotFoundPage';
import { CopyForPrompt } from '../features/consents/DisclosureForm';

// The form and its date pickers load when first needed.
const DecisionNoteForm = lazy(() =>
  import('../features/decision-notes/DecisionNoteForm').then((m) => ({
    default: m.DecisionNoteForm,
  })),
);

/** `/decision-notes/:id`: the note, a printable copy for the participant, and editing. */
export function DecisionNotePage() {
  const { id = '' } = useParams();
  const note = useDecisionNote(id);
  const participant = useParticipant(note.data?.participantId);
  const me = useCurrentUser();
  const { members } = useTeamMembers();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [printed, setPrinted] = useState(false);

  if (note.isLoading || participant.isLoading) {
    return <RecordPageSkeleton label="Loading the decision note…" />;
  }
  if (note.error || !note.data) {
    return <RecordLoadError query={note} record="decisionNote" />;
  }
  if (participant.error || !participant.data) {
    return <ErrorAlert error={participant.error} onRetry={() => void participant.refetch()} />;
  }
  const n = note.data;
  const p = participant.data;
  const name = participantName(p);

  return (
    <>
      <PrintStyles />
      {printed && (
        <CopyForPrompt
          participantId={p.id}
          personName={name}
          copy="this printed copy of the decision note"
          prefill={{ information: ['notes'], method: 'in_person' }}
          onDone={() => setPrinted(false)}
        />
      )}
      <BackToParticipant id={p.id} name={name} />
      <Box className={NO_PRINT}>
        <PageHeader
          title={`Decision note: ${n.topic}`}
          documentTitle={`Decision note · ${name}`}
          subtitle={`${name} · ${formatDate(n.discussedOn)} · ${LABELS.decidedBy[n.decidedBy]}`}
          actions={
            !editing && (
              <>
                <PrintButton onPrinted={() => setPrinted(true)} />
                <Button
                  variant="outlined"
                  startIcon={<EditOutlined />}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
              </>
            )
          }
        />
      </Box>
      {editing ? (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
          <Suspense fallback={<FormSkeleton />}>
            <DecisionNoteForm
              participant={p}
              note={n}
              onSaved={() => {
                setEditing(false);
                notify('Changes saved');
              }}
              onCancel={() => setEditing(false)}
            />
          </Suspense>
        </Paper>
      ) : (
        <>
          <Typography color="text.secondary" className={NO_PRINT} sx={{ mb: 2, maxWidth: 760 }}>
            Below is a copy written for {name}, in plain words. Print it and give it to them, or
            read it through together.
          </Typography>
          <DecisionNoteCopy
            note={n}
            participantName={name}
            workerName={
              n.workerId === me.id
                ? me.displayName
                : members.find((u) => u.id === n.workerId)?.displayName
            }
          />
        </>
      )}
    </>
  );
}
