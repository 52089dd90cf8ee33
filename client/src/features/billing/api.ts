import { useQuery } from '@tanstack/react-query';
import type { BlockedLinesResult, ClaimLinesResult } from '@peerpath/shared';
import { api } from '../../api';

export interface BillingPeriod {
  from: string;
  to: string;
  teamId?: string;
}

/** The period's billable claim lines and their totals (SPEC §13). */
export function useClaims(p: BillingPeriod) {
  return useQuery({
    queryKey: ['billing', 'claims', p] as const,
    queryFn: ({ signal }) => api<ClaimLinesResult>('/billing/claims', { query: { ...p }, signal }),
  });
}

/** The period's blocked lines, with every reason. */
export function useBlocked(p: BillingPeriod) {
  return useQuery({
    queryKey: ['billing', 'blocked', p] as const,
    queryFn: ({ signal }) =>
      api<BlockedLinesResult>('/billing/blocked', { query: { ...p }, signal }),
  });
}
