import HealthAndSafetyOutlined from '@mui/icons-material/HealthAndSafetyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { LABELS, type RecoveryPlan, type WellnessSection } from '@peerpath/shared';
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

/** In a crisis, these first: what to do, then how things look when they are much worse. */
const CRISIS_ORDER: WellnessSection[] = ['crisisPlan', 'whenThingsBreakDown', 'earlyWarningSigns'];

/** The person's crisis plan, in their words, one tap from their page. */
export function CrisisPlanDialog({
  plan,
  participantName,
  onClose,
}: {
  plan: RecoveryPlan;
  participantName: string;
  onClose: () => void;
}) {
  const titleId = useId();
  const parts = CRISIS_ORDER.filter((k) => plan.wellness[k]);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle
        id={titleId}
        sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'error.main' }}
      >
        <HealthAndSafetyOutlined aria-hidden />
        {participantName}&rsquo;s crisis plan
      </DialogTitle>
      <DialogContent>
        {parts.length === 0 ? (
          <Typography>
            {participantName} has not written a crisis plan yet. If they are in danger now, call the
            local emergency number.
          </Typography>
        ) : (
          parts.map((k) => (
            <Box key={k} sx={{ mb: 2 }}>
              <Typography variant="h3" sx={{ fontSize: '1.05rem', fontWeight: 700, mb: 0.5 }}>
                {LABELS.wellnessSection[k]}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {plan.wellness[k]}
              </Typography>
            </Box>
          ))
        )}
        <Typography variant="body2" color="text.secondary">
          From version {plan.versionNo} of the plan, in {participantName}&rsquo;s words.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button href={`/plans/${plan.id}#crisis-plan`}>Open the whole plan</Button>
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
