import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  TIME_ENTRY_MAX_MINUTES,
  type TimeEntry,
  type TimeEntryKind,
} from '@peerpath/shared';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { FormError } from '../../components/FormError';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { enumOptions } from '../../lib/options';
import { useUpdateTimeEntry } from './api';

interface Values {
  kind: TimeEntryKind;
  minutes: string;
  on: string;
  note: string;
}

/** Changes one of the caller's own time entries (kind, length, day, note). */
export function TimeEntryDialog({
  entry,
  onClose,
  onSaved,
}: {
  entry: TimeEntry;
  onClose: () => void;
  onSaved: () => void;
}) {
  const titleId = useId();
  const update = useUpdateTimeEntry(entry.id);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, formState, setError } = useForm<Values>({
    defaultValues: {
      kind: entry.kind,
      minutes: String(entry.minutes),
      on: entry.on,
      note: entry.note ?? '',
    },
  });
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      await update.mutateAsync({
        version: entry.version,
        kind: v.kind,
        minutes: Number(v.minutes),
        on: v.on,
        note: v.note.trim() || null,
      });
      guard.release();
      onSaved();
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, {
          kind: 'Kind',
          minutes: 'Minutes',
          on: 'Day',
          note: 'Note',
        }),
      );
    }
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
          <DialogTitle id={titleId}>Change time entry</DialogTitle>
          <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
            <FormError message={formError} />
            <EnumSelect
              control={control}
              name="kind"
              label="What you did"
              options={enumOptions(TIME_ENTRY_KINDS, TIME_ENTRY_KIND_LABELS)}
            />
            <TextField
              label="Minutes"
              type="number"
              required
              error={Boolean(formState.errors.minutes)}
              helperText={formState.errors.minutes?.message}
              slotProps={{
                htmlInput: { min: 1, max: TIME_ENTRY_MAX_MINUTES, inputMode: 'numeric' },
              }}
              {...register('minutes', {
                validate: (v) => {
                  const n = Number(v);
                  return Number.isInteger(n) && n >= 1 && n <= TIME_ENTRY_MAX_MINUTES
                    ? true
                    : `Enter whole minutes from 1 to ${TIME_ENTRY_MAX_MINUTES}`;
                },
              })}
            />
            <DateInput control={control} name="on" label="Day" required disableFuture />
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
              Save changes
            </Button>
          </DialogActions>
        </form>
      </PickersProvider>
      {guard.dialog}
    </Dialog>
  );
}
