import Paper from '@mui/material/Paper';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { useNotify } from '../lib/notify';
import { DecisionNoteForm } from '../features/decision-notes/DecisionNoteForm';
import { useParticipant } from '../features/participants/api';
import { participantName } from '../features/participants/names';
import { NotFoundPage } from './NotFoundPage';

/** `/decision-notes/new?participantId=`: record a shared decision with someone. */
export function NewDecisionNotePage() {
  const [params] = useSearchParams();
  const participantId = params.get('participantId') ?? undefined;
  const participant = useParticipant(participantId);
  const navigate = useNavigate();
  const notify = useNotify();

  if (!participantId || isApiError(participant.error, 404) || isApiError(participant.error, 400)) {
    return (
      <NotFoundPage
        title="Participant not found"
        message="Open the participant's page and choose “Record a decision” from there."
      />
    );
  }
  if (participant.isLoading) return <FormPageSkeleton />;
  if (participant.error || !participant.data) {
    return <ErrorAlert error={participant.error} onRetry={() => void participant.refetch()} />;
  }
  const p = participant.data;
  return (
    <>
      <PageHeader
        title={`Record a decision with ${participantName(p)}`}
        documentTitle="Record a decision"
        subtitle="Walk through it together: what the choice is, the options, what matters most to them, and what happens next."
      />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
        <DecisionNoteForm
          participant={p}
          onSaved={(saved) => {
            notify('Decision note saved');
            // Back to the top of the person's page, the new entry highlighted.
            void navigate(`/participants/${p.id}`, { state: { highlight: saved.id } });
          }}
          onCancel={() => void navigate(-1)}
          onSavedOnDevice={() =>
            void Promise.resolve(navigate(`/participants/${p.id}`)).then(() =>
              window.scrollTo({ top: 0 }),
            )
          }
        />
      </Paper>
    </>
  );
}
