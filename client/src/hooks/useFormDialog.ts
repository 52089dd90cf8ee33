import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyServerErrors, type FieldLabels } from '../api';

/**
 * A form's save and its error: `submit(save)` is the form's onSubmit. It clears
 * the last error, runs `save` with the valid values and, when the server
 * objects, puts each field's message on its field (by `labels`) and what fits
 * no field above the form (`formError`, for FormDialog's `error`). `explain`
 * may word an error itself first (a conflict, say); null leaves it to the labels.
 */
export function useFormDialog<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'handleSubmit' | 'setError'>,
  labels: FieldLabels<T>,
  explain?: (error: unknown) => string | null,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const submit = (save: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await save(values);
      } catch (error) {
        setFormError(explain?.(error) ?? applyServerErrors(error, form.setError, labels));
      }
    });
  return { formError, setFormError, submit };
}
