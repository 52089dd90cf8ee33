/**
 * The code of every form whose saves the outbox keeps, fetched once while
 * the connection is there: a page loads its code when first opened, so
 * without this "Log one-to-one" would fail to open after the connection
 * drops. (It does not make the app start offline; a reload needs the server.)
 */
const FORMS = [
  () => import('../pages/NewSessionPage'),
  () => import('../pages/NewDecisionNotePage'),
  () => import('../pages/ParticipantPage'),
  () => import('../features/advocacy/AdvocacyDialog'),
  () => import('../features/resources/HandoutDialog'),
  // And the list of entries kept on this device, which matters most while offline.
  () => import('./OutboxDialog'),
];

let done = false;

export function prefetchForms() {
  if (done) return;
  done = true;
  const load = () => {
    for (const form of FORMS) void form().catch(() => undefined);
  };
  // After the page in front of the person has what it needs.
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 2000);
}
