/** The requests index.html's first script started while the app's code downloaded. */
interface Started {
  refresh?: Promise<Response>;
  settings?: Promise<Response>;
}

/**
 * The answer to one of the page's first questions (scripts/start-requests.mjs), taken once: the
 * session from the refresh cookie, or the organisation's settings. Undefined when that script
 * did not run (the dev server) or the answer was taken already; the caller then asks itself.
 */
export function takeStarted(name: keyof Started): Promise<Response> | undefined {
  const started = (globalThis as { peerpathStarted?: Started }).peerpathStarted;
  const answer = started?.[name];
  if (started) delete started[name];
  return answer;
}
