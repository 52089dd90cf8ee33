import Button, { type ButtonProps } from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import type { ReactNode } from 'react';

/**
 * The action row under a dialog's form: Cancel, then the submit button
 * (busy while `submitting`). `large` makes the submit button large, for a form
 * often filled in on a phone; `largeCancel` the Cancel button too.
 */
export function SubmitActions({
  onCancel,
  submitting,
  large = false,
  largeCancel = false,
  focusCancel = false,
  color,
  disabled,
  children,
}: {
  onCancel: () => void;
  submitting: boolean;
  large?: boolean;
  largeCancel?: boolean;
  /** Focus Cancel first: for a step that is hard to undo. */
  focusCancel?: boolean;
  color?: ButtonProps['color'];
  disabled?: boolean;
  /** The submit button's label. */
  children: ReactNode;
}) {
  return (
    <DialogActions>
      <Button size={largeCancel ? 'large' : undefined} onClick={onCancel} autoFocus={focusCancel}>
        Cancel
      </Button>
      <Button
        type="submit"
        variant="contained"
        size={large ? 'large' : undefined}
        color={color}
        loading={submitting}
        disabled={disabled}
      >
        {children}
      </Button>
    </DialogActions>
  );
}
