import { lazy, Suspense } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

// Loaded the first time it is needed, to keep the shell's first download small.
const UnsavedChangesDialog = lazy(() =>
  import('./UnsavedChangesDialog').then((m) => ({ default: m.UnsavedChangesDialog })),
);

/**
 * Every mounted form that has unsaved changes (see `useUnsavedChangesWarning`).
 * A router honours only one blocker, so this one guard asks on behalf of all
 * of them — a participant's details and a dialog over them can both be open.
 */
export const unsavedForms = new Set<() => boolean>();

const blocksNavigation: BlockerFunction = ({ currentLocation, nextLocation }) =>
  // Changing only the query string (a filter, a page) leaves the form in place.
  currentLocation.pathname !== nextLocation.pathname &&
  [...unsavedForms].some((isDirty) => isDirty());

/** Mounted once in the shell: asks before a link or Back leaves a form with unsaved changes. */
export function UnsavedChangesGuard() {
  const blocker = useBlocker(blocksNavigation);
  if (blocker.state !== 'blocked') return null;
  return (
    <Suspense fallback={null}>
      <UnsavedChangesDialog
        open
        onDiscard={() => blocker.proceed()}
        onKeep={() => blocker.reset()}
      />
    </Suspense>
  );
}
