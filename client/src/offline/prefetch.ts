/**
 * The code of every form whose saves the outbox keeps, fetched once while
 * the connection is there: a page loads its code when first opened, so
 * without this "Log one-to-one" would fail to open after the connection
 * drops. (It does not make the app start offline; a reload needs the server.)
 */
const FORMS = [
  () => import('../pages/NewSessionPage'),
  () => import('../features/sessions/SessionForm'),
  () => import('../pages/NewDecisionNotePage'),
  () => import('../pages/ParticipantPage'),
  // A person's crisis plan, which must open whatever the connection.
  () => import('../features/plans/CrisisPlanDialog'),
  () => import('../features/advocacy/AdvocacyDialog'),
  () => import('../features/resources/HandoutDialog'),
  // And the list of entries kept on this device, which matters most while offline,
  () => import('./OutboxDialog'),
  // with the account menu and its warning before signing out with entries unsent, and a
  // phone's navigation drawer.
  () => import('../components/AccountMenu'),
  () => import('../components/ConfirmDialog'),
  () => import('../components/NavDrawer'),
];

let done = false;

/** How long after the page has loaded the forms' code is fetched. */
const AFTER_LOAD_MS = 5000;

export function prefetchForms() {
  if (done) return;
  done = true;
  const load = () => {
    for (const form of FORMS) void form().catch(() => undefined);
  };
  // After the page in front of the person has what it needs: on a phone on a slow connection
  // these forms' 200 KB of code fetched and compiled at once with the first page's data doubled
  // the time until that page was usable (Lighthouse's mobile profile). So: once the page has
  // loaded, a few seconds later, when the main thread is idle.
  const later = () =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 5000 });
      else load();
    }, AFTER_LOAD_MS);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
