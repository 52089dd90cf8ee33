import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { UnsavedChangesDialog } from '../components/UnsavedChangesDialog';
import { unsavedForms } from '../components/UnsavedChangesGuard';

export interface UnsavedChangesWarning {
  /** Runs `leave` at once when nothing is unsaved; otherwise asks first. */
  confirmLeave: (leave: () => void) => void;
  /** Call after a successful save, before moving on, so leaving no longer asks. */
  release: () => void;
  /** Render it with the form: the question `confirmLeave` asks. */
  dialog: ReactElement;
}

/**
 * Asks before unsaved changes are lost: when leaving for another page in the
 * app, when closing or reloading the tab, and (through `confirmLeave`) when
 * cancelling or closing a form or dialog. Links and Back are stopped by the
 * shell's `UnsavedChangesGuard`, which asks on behalf of every form.
 */
export function useUnsavedChangesWarning(dirty: boolean): UnsavedChangesWarning {
  // Set once the changes are saved or knowingly discarded, so the move that follows goes ahead.
  const released = useRef(false);
  const dirtyRef = useRef(dirty);
  const [leaving, setLeaving] = useState<{ leave: () => void } | null>(null);

  useEffect(() => {
    dirtyRef.current = dirty;
    // A form that stays mounted (a dialog reset after saving) guards its next edits again.
    if (!dirty) released.current = false;
  }, [dirty]);

  useEffect(() => {
    const isDirty = () => dirtyRef.current && !released.current;
    unsavedForms.add(isDirty);
    return () => {
      unsavedForms.delete(isDirty);
    };
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      // The browser shows its own "Leave site?" question.
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const release = useCallback(() => {
    released.current = true;
  }, []);

  const confirmLeave = useCallback((leave: () => void) => {
    if (!dirtyRef.current || released.current) leave();
    else setLeaving({ leave });
  }, []);

  const discard = useCallback(() => {
    released.current = true;
    setLeaving(null);
    leaving?.leave();
  }, [leaving]);

  const dialog = (
    <UnsavedChangesDialog
      open={leaving !== null}
      onKeep={() => setLeaving(null)}
      onDiscard={discard}
    />
  );

  return { confirmLeave, release, dialog };
}
