import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Participant } from '@peerpath/shared';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { today } from '../../lib/dates';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { useUpdateParticipant } from './api';
import { participantName } from './names';
import { FormError } from '../../components/FormError';
import { SubmitActions } from '../../components/SubmitActions';

export function DischargeDialog({
  participant,
  open,
  onClose,
  onDone,
}: {
  participant: Participant;
  open: boolean;
  onClose: () => void;
  onDone: (p: Participant) => void;
}) {
  const titleId = useId();
  const update = useUpdateParticipant(participant.id);
  const form = useForm<{ dischargedOn: string }>({
    defaultValues: { dischargedOn: today() },
  });
  const { control, formState } = form;
  const { formError, submit } = useFormDialog(
    form,
    { dischargedOn: 'Discharge date' },
    { conflict: 'Someone else changed this — reload the page, then try again.' },
  );
  // A changed date is not thrown away by Escape, a click outside or Cancel without asking.
  const guard = useUnsavedChangesWarning(formState.isDirty);
  const close = () => guard.confirmLeave(onClose);
  const onSubmit = submit(async ({ dischargedOn }) => {
    const saved = await update.mutateAsync({
      status: 'discharged',
      dischargedOn,
      version: participant.version,
    });
    guard.release();
    onDone(saved);
  });
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <PickersProvider>
        <form onSubmit={onSubmit} noValidate>
          <DialogTitle id={titleId}>Discharge {participantName(participant)}?</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              They will leave active caseloads. Everything recorded with them stays, and you can
              make them active again later.
            </DialogContentText>
            <FormError message={formError} />
            <DateInput
              control={control}
              name="dischargedOn"
              label="Discharge date"
              required
              disableFuture
            />
          </DialogContent>
          <SubmitActions
            onCancel={close}
            focusCancel
            color="warning"
            submitting={formState.isSubmitting}
          >
            Discharge
          </SubmitActions>
        </form>
      </PickersProvider>
      {guard.dialog}
    </Dialog>
  );
}
