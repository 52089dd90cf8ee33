import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import { LABELS } from '@peerpath/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeError, isApiError } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecordPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../components/dates';
import { useNotify } from '../components/notify';
import { useDeleteSession, useSession } from '../features/sessions/api';
import { SessionForm } from '../features/sessions/SessionForm';
import { SessionShow } from '../features/sessions/SessionShow';
import { NotFoundPage } from './NotFoundPage';

export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  const remove = useDeleteSession(id);
  const navigate = useNavigate();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (session.isLoading) return <RecordPageSkeleton label="Loading the session…" />;
  if (isApiError(session.error, 404) || isApiError(session.error, 400)) {
    return (
      <NotFoundPage
        title="Session not found"
        message="This session could not be found. It may have been deleted."
      />
    );
  }
  if (session.error || !session.data)
    return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const title = `${LABELS.sessionType[s.type]}${s.title ? `: ${s.title}` : ''}`;

  const doDelete = async () => {
    try {
      await remove.mutateAsync();
      notify('Session deleted');
      await navigate('/sessions', { replace: true });
    } catch (error) {
      setConfirming(false);
      notify(describeError(error));
    }
  };

  return (
    <>
      <Link href="/sessions" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}>
        <ArrowBackOutlined fontSize="small" aria-hidden />
        All sessions
      </Link>
      <PageHeader
        title={title}
        documentTitle={LABELS.sessionType[s.type]}
        subtitle={formatDateTime(s.startsAt)}
        actions={
          !editing && (
            <>
              <Button
                variant="outlined"
                startIcon={<EditOutlined />}
                onClick={() => setEditing(true)}
              >
                Edit session
              </Button>
              <Button
                color="error"
                startIcon={<DeleteOutlined />}
                onClick={() => setConfirming(true)}
              >
                Delete
              </Button>
            </>
          )
        }
      />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 960 }}>
        {editing ? (
          <SessionForm
            key={s.version}
            session={s}
            onSaved={(saved) => {
              setEditing(false);
              if (saved.version !== s.version) notify('Changes saved');
            }}
            onCancel={() => setEditing(false)}
            onReload={() => void session.refetch()}
          />
        ) : (
          <SessionShow session={s} />
        )}
      </Paper>
      <ConfirmDialog
        open={confirming}
        title="Delete this session?"
        confirmLabel="Delete session"
        destructive
        busy={remove.isPending}
        onConfirm={() => void doDelete()}
        onClose={() => setConfirming(false)}
      >
        The session and its attendance will be removed from timelines and reports. This cannot be
        undone.
      </ConfirmDialog>
    </>
  );
}
