import { useQuery } from '@tanstack/react-query';
import type { AuditWarnings } from '@peerpath/shared';
import { api } from '../../api';

/** Admins: users with a burst of requests for other teams' records, checked every minute. */
export function useAuditWarnings(enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'warnings'] as const,
    queryFn: ({ signal }) => api<AuditWarnings>('/audit/warnings', { signal }),
    enabled,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
