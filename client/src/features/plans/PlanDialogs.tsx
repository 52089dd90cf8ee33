import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { describeError } from '../../api';
import { today } from '../../lib/dates';
import { DateInput, PickersProvider } from '../../components/pickers';

/**
 * A dialog that asks for one date and runs an action with it: putting a plan
 * in use on the day the person agreed to it, or recording a review.
 */
export function DateActionDialog({
  open,
  title,
  children,
  dateLabel,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  dateLabel: string;
  confirmLabel: string;
  onConfirm: (date: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<{ date: string }>({
    defaultValues: { date: today() },
  });
  const submit = handleSubmit(async ({ date }) => {
    setError(null);
    try {
      await onConfirm(date);
    } catch (e) {
      setError(describeError(e));
    }
  });
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <PickersProvider>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            {error && (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {error}
              </Alert>
            )}
            <Box sx={{ mb: 2 }}>{children}</Box>
            <DateInput control={control} name="date" label={dateLabel} required disableFuture />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </form>
      </PickersProvider>
    </Dialog>
  );
}
