import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, describeError } from '../../api';
import { useNotify } from '../../lib/notify';

/**
 * "Add PeerPath to my phone calendar": a secret address the phone's calendar
 * subscribes to. It shows counts such as "3 follow-ups due", never names. The
 * server keeps only a fingerprint of it, so it can be shown once; making a new
 * one stops the old one working (for a lost or shared phone).
 */
export function CalendarDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const notify = useNotify();
  const [url, setUrl] = useState<string | null>(null);
  const [made, setMade] = useState(0);
  const issue = useMutation({
    mutationFn: () => api<{ url: string }>('/users/me/calendar-token', { method: 'POST' }),
    onSuccess: (r) => {
      setUrl(r.url);
      setMade((n) => n + 1);
    },
  });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      notify('Calendar address copied');
    } catch {
      notify('Select the address and copy it');
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Add PeerPath to my phone calendar</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography>
          Your phone’s calendar can show what is due each day for the next two weeks, such as “3
          follow-ups due” or “2 notes to sign”. It never shows anyone’s name.
        </Typography>
        <Typography color="text.secondary" variant="body2">
          On your phone, add a calendar “by address” or “from URL” (iPhone: Settings › Calendar ›
          Accounts › Add subscribed calendar; Google Calendar: Other calendars › From URL) and paste
          the address. Keep it private: anyone with it sees your counts.
        </Typography>
        {issue.error && <Alert severity="error">{describeError(issue.error)}</Alert>}
        {url ? (
          <Box sx={{ display: 'grid', gap: 1 }}>
            <TextField
              label="Your calendar address"
              value={url}
              slotProps={{ htmlInput: { readOnly: true } }}
              onFocus={(e) => e.target.select()}
              fullWidth
            />
            <Alert severity="info">
              {made > 1 ? 'This is a new address: the old one has stopped working. ' : ''}
              It is shown only now. If you lose it, make a new one.
            </Alert>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button
                variant="contained"
                startIcon={<ContentCopyOutlined />}
                onClick={() => void copy()}
              >
                Copy address
              </Button>
              <Button onClick={() => issue.mutate()} loading={issue.isPending}>
                Make a new address
              </Button>
            </Box>
          </Box>
        ) : (
          <Box sx={{ display: 'grid', gap: 1 }}>
            <Button
              variant="contained"
              onClick={() => issue.mutate()}
              loading={issue.isPending}
              sx={{ justifySelf: 'start' }}
            >
              Get my calendar address
            </Button>
            <Typography variant="body2" color="text.secondary">
              If you made one before, getting a new one stops the old one working.
            </Typography>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
