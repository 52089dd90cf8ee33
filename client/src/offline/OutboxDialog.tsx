import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDateTime } from '../lib/dates';
import { newId } from '../lib/newId';
import { removeEntry, type OutboxEntry, type OutboxKind } from './outbox';
import { resendAsNew, retryEntry, syncNow } from './sync';
import type { SyncState } from './useSyncState';

const KIND_LABEL: Record<OutboxKind, string> = {
  session: 'Session',
  decision_note: 'Decision note',
  advocacy: 'Advocacy action',
  handout: 'Resource shared',
};

/** The free text of each kind of entry, which the person can correct here. */
const TEXT_FIELDS: Record<OutboxKind, [field: string, label: string][]> = {
  session: [
    ['title', 'Title'],
    ['notes', 'Notes'],
  ],
  decision_note: [
    ['topic', 'Topic'],
    ['participantPriorities', 'What matters most'],
    ['decision', 'The decision'],
    ['nextSteps', 'Next steps'],
  ],
  advocacy: [
    ['title', 'What it is about'],
    ['description', 'Details'],
    ['outcome', 'Outcome'],
  ],
  handout: [['note', 'Note']],
};

const REQUIRED_TEXT: Partial<Record<OutboxKind, string>> = {
  decision_note: 'topic',
  advocacy: 'title',
};

/** The other fields the server may name in a refusal. */
const FIELD_LABELS: Record<string, string> = {
  id: 'Entry number',
  type: 'Type',
  setting: 'Setting',
  startsAt: 'Date and time',
  durationMinutes: 'Duration',
  activities: 'Activities',
  attendance: 'Attendance',
  facilitatorId: 'Facilitator',
  participantId: 'Participant',
  resourceId: 'Resource',
  method: 'How it was shared',
  givenOn: 'Shared on',
  followUpOn: 'Follow up on',
  discussedOn: 'Talked about on',
  options: 'Choices',
  decidedBy: 'Who decided',
  level: 'Level',
  category: 'Category',
  status: 'Status',
  openedOn: 'Opened on',
  dueOn: 'Due by',
  workerId: 'Worker',
  teamId: 'Team',
};

/** Where the stored record with this id can be opened, for a 409. */
function recordLink(entry: OutboxEntry): string | null {
  if (entry.kind === 'session') return `/sessions/${entry.id}`;
  if (entry.kind === 'decision_note') return `/decision-notes/${entry.id}`;
  return entry.participantId ? `/participants/${entry.participantId}` : null;
}

function whyRefused(entry: OutboxEntry): string {
  const status = entry.error?.statusCode;
  switch (status) {
    case 400:
      return 'PeerPath could not save it as it is. Correct what is marked and send it again, or discard it.';
    case 403:
      return 'You may no longer save this (your role or team may have changed). Ask your supervisor, or discard it.';
    case 404:
      return 'The person or resource it is about could not be found — they may have moved to another team.';
    case 409:
      return 'PeerPath already has this entry, with different details: it may have reached PeerPath earlier and been changed since. Open the saved one to check; if yours is still needed, send it as a new entry.';
    case 413:
      return 'It is too long to send. Shorten the text and send it again.';
    default:
      return entry.error?.message ?? 'PeerPath could not save it.';
  }
}

/** "differs from the stored record" → "Differs from the stored record." */
function sentence(text: string | undefined): string | undefined {
  if (!text) return text;
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function fieldMessages(entry: OutboxEntry, textFields: string[]): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(entry.error?.errors ?? {})) {
    const head = path.split('.')[0]!;
    if (textFields.includes(head)) continue; // shown on the field itself
    out.push(`${FIELD_LABELS[head] ?? head}: ${sentence(messages.join(' '))}`);
  }
  return out;
}

