import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { SafetyAlert } from '@peerpath/shared';
import { useState } from 'react';
import { describeError } from '../../api';
import { useResolveAlert } from './api';

/** Resolving a safety alert: what was done and agreed, kept in the record. */
export function ResolveAlertDialog({
  alert,
  onClose,
}: {
  alert: SafetyAlert;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const resolve = useResolveAlert();
  const blank = text.trim() === '';
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Resolve the alert for {alert.participantName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Write what you did and what was agreed. This stays in the record.
        </Typography>
        <TextField
          label="What was done"
          multiline
          minRows={4}
          fullWidth
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={resolve.isError}
          helperText={resolve.isError ? describeError(resolve.error) : ' '}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={blank || resolve.isPending}
          onClick={() =>
            resolve.mutate({ id: alert.id, resolution: text.trim() }, { onSuccess: onClose })
          }
        >
          Resolve
        </Button>
      </DialogActions>
    </Dialog>
  );
}
