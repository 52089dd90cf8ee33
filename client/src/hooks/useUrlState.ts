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
      (prev) => {
        const next = new URLSearchParams(prev);
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
