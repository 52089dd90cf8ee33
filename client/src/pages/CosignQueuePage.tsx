import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { LABELS, type SessionNote } from '@peerpath/shared';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../api';
import { useCurrentUser } from '../auth';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../lib/dates';
import { useNotify } from '../lib/notify';
import { useCosignQueue, useNoteAction } from '../features/notes/api';
import { NoteBody, NoteStatusLine } from '../features/notes/NoteEditor';
import { useUserName } from '../features/users/api';

/** "3 hours", "2 days" — how long a note has waited, in plain words. */
export function waited(hours: number | null): string {
  if (hours === null) return '';
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${Math.floor(hours)} hour${Math.floor(hours) === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/**
 * The supervisor's co-signature queue: notes waiting, oldest first, each
 * co-signed or returned. With `?signer=` (a caseload figure's list), only that
 * person's notes waiting: a worker sees their own this way.
 */
export function CosignQueuePage() {
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const signer = params.get('signer') || (me.role === 'worker' ? me.id : undefined);
  const queue = useCosignQueue(signer);
  const mineOnly = signer === me.id;
  const userName = useUserName();
  const action = useNoteAction();
  const notify = useNotify();
  const [returning, setReturning] = useState<SessionNote | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const cosign = async (n: SessionNote) => {
    try {
      await action.mutateAsync({ id: n.id, action: 'cosign' });
      notify(`Co-signed ${n.participantName}’s note`);
    } catch (error) {
      notify(describeError(error));
    }
  };
  const sendBack = async () => {
    if (!returning) return;
    if (!comment.trim()) {
      setCommentError('Say what to change, so they can put it right');
      return;
    }
    try {
      await action.mutateAsync({
        id: returning.id,
        action: 'return',
        body: { comment: comment.trim() },
      });
      notify('Returned with your comment');
      setReturning(null);
    } catch (error) {
      notify(describeError(error));
    }
  };

  const items = queue.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={mineOnly ? 'Your notes waiting for a co-signature' : 'Notes to co-sign'}
        documentTitle={mineOnly ? 'Waiting for co-signature' : 'Notes to co-sign'}
        subtitle={
          queue.data
            ? `${queue.data.total} waiting, the longest-waiting first`
            : 'The longest-waiting first'
        }
      />
      {queue.error && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && items.length === 0 && (
        <EmptyState title="Nothing waiting">
          {mineOnly
            ? 'Every note you signed has been co-signed.'
            : 'Every signed note has been co-signed. Thank you.'}
        </EmptyState>
      )}
      <Stack spacing={2} sx={{ maxWidth: 960 }}>
        {items.map((n) => {
          const own = n.signedById === me.id || me.role !== 'supervisor';
          return (
            <Paper
              key={n.id}
              variant="outlined"
              sx={{ p: { xs: 2, sm: 3 } }}
              data-testid="queue-item"
            >
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                sx={{ justifyContent: 'space-between', gap: 1, mb: 1 }}
              >
                <Box>
                  <Typography variant="h6" component="h2">
                    {n.participantId ? (
                      <Link href={`/participants/${n.participantId}`}>{n.participantName}</Link>
                    ) : (
                      n.participantName
                    )}
                  </Typography>
                  <Typography color="text.secondary">
                    <Link href={`/sessions/${n.sessionId}`}>
                      {LABELS.sessionType[n.sessionType]}, {formatDateTime(n.sessionStartsAt)}
                    </Link>
                  </Typography>
                </Box>
                <Chip
                  color={n.hoursWaited !== null && n.hoursWaited >= 48 ? 'warning' : 'default'}
                  label={`Waiting ${waited(n.hoursWaited)}`}
                  sx={{ alignSelf: { sm: 'flex-start' } }}
                />
              </Stack>
              <NoteStatusLine note={n} signerName={n.signedById ? userName(n.signedById) : ''} />
              <Box sx={{ my: 2 }}>
                <NoteBody note={n} />
              </Box>
              {own ? (
                <Alert severity="info">
                  {n.signedById !== me.id
                    ? 'A supervisor of the team co-signs it.'
                    : me.role === 'supervisor'
                      ? 'You wrote this note: another supervisor co-signs it.'
                      : 'You wrote this note: a supervisor of your team co-signs it.'}
                </Alert>
              ) : (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                  <Button
                    variant="contained"
                    size="large"
                    disabled={action.isPending}
                    onClick={() => void cosign(n)}
                  >
                    Co-sign
                  </Button>
                  <Button
                    variant="outlined"
                    size="large"
                    onClick={() => {
                      setComment('');
                      setCommentError(null);
                      setReturning(n);
                    }}
                  >
                    Return with a comment
                  </Button>
                </Stack>
              )}
            </Paper>
          );
        })}
      </Stack>
      <ConfirmDialog
        open={returning !== null}
        title="Return this note?"
        confirmLabel="Return note"
        busy={action.isPending}
        onConfirm={() => void sendBack()}
        onClose={() => setReturning(null)}
      >
        It goes back to draft for its author, with your comment.
        <TextField
          label="What to change"
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setCommentError(null);
          }}
          error={Boolean(commentError)}
          helperText={commentError ?? ' '}
          multiline
          minRows={2}
          fullWidth
          autoFocus
          sx={{ mt: 2 }}
        />
      </ConfirmDialog>
    </>
  );
}
