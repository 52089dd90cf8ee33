import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import {
  SUPERVISION_FORMATS,
  SUPERVISION_FORMAT_LABELS,
  SUPERVISION_MAX_MINUTES,
  type Supervision,
  type SupervisionFormat,
} from '@peerpath/shared';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyServerErrors } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { FormError } from '../../components/FormError';
import { DateInput, PickersProvider } from '../../components/pickers';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { enumOptions, type SelectOption } from '../../lib/options';
import { useCreateSupervision, useUpdateSupervision } from './api';

interface Values {
  workerId: string;
  on: string;
  minutes: string;
  format: SupervisionFormat;
  topics: string;
  actionItems: string;
}

/** Logs a supervision (a worker chosen, or given) or changes one already logged. */
export function SupervisionDialog({
  workers,
  workerId,
  supervision,
  onClose,
  onSaved,
}: {
  workers: SelectOption[];
  workerId?: string;
  supervision?: Supervision;
  onClose: () => void;
  onSaved: () => void;
}) {
  const titleId = useId();
  const create = useCreateSupervision();
  const update = useUpdateSupervision(supervision?.id ?? '');
  // One id for this dialog's record: saving again after a lost answer is a safe retry.
  const [id] = useState(newId);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, formState, setError } = useForm<Values>({
    defaultValues: {
      workerId: supervision?.workerId ?? workerId ?? '',
      on: supervision?.on ?? today(),
      minutes: String(supervision?.minutes ?? 60),
      format: supervision?.format ?? 'individual',
      topics: supervision?.topics ?? '',
      actionItems: supervision?.actionItems ?? '',
    },
  });
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const fields = {
      on: v.on,
      minutes: Number(v.minutes),
      format: v.format,
      topics: v.topics.trim() || null,
      actionItems: v.actionItems.trim() || null,
    };
    try {
      if (supervision) await update.mutateAsync({ ...fields, version: supervision.version });
      else await create.mutateAsync({ ...fields, id, workerId: v.workerId });
      guard.release();
      onSaved();
    } catch (error) {
      setFormError(
        applyServerErrors(error, setError, {
          workerId: 'Worker',
          on: 'Day',
          minutes: 'Minutes',
          format: 'How',
          topics: 'What you talked about',
          actionItems: 'Next steps',
        }),
      );
    }
  });
  return (
    <Dialog
      open
      onClose={() => guard.confirmLeave(onClose)}
      aria-labelledby={titleId}
      maxWidth="sm"
      fullWidth
    >
      <PickersProvider>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>
            {supervision ? 'Change supervision' : 'Log supervision'}
          </DialogTitle>
          <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
            <FormError message={formError} />
            <EnumSelect
              control={control}
              name="workerId"
              label="Worker"
              options={workers}
              disabled={Boolean(supervision)}
              rules={{ required: 'Choose the worker' }}
              missingLabel={() => 'A former colleague'}
            />
            <DateInput control={control} name="on" label="Day" required disableFuture />
            <TextField
              label="Minutes"
              type="number"
              required
              error={Boolean(formState.errors.minutes)}
              helperText={formState.errors.minutes?.message}
              slotProps={{
                htmlInput: { min: 1, max: SUPERVISION_MAX_MINUTES, inputMode: 'numeric' },
              }}
              {...register('minutes', {
                validate: (v) => {
                  const n = Number(v);
                  return Number.isInteger(n) && n >= 1 && n <= SUPERVISION_MAX_MINUTES
                    ? true
                    : `Enter whole minutes from 1 to ${SUPERVISION_MAX_MINUTES}`;
                },
              })}
            />
            <EnumSelect
              control={control}
              name="format"
              label="How"
              options={enumOptions(SUPERVISION_FORMATS, SUPERVISION_FORMAT_LABELS)}
            />
            <TextField
              label="What you talked about (optional)"
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
              {...register('topics')}
            />
            <TextField
              label="Next steps (optional)"
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
              {...register('actionItems')}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => guard.confirmLeave(onClose)}>Cancel</Button>
            <Button type="submit" variant="contained" loading={formState.isSubmitting}>
              {supervision ? 'Save changes' : 'Save supervision'}
            </Button>
          </DialogActions>
        </form>
      </PickersProvider>
      {guard.dialog}
    </Dialog>
  );
}
