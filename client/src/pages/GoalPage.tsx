import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LABELS } from '@peerpath/shared';
import { useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/dates';
import { useGoalNotes } from '../features/notes/api';
import { NoteAddenda, NoteBody, NoteStatusLine } from '../features/notes/NoteEditor';
import { useParticipant } from '../features/participants/api';
import { participantName } from '../features/participants/names';
import { usePlans } from '../features/plans/api';
import { LIFE_AREA } from '../features/plans/lifeAreas';
import { useUserName } from '../features/users/api';

/**
 * `/participants/:id/goals/:goalId`: one goal of the person's plan, in their
 * words, and every session note that worked on it, newest first. A goal keeps
 * its id from version to version, so the notes of earlier versions are here too.
 */
export function GoalPage() {
  const { id = '', goalId = '' } = useParams();
  const person = useParticipant(id);
  const plans = usePlans(id);
  const notes = useGoalNotes(id, goalId);
  const userName = useUserName();
  const name = person.data ? participantName(person.data) : '';
  // The words of the newest agreed version that has the goal (plans come newest first).
  const agreed = (plans.data?.items ?? []).filter((p) => p.status !== 'draft');
  const plan = agreed.find((p) => p.goals.some((g) => g.id === goalId));
  const goal = plan?.goals.find((g) => g.id === goalId);
  const error = person.error ?? plans.error ?? notes.error;
  const items = notes.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={goal ? `“${goal.statement}”` : 'A goal of the plan'}
        documentTitle={name ? `${name}: a goal` : 'A goal'}
        subtitle={
          goal && plan
            ? `${name}’s goal · ${LIFE_AREA[goal.lifeArea].label} · ${LABELS.goalStatus[goal.status]} in version ${plan.versionNo}`
            : undefined
        }
        actions={
          <Button variant="outlined" href={`/participants/${id}/plan`}>
            {name ? `${name}’s recovery plan` : 'Their recovery plan'}
          </Button>
        }
      />
      {error && <ErrorAlert error={error} />}
      {plans.data && !goal && (
        <EmptyState title="This goal is not in an agreed plan">
          It may have been taken out before the plan was agreed.
        </EmptyState>
      )}
      {goal && goal.steps.length > 0 && (
        <Box component="ul" aria-label="Steps" sx={{ pl: 2.5, mt: 0, mb: 3 }}>
          {goal.steps.map((s) => (
            <li key={s.id}>
              <Typography
                sx={{
                  textDecoration: s.done ? 'line-through' : undefined,
                  color: s.done ? 'text.secondary' : undefined,
                }}
              >
                {s.text}
                {s.done ? ' (done)' : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Typography variant="h5" component="h2" sx={{ mb: 1 }} aria-live="polite">
        {notes.data
          ? `${notes.data.total} ${notes.data.total === 1 ? 'note' : 'notes'} worked on this goal`
          : 'Notes that worked on this goal'}
      </Typography>
      {notes.data && items.length === 0 && (
        <EmptyState title="No notes on this goal yet">
          When a session note links this goal, it shows here.
        </EmptyState>
      )}
      <Stack spacing={2} sx={{ maxWidth: 860 }}>
        {items.map((n) => (
          <Paper
            key={n.id}
            variant="outlined"
            component="article"
            data-testid="goal-note"
            sx={{ p: { xs: 2, sm: 3 } }}
          >
            <Typography variant="h6" component="h3">
              <Link href={`/sessions/${n.sessionId}`}>
                {LABELS.sessionType[n.sessionType]}, {formatDateTime(n.sessionStartsAt)}
              </Link>
            </Typography>
            <NoteStatusLine note={n} signerName={n.signedById ? userName(n.signedById) : ''} />
            <Box sx={{ mt: 1.5 }}>
              <NoteBody note={n} goalText={new Map(goal ? [[goal.id, goal.statement]] : [])} />
            </Box>
            <NoteAddenda note={n} heading="h4" sx={{ mt: 1.5 }} />
          </Paper>
        ))}
      </Stack>
    </>
  );
}
