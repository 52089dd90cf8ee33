import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import {
  HANDOUT_OUTCOMES,
  LABELS,
  type HandoutListItem,
  type UpdateHandoutRequest,
} from '@peerpath/shared';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { EnumSelect } from '../../components/EnumSelect';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';

const OUTCOME_CHOICES = HANDOUT_OUTCOMES.map((o) => ({
  value: o,
  label: o === 'pending' ? 'Not yet known — try again later' : LABELS.handoutOutcome[o],
}));

interface Values {
  outcome: UpdateHandoutRequest['outcome'];
  followUpOn: string;
  note: string;
}

/**
 * Records how a shared resource went, at any time (before its follow-up date
 * too), with a note; or, while it is still pending, moves the follow-up
 * ("try again on…").
 */
export function FollowUpDialog({
  handout,
  onClose,
  onSave,
}: {
  handout: HandoutListItem;
  onClose: () => void;
  onSave: (body: UpdateHandoutRequest) => Promise<void>;
}) {
  const titleId = useId();
  const { control, register, handleSubmit, formState } = useForm<Values>({
    defaultValues: {
      outcome: handout.outcome,
      followUpOn: handout.followUpOn ?? '',
      note: handout.note ?? '',
    },
  });
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const pending = useWatch({ control, name: 'outcome' }) === 'pending';
  const submit = handleSubmit(async (v) => {
    guard.release();
    await onSave({
      outcome: v.outcome,
      note: v.note.trim() || null,
      ...(v.outcome === 'pending' ? { followUpOn: v.followUpOn || null } : {}),
    });
  });
  return (
    <Dialog
      open
      onClose={() => guard.confirmLeave(onClose)}
      aria-labelledby={titleId}
      maxWidth="xs"
      fullWidth
    >
      <PickersProvider>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>Follow up: {handout.resourceName}</DialogTitle>
          <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
            <EnumSelect
              control={control}
              name="outcome"
              label="How it went"
              options={OUTCOME_CHOICES}
            />
            {pending && <DateInput control={control} name="followUpOn" label="Try again on" />}
            <TextField
              label="Note (optional)"
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
              {...register('note')}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => guard.confirmLeave(onClose)}>Cancel</Button>
            <Button type="submit" variant="contained" loading={formState.isSubmitting}>
              Save follow-up
            </Button>
          </DialogActions>
        </form>
      </PickersProvider>
      {guard.dialog}
    </Dialog>
  );
}
