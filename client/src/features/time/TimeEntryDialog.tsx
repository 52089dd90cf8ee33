import {
  TIME_ENTRY_KINDS,
  TIME_ENTRY_KIND_LABELS,
  TIME_ENTRY_MAX_MINUTES,
  type TimeEntry,
  type TimeEntryKind,
} from '@peerpath/shared';
import { useForm } from 'react-hook-form';
import type { FieldLabels } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { FormDialog } from '../../components/FormDialog';
import { MinutesField } from '../../components/MinutesField';
import { DateInput } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { enumOptions } from '../../lib/options';
import { useUpdateTimeEntry } from './api';
import { LongTextField } from '../../components/LongTextField';

interface Values {
  kind: TimeEntryKind;
  minutes: string;
  on: string;
  note: string;
}

const KINDS = enumOptions(TIME_ENTRY_KINDS, TIME_ENTRY_KIND_LABELS);

const FIELD_LABELS: FieldLabels<Values> = {
  kind: 'Kind',
  minutes: 'Minutes',
  on: 'Day',
  note: 'Note',
};

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
  const update = useUpdateTimeEntry(entry.id);
  const form = useForm<Values>({
    defaultValues: {
      kind: entry.kind,
      minutes: String(entry.minutes),
      on: entry.on,
      note: entry.note ?? '',
    },
  });
  const { control, register, formState } = form;
  const { submit, state } = useFormDialog(form, FIELD_LABELS);
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const onSubmit = submit(async (v) => {
    await update.mutateAsync({
      version: entry.version,
      kind: v.kind,
      minutes: Number(v.minutes),
      on: v.on,
      note: v.note.trim() || null,
    });
    guard.release();
    onSaved();
  });
  return (
    <FormDialog
      title="Change time entry"
      guard={guard}
      onClose={onClose}
      onSubmit={onSubmit}
      {...state}
      submitLabel="Save changes"
      maxWidth="xs"
      pickers
    >
      <EnumSelect control={control} name="kind" label="What you did" options={KINDS} />
      <MinutesField
        register={register}
        name="minutes"
        max={TIME_ENTRY_MAX_MINUTES}
        error={formState.errors.minutes}
      />
      <DateInput control={control} name="on" label="Day" required disableFuture />
      <LongTextField label="Note (optional)" maxLength={2000} {...register('note')} />
    </FormDialog>
  );
}
