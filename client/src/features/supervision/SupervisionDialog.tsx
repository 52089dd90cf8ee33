import {
  SUPERVISION_FORMATS,
  SUPERVISION_FORMAT_LABELS,
  SUPERVISION_MAX_MINUTES,
  type Supervision,
  type SupervisionFormat,
} from '@peerpath/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { FieldLabels } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { FormDialog } from '../../components/FormDialog';
import { MinutesField } from '../../components/MinutesField';
import { DateInput } from '../../components/pickers';
import { useFormDialog } from '../../hooks/useFormDialog';
import { useUnsavedChangesWarning } from '../../hooks/useUnsavedChangesWarning';
import { today } from '../../lib/dates';
import { newId } from '../../lib/newId';
import { enumOptions, type SelectOption } from '../../lib/options';
import { useCreateSupervision, useUpdateSupervision } from './api';
import { LongTextField } from '../../components/LongTextField';

interface Values {
  workerId: string;
  on: string;
  minutes: string;
  format: SupervisionFormat;
  topics: string;
  actionItems: string;
}

const FORMATS = enumOptions(SUPERVISION_FORMATS, SUPERVISION_FORMAT_LABELS);

const FIELD_LABELS: FieldLabels<Values> = {
  workerId: 'Worker',
  on: 'Day',
  minutes: 'Minutes',
  format: 'How',
  topics: 'What you talked about',
  actionItems: 'Next steps',
};

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
  const create = useCreateSupervision();
  const update = useUpdateSupervision(supervision?.id ?? '');
  // One id for this dialog's record: saving again after a lost answer is a safe retry.
  const [id] = useState(newId);
  const form = useForm<Values>({
    defaultValues: {
      workerId: supervision?.workerId ?? workerId ?? '',
      on: supervision?.on ?? today(),
      minutes: String(supervision?.minutes ?? 60),
      format: supervision?.format ?? 'individual',
      topics: supervision?.topics ?? '',
      actionItems: supervision?.actionItems ?? '',
    },
  });
  const { control, register, formState } = form;
  const { submit, state } = useFormDialog(form, FIELD_LABELS);
  const guard = useUnsavedChangesWarning(formState.isDirty && !formState.isSubmitSuccessful);
  const onSubmit = submit(async (v) => {
    const fields = {
      on: v.on,
      minutes: Number(v.minutes),
      format: v.format,
      topics: v.topics.trim() || null,
      actionItems: v.actionItems.trim() || null,
    };
    if (supervision) await update.mutateAsync({ ...fields, version: supervision.version });
    else await create.mutateAsync({ ...fields, id, workerId: v.workerId });
    guard.release();
    onSaved();
  });
  return (
    <FormDialog
      title={supervision ? 'Change supervision' : 'Log supervision'}
      guard={guard}
      onClose={onClose}
      onSubmit={onSubmit}
      {...state}
      submitLabel={supervision ? 'Save changes' : 'Save supervision'}
      pickers
    >
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
      <MinutesField
        register={register}
        name="minutes"
        max={SUPERVISION_MAX_MINUTES}
        error={formState.errors.minutes}
      />
      <EnumSelect control={control} name="format" label="How" options={FORMATS} />
      <LongTextField
        label="What you talked about (optional)"
        maxLength={4000}
        {...register('topics')}
      />
      <LongTextField label="Next steps (optional)" maxLength={4000} {...register('actionItems')} />
    </FormDialog>
  );
}
