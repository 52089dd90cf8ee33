import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { LABELS, type Session } from '@peerpath/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../api';
import { useCurrentUser } from '../auth';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { RecordPageSkeleton } from '../components/Skeletons';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime } from '../lib/dates';
import { useNotify } from '../lib/notify';
import { useSession, useVoidSession } from '../features/sessions/api';
import { useUserName } from '../features/users/api';
import { SessionForm } from '../features/sessions/SessionForm';
import { SessionShow } from '../features/sessions/SessionShow';
import { SessionNotesPanel } from '../features/notes/SessionNotesPanel';
import { RecordLoadError } from './NotFoundPage';

const REASON_MAX = 500;

/** A worker changes or voids only the sessions they facilitate; supervisors and admins any of the team's. */
function mayChange(user: { id: string; role: string }, s: Session): boolean {
  return !s.voidedAt && (user.role !== 'worker' || s.facilitatorId === user.id);
}

export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  const voidSession = useVoidSession(id);
  const me = useCurrentUser();
  const userName = useUserName();
  const navigate = useNavigate();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  if (session.isLoading) return <RecordPageSkeleton label="Loading the session…" />;
  if (session.error || !session.data) {
    return <RecordLoadError query={session} record="session" />;
  }
  const s = session.data;
  const title = `${LABELS.sessionType[s.type]}${s.title ? `: ${s.title}` : ''}`;

  const allowed = mayChange(me, s);

  const doVoid = async () => {
    const why = reason.trim();
    if (!why) {
      setReasonError('Please say why, so the record makes sense later');
      return;
    }
    if (why.length > REASON_MAX) {
      setReasonError(`Please keep it to ${REASON_MAX} characters`);
      return;
    }
    try {
      await voidSession.mutateAsync(why);
      notify('Session voided');
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
          !editing &&
          allowed && (
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
                onClick={() => {
                  setReason('');
                  setReasonError(null);
                  setConfirming(true);
                }}
              >
                Void this session
              </Button>
            </>
          )
        }
      />
      {s.voidedAt && (
        <Alert severity="info" sx={{ mb: 2, maxWidth: 960 }}>
          Voided on {formatDate(s.voidedAt.slice(0, 10))}
          {s.voidedById ? ` by ${userName(s.voidedById)}` : ''}: {s.voidReason}. It is kept for the
          record and counts nowhere.
        </Alert>
      )}
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
      {!editing && <SessionNotesPanel session={s} />}
      <ConfirmDialog
        open={confirming}
        title="Void this session?"
        confirmLabel="Void session"
        destructive
        busy={voidSession.isPending}
        onConfirm={() => void doVoid()}
        onClose={() => setConfirming(false)}
      >
        The session is kept for the record, but it will no longer show in lists, timelines or
        reports.
        <TextField
          label="Why are you voiding it?"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(null);
          }}
          required
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
          error={Boolean(reasonError)}
          helperText={reasonError ?? 'For example: logged twice by mistake'}
        />
      </ConfirmDialog>
    </>
  );
}
