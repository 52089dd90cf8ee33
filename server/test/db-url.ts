/** Databases of one test run share a prefix, so runs on one server never collide. */
export function runPrefix(): string {
  const run = process.env.PEERPATH_TEST_RUN;
  if (!run) throw new Error('PEERPATH_TEST_RUN is not set: run the e2e specs through jest');
  return `pp_${run}`;
}

export const templateDb = () => `${runPrefix()}_tpl`;

/** The same server URL, pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
