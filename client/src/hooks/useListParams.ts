import { PAGE_SIZE_DEFAULT } from '@peerpath/shared';
import { useUrlState } from './useUrlState';

/**
 * A server-paged list's filters, page and page size, kept in the address bar
 * (see `useUrlState`). Changing a filter goes back to the first page, and so
 * does changing the page size.
 */
export function useListParams<K extends string>(defaults: Record<K, string>) {
  type Key = K | 'page' | 'pageSize';
  const [values, set] = useUrlState<Key>({
    ...defaults,
    page: '1',
    pageSize: String(PAGE_SIZE_DEFAULT),
  });
  const page = Number(values.page) || 1;
  const pageSize = Number(values.pageSize) || PAGE_SIZE_DEFAULT;
  return {
    filters: values as Record<K, string>,
    /** Sets filters (a value equal to its default is left out of the address) and shows page 1. */
    setFilters: (changes: Partial<Record<K, string>>) =>
      set({ ...changes, page: 1 } as Partial<Record<Key, string | number>>),
    page,
    pageSize,
    /** The props of a paged table or list. */
    paging: {
      page,
      pageSize,
      onPageChange: (p: number, size: number) =>
        set({ page: size === pageSize ? p : 1, pageSize: size } as Partial<Record<Key, number>>),
    },
  };
}
