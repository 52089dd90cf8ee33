import Paper from '@mui/material/Paper';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormPageSkeleton, FormSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { afterNextPaint, useReadyLater } from '../api/deferred';
import { useNotify } from '../lib/notify';
import {
  ACTIVE_ROSTER,
  KNOWN_ROSTER,
  participantListQuery,
  useParticipant,
} from '../features/participants/api';
import { participantName } from '../features/participants/names';
import { useGroupDraft } from '../features/groups/api';

// The form (its pickers and their date library) is a file of its own, fetched when the heading
// and the form's placeholder are drawn; the names its attendance field matches are asked for
// meanwhile (below), so the form is ready as soon as its code is.
const SessionForm = lazy(() =>
  import('../features/sessions/SessionForm').then((m) => ({ default: m.SessionForm })),
);

export function NewSessionPage() {
  const [params] = useSearchParams();
  const participantId = params.get('participantId') ?? undefined;
  const participant = useParticipant(participantId);
  // A meeting of a recurring group: today's date and time, every member marked attended.
  const groupId = params.get('groupId') ?? undefined;
  const draft = useGroupDraft(groupId);
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  // Once the heading is on the screen, the names the form's attendance field matches.
  useEffect(
    () =>
      afterNextPaint(() => {
        for (const list of [ACTIVE_ROSTER, KNOWN_ROSTER]) {
          void queryClient.prefetchQuery(participantListQuery(list));
        }
      }),
    [queryClient],
  );

  const waiting = Boolean((participantId && participant.isLoading) || (groupId && draft.isLoading));
  // The heading first, the form a render later in short slices: on a slow phone the whole
  // form is a task of several hundred milliseconds, and the heading need not wait for it.
  const formDrawn = useReadyLater(!waiting, true);
  if (waiting) return <FormPageSkeleton />;
  const prefill = participant.data;
  const meeting = groupId ? draft.data : undefined;
  const savedPath = meeting
    ? `/groups/${meeting.groupId}`
    : prefill
      ? `/participants/${prefill.id}`
      : '/sessions';
  return (
    <>
      <PageHeader
        title={
          meeting
            ? `Log today’s meeting of ${meeting.title}`
            : prefill
              ? `Log a one-to-one with ${participantName(prefill)}`
              : 'Log a session'
        }
        documentTitle="Log a session"
        subtitle={
          meeting
            ? 'Everyone in the group is marked attended. Tap Absent for anyone who did not come, then save.'
            : prefill
              ? 'Set to now, 60 minutes. Change anything that is different, then save.'
              : 'Add the people who came first: type a name and press Enter for each.'
        }
      />
      {participantId && participant.error && <ErrorAlert error={participant.error} />}
      {groupId && draft.error && <ErrorAlert error={draft.error} />}
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
        {formDrawn ? (
          <Suspense fallback={<FormSkeleton />}>
            <SessionForm
              prefill={prefill}
              draft={meeting}
              onSaved={(saved) => {
                notify('Session saved');
                // Back to the top of the person's page, the new entry highlighted.
                void navigate(savedPath, prefill ? { state: { highlight: saved.id } } : undefined);
              }}
              onCancel={() => void navigate(-1)}
              // Kept on this device: back to the top of where a saved one would go, below the
              // shell's "Saved on this device" banner.
              onSavedOnDevice={() =>
                void Promise.resolve(navigate(savedPath)).then(() => window.scrollTo({ top: 0 }))
              }
            />
          </Suspense>
        ) : (
          <FormSkeleton />
        )}
      </Paper>
    </>
  );
}
