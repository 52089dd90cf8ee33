import { useBlocker } from 'react-router';
import { blocksNavigation } from '../hooks/useUnsavedChangesWarning';
import { UnsavedChangesDialog } from './UnsavedChangesDialog';

/** Mounted once in the shell: asks before a link or Back leaves a form with unsaved changes. */
export function UnsavedChangesGuard() {
  const blocker = useBlocker(blocksNavigation);
  return (
    <UnsavedChangesDialog
      open={blocker.state === 'blocked'}
      onDiscard={() => blocker.proceed?.()}
      onKeep={() => blocker.reset?.()}
    />
  );
}
