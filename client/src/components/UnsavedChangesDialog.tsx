import { ConfirmDialog } from './ConfirmDialog';

/** Asks before unsaved changes are thrown away. Keeping them is the choice with focus. */
export function UnsavedChangesDialog({
  open,
  onDiscard,
  onKeep,
}: {
  open: boolean;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Leave without saving?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      destructive
      onConfirm={onDiscard}
      onClose={onKeep}
    >
      You have changes that are not saved yet. If you leave now, they will be lost.
    </ConfirmDialog>
  );
}
