import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { INSTRUMENTS, type Measurement } from '@peerpath/shared';
import { useId, useState } from 'react';
import { describeError } from '../../api';
import { formatDate } from '../../lib/dates';
import { useNotify } from '../../lib/notify';
import { useVoidMeasurement } from './api';

/**
 * Confirms voiding a wrong measurement. A reason is required: the measure is
 * kept for the record with it, and no longer counts in the trend or reports.
 */
export function VoidMeasurementDialog({
  measurement,
  onClose,
}: {
  measurement: Measurement;
  onClose: () => void;
}) {
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const voidIt = useVoidMeasurement();
  const notify = useNotify();
  const blank = reason.trim() === '';
  const name = INSTRUMENTS[measurement.instrument].name;
  const fieldError = voidIt.error ? describeError(voidIt.error) : null;

  const submit = () => {
    setTouched(true);
    if (blank) return;
    voidIt.mutate(
      { id: measurement.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notify(`The ${name} of ${formatDate(measurement.takenOn)} is voided`);
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DialogTitle id={titleId}>
          Void the {name} of {formatDate(measurement.takenOn)}?
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Use this when the measure is wrong — for example, entered for the wrong person or on the
            wrong day. It stays in the record with your reason, and no longer counts in the trend or
            the reports. This cannot be undone.
          </Typography>
          <TextField
            label="Why is it wrong?"
            required
            multiline
            minRows={2}
            fullWidth
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
            error={(touched && blank) || Boolean(fieldError)}
            helperText={touched && blank ? 'Write a reason for voiding it' : (fieldError ?? ' ')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Keep it</Button>
          <Button type="submit" variant="contained" color="error" loading={voidIt.isPending}>
            Void measure
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
