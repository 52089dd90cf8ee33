import { useQuery } from '@tanstack/react-query';
import type { Agenda } from '@peerpath/shared';
import { api } from '../../api';

/** The day of the caller, or of a worker of their team (supervisors). */
export function useAgenda(workerId?: string, enabled = true) {
  return useQuery({
    queryKey: ['agenda', workerId ?? 'me'],
    queryFn: ({ signal }) => api<Agenda>('/agenda', { query: { workerId }, signal }),
    enabled,
    refetchInterval: 5 * 60_000,
  });
}
