import { useState } from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { applyServerErrors, isApiError, type FieldLabels } from '../api';
import { isSavedOnDevice } from '../offline';

export interface FormDialogErrors<T extends FieldValues> {
  /** API field → form field, where they differ (`participantId` → `participant`). */
  aliases?: Partial<Record<string, FieldPath<T>>>;
  /** What to say when someone else changed the record first (409); left out, the server's words. */
  conflict?: string;
  /** Someone else changed the record first (409): the form shows it its own way, not as an error. */
  onConflict?: () => void;
  /** Offline, the save waits on this device: no error, the form is done (close it). */
  onSavedOnDevice?: () => void;
}

/**
 * A form's save and its error: `submit(save)` is the form's onSubmit. It clears
 * the last error, runs `save` with the valid values and, when the server
 * objects, puts each field's message on its field (by `labels`, or labels for
 * the values sent) and what fits no field above the form (`formError`).
 * `state` is FormDialog's `error` and `submitting`.
 */
export function useFormDialog<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'handleSubmit' | 'setError' | 'formState'>,
  labels: FieldLabels<T> | ((values: T) => FieldLabels<T>),
  { aliases, conflict, onConflict, onSavedOnDevice }: FormDialogErrors<T> = {},
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (save: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await save(values);
      } catch (error) {
        if (onSavedOnDevice && isSavedOnDevice(error)) {
          onSavedOnDevice();
          return;
        }
        if (conflict && isApiError(error, 409)) {
          setFormError(conflict);
          return;
        }
        if (onConflict && isApiError(error, 409)) {
          onConflict();
          return;
        }
        const fields = typeof labels === 'function' ? labels(values) : labels;
        setFormError(applyServerErrors(error, form.setError, fields, aliases));
      }
    });
  const state = { error: formError, submitting: form.formState.isSubmitting };
  return { formError, setFormError, submit, state };
}