function FailedEntry({ entry }: { entry: OutboxEntry }) {
  const fields = TEXT_FIELDS[entry.kind].filter(
    ([f]) => typeof entry.body[f] === 'string' || entry.error?.errors?.[f],
  );
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map(([f]) => [f, String(entry.body[f] ?? '')])),
  );
  const [discarding, setDiscarding] = useState(false);
  const corrected = (): OutboxEntry['body'] => {
    const body = { ...entry.body };
    for (const [f] of fields) {
      const original = entry.body[f];
      const value = text[f]!.trim();
      // Keep the body as it was where nothing changed (a retry must be the same request).
      if (value === String(original ?? '').trim()) continue;
      // Emptied: null where the field is optional, '' where it is required (the server says so).
      body[f] = value || (REQUIRED_TEXT[entry.kind] === f ? '' : null);
    }
    return body;
  };
  const conflict = entry.error?.statusCode === 409;
  const link = recordLink(entry);
  const others = fieldMessages(
    entry,
    fields.map(([f]) => f),
  );
  return (
    <>
      <Alert severity="error" sx={{ mb: 1.5 }}>
        {whyRefused(entry)}
        {others.length > 0 && (
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
            {others.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </Box>
        )}
        {conflict && link && (
          <Box sx={{ mt: 0.5 }}>
            <Link href={link}>Open the saved one</Link>
          </Box>
        )}
      </Alert>
      {fields.map(([f, label]) => (
        <TextField
          key={f}
          label={label}
          multiline
          minRows={f === 'notes' ? 3 : 1}
          value={text[f]}
          onChange={(e) => setText((t) => ({ ...t, [f]: e.target.value }))}
          error={Boolean(entry.error?.errors?.[f])}
          helperText={sentence(entry.error?.errors?.[f]?.join(' '))}
          sx={{ mb: 1.5 }}
        />
      ))}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {conflict ? (
          <Button variant="contained" onClick={() => resendAsNew(entry, newId(), corrected())}>
            Send as a new entry
          </Button>
        ) : (
          <Button variant="contained" onClick={() => retryEntry(entry, corrected())}>
            Send again
          </Button>
        )}
        <Button color="error" onClick={() => setDiscarding(true)}>
          Discard
        </Button>
      </Box>
      <ConfirmDialog
        open={discarding}
        title="Discard this entry?"
        confirmLabel="Discard"
        cancelLabel="Keep it"
        destructive
        onConfirm={() => {
          setDiscarding(false);
          removeEntry(entry.id);
        }}
        onClose={() => setDiscarding(false)}
      >
        It has not reached PeerPath, so it will be gone for good.
      </ConfirmDialog>
    </>
  );
}

/** Everything saved on this device that PeerPath does not have yet, and what to do about it. */
export function OutboxDialog({
  open,
  onClose,
  state,
}: {
  open: boolean;
  onClose: () => void;
  state: SyncState;
}) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Saved on this device</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }} role="status">
          {state.entries.length === 0
            ? state.online
              ? 'All saved: everything you saved has reached PeerPath.'
              : "All saved. You're offline: what you save now stays on this device and is sent when you're back online."
            : state.sentence}
        </Typography>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {state.entries.map((entry) => (
            <Paper
              component="li"
              key={entry.id}
              variant="outlined"
              aria-label={`${KIND_LABEL[entry.kind]}: ${entry.summary}`}
              sx={{ p: 2, mb: 1.5 }}
            >
              <Box
                sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}
              >
                <Typography sx={{ fontWeight: 600 }}>{KIND_LABEL[entry.kind]}</Typography>
                <Chip
                  size="small"
                  color={entry.state === 'failed' ? 'error' : 'default'}
                  label={entry.state === 'failed' ? "Couldn't be saved" : 'Waiting to send'}
                />
              </Box>
              <Typography>{entry.summary}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                Saved on this device {formatDateTime(entry.savedAt)}
              </Typography>
              {entry.state === 'failed' && <FailedEntry entry={entry} />}
            </Paper>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        {state.waiting > 0 && state.online && (
          <Button onClick={() => void syncNow()}>Send now</Button>
        )}
        <Button onClick={onClose} variant="contained">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
