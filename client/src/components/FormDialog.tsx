import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, type FormEventHandler, type ReactNode } from 'react';
import type { UnsavedChangesWarning } from '../hooks/useUnsavedChangesWarning';
import { FormError } from './FormError';
import { PickersProvider } from './pickers';
import { SubmitActions } from './SubmitActions';

/**
 * A dialog that is one form: its title, the form's own error above the fields,
 * Cancel and the submit button. Closing it (Escape, the backdrop, Cancel) with
 * unsaved changes asks first, through `guard`. `pickers` wraps it in the date
 * pickers' provider for forms with a date; `grid` lays the fields out one under
 * the other with room between them.
 */
export function FormDialog({
  open = true,
  title,
  guard,
  onClose,
  onSubmit,
  error,
  submitting,
  submitLabel,
  submitDisabled,
  maxWidth = 'sm',
  pickers = false,
  grid = true,
  large = false,
  fullScreen = false,
  children,
}: {
  open?: boolean;
  title: ReactNode;
  guard: UnsavedChangesWarning;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null;
  submitting: boolean;
  submitLabel: ReactNode;
  /** The submit button is disabled (the caller may not change this record). */
  submitDisabled?: boolean;
  maxWidth?: DialogProps['maxWidth'];
  pickers?: boolean;
  grid?: boolean;
  /** Large buttons, for a long form often filled in on a phone. */
  large?: boolean;
  fullScreen?: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  const close = () => guard.confirmLeave(onClose);
  const form = (
    <form onSubmit={onSubmit} noValidate>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={grid ? { display: 'grid', gap: 2, pt: '8px !important' } : undefined}>
        <FormError message={error} />
        {children}
      </DialogContent>
      <SubmitActions
        onCancel={close}
        submitting={submitting}
        disabled={submitDisabled}
        large={large}
        largeCancel={large}
      >
        {submitLabel}
      </SubmitActions>
    </form>
  );
  return (
    <Dialog
      open={open}
      onClose={close}
      aria-labelledby={titleId}
      maxWidth={maxWidth}
      fullWidth
      fullScreen={fullScreen}
    >
      {pickers ? <PickersProvider>{form}</PickersProvider> : form}
      {guard.dialog}
    </Dialog>
  );
}
