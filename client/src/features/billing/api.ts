import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BillingProfile,
  BlockedLinesResult,
  ClaimLinesResult,
  CreateBillingProfileRequest,
  UpdateBillingProfileRequest,
} from '@peerpath/shared';
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

const profileKeys = {
  all: ['billing', 'profiles'] as const,
};

/**
 * The billing profiles: every one for an admin, the active ones for
 * everyone else (what a participant's coverage is chosen from).
 */
export function useBillingProfiles(enabled = true) {
  return useQuery({
    enabled,
    queryKey: profileKeys.all,
    queryFn: ({ signal }) =>
      api<{ items: BillingProfile[]; total: number }>('/billing/profiles', { signal }),
    staleTime: 60_000,
  });
}

/** Adds a billing profile (admins). */
export function useCreateBillingProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBillingProfileRequest & { id: string }) =>
      api<BillingProfile>('/billing/profiles', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing'] }),
  });
}

/** Changes a billing profile (admins); `version` is the one last read. */
export function useUpdateBillingProfile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBillingProfileRequest) =>
      api<BillingProfile>(`/billing/profiles/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing'] }),
  });
}
