import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import SyncProblemOutlined from '@mui/icons-material/SyncProblemOutlined';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useNotify } from '../lib/notify';
import { setOutboxOwner } from './outbox';
import { prefetchForms } from './prefetch';
import { onQueued, onSent, startSync } from './sync';
import { useSyncState, type SyncPhase, type SyncState } from './useSyncState';

// Loaded when first opened: it is not needed to show a page.
const OutboxDialog = lazy(() =>
  import('./OutboxDialog').then((m) => ({ default: m.OutboxDialog })),
);

export interface OutboxSync {
  state: SyncState;
  open: () => void;
  dialog: ReactNode;
}

/**
 * Keeps the signed-in person's outbox: sends what waits (now, when the
 * connection returns, and with backoff), says so when an entry is kept or
 * sent, and holds the dialog that lists them.
 */
export function useOutboxSync(userId: string): OutboxSync {
  const notify = useNotify();
  const [dialogOpen, setDialogOpen] = useState(false);

  useEffect(() => {
    setOutboxOwner(userId);
    const stop = startSync();
    prefetchForms();
    return () => {
      stop();
      setOutboxOwner(null);
    };
  }, [userId]);

  useEffect(() => {
    const offQueued = onQueued(() =>
      notify("Saved on this device — will send when you're back online"),
    );
    const offSent = onSent((n) =>
      notify(
        n === 1 ? 'Sent the entry saved on this device' : `Sent ${n} entries saved on this device`,
      ),
    );
    return () => {
      offQueued();
      offSent();
    };
  }, [notify]);

  const state = useSyncState();
  return {
    state,
    open: () => setDialogOpen(true),
    dialog: dialogOpen && (
      <Suspense fallback={null}>
        <OutboxDialog open onClose={() => setDialogOpen(false)} state={state} />
      </Suspense>
    ),
  };
}

const ICONS: Record<SyncPhase, ReactNode> = {
  saved: <CloudDoneOutlined />,
  offline: <CloudOffOutlined />,
  waiting: <CloudUploadOutlined />,
  sending: <CloudUploadOutlined />,
  failed: <SyncProblemOutlined />,
};

/** The sync state in the app bar: an icon on a phone, a word or two beside it on wider screens. */
export function SyncStatusButton({ sync }: { sync: OutboxSync }) {
  const { state } = sync;
  const count = state.entries.length;
  return (
    <Button
      color="inherit"
      onClick={sync.open}
      aria-label={`${state.sentence.replace(/\.$/, '')}. Open the list of entries saved on this device`}
      aria-haspopup="dialog"
      sx={{ minWidth: 44, minHeight: 44, px: 1, gap: 1 }}
    >
      <Badge badgeContent={count} color={state.phase === 'failed' ? 'error' : 'secondary'}>
        {ICONS[state.phase]}
      </Badge>
      <SyncWord state={state} />
    </Button>
  );
}

function SyncWord({ state }: { state: SyncState }) {
  // On a phone the bar has room for the icon only; the banner below it says the rest.
  return (
    <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' }, textTransform: 'none' }}>
      {state.short}
    </Box>
  );
}

/** Below the app bar while something is not yet saved to PeerPath, in plain words. */
export function SyncBanner({ sync }: { sync: OutboxSync }) {
  const { state } = sync;
  if (state.phase === 'saved') return null;
  return (
    <Alert
      severity={state.phase === 'failed' ? 'error' : state.phase === 'offline' ? 'info' : 'warning'}
      role="status"
      sx={{ mb: 2 }}
      action={
        state.entries.length > 0 && (
          <Button color="inherit" size="small" onClick={sync.open}>
            Open
          </Button>
        )
      }
    >
      {state.sentence}
    </Alert>
  );
}
