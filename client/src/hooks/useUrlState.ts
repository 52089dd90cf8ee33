import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address bar, so Back, reload and shared links
 * keep them. Setting a value replaces the history entry; a value equal to
 * its default is left out of the URL.
 */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    Object.entries<string>(defaults).map(([k, d]) => [k, params.get(k) ?? d]),
  ) as Record<K, string>;
  const set = (changes: Partial<Record<K, string | number>>) => {
    setParams(
      () => {
        // From the address as it is now, not as this page last drew it: the router draws a
        // change of address in a transition, which a slow phone finishes after the next keys,
        // and two fields changed one after the other (a period's "From" and "To") would each
        // write over the other's date.
        const next = new URLSearchParams(window.location.search);
        for (const [k, v] of Object.entries(changes) as [K, string | number | undefined][]) {
          const s = v === undefined ? '' : String(v);
          if (s === defaults[k]) next.delete(k);
          else next.set(k, s);
        }
        return next;
      },
      { replace: true },
    );
  };
  return [values, set] as const;
}

/** A list page's address with the filters given (empty ones left out). */
export function listUrl(path: string, filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  return query ? `${path}?${query}` : path;
}
